/**
 * The link check over a built site: every internal `href`/`src` must name a file of the build,
 * and every `#fragment` an `id` (or `<a name>`) in the page it points to. Pure: it takes the
 * pages' HTML and the list of files, so it runs on `dist/` and on a tiny fixture alike.
 * HTML is read with parse5 (the WHATWG parser browsers follow), never with patterns.
 */
import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** One built HTML page: its path from the site root (`reports/a-74-36.html`) and its text. */
export interface Page {
  path: string;
  html: string;
}

/** A URL-bearing attribute found in a page. */
export interface Reference {
  tag: string;
  attr: string;
  value: string;
}

/** What one page offers and asks for. */
export interface PageLinks {
  ids: Set<string>;
  refs: Reference[];
}

/** A reference that does not resolve. */
export interface BrokenLink {
  page: string;
  tag: string;
  attr: string;
  href: string;
  reason: 'missing-file' | 'missing-anchor';
}

export interface LinkReport {
  pages: number;
  /** Internal references checked (file and, where given, fragment). */
  checked: number;
  /** Of those, how many carried a `#fragment` that was checked against the target's ids. */
  anchors: number;
  /** External references (http, mailto …): counted, not fetched. */
  external: number;
  broken: BrokenLink[];
}

/** Attributes that make the browser load or navigate to a URL, by element. */
const URL_ATTRS: Record<string, readonly string[]> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  script: ['src'],
  img: ['src'],
  source: ['src'],
  iframe: ['src'],
  audio: ['src'],
  video: ['src', 'poster'],
  track: ['src'],
  embed: ['src'],
  object: ['data'],
  form: ['action'],
  use: ['href'],
  image: ['href'],
};

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

/** The ids and URL references of one HTML document (including `<template>` contents). */
export function pageLinks(html: string): PageLinks {
  const ids = new Set<string>();
  const refs: Reference[] = [];
  const visit = (node: Node): void => {
    if (isElement(node)) {
      const attrs = URL_ATTRS[node.tagName] ?? [];
      for (const { name, value } of node.attrs) {
        if (name === 'id' || (name === 'name' && node.tagName === 'a')) ids.add(value);
        if (attrs.includes(name) || (name === 'xlink:href' && attrs.includes('href'))) {
          refs.push({ tag: node.tagName, attr: name, value });
        }
      }
      if (node.tagName === 'template') visit((node as DefaultTreeAdapterMap['template']).content);
    }
    if ('childNodes' in node) for (const child of node.childNodes) visit(child);
  };
  visit(parse(html));
  return { ids, refs };
}

const ORIGIN = 'http://site.invalid/';

/**
 * Where a reference leads inside the site: the target file's site-root path and the decoded
 * fragment, or `undefined` for an external URL. `base` is the deployment base for
 * root-absolute links (`/base/x.html`), as the not-found page uses.
 */
export function resolveReference(from: string, value: string, base = '/'): { path: string; fragment: string | undefined } | undefined {
  const trimmed = value.trim();
  if (trimmed.startsWith('//') || /^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return undefined;
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const root = new URL(prefix, ORIGIN);
  const url = new URL(trimmed, new URL(from, root));
  let path = decodeURIComponent(url.pathname);
  const rootPath = decodeURIComponent(root.pathname);
  path = path.startsWith(rootPath) ? path.slice(rootPath.length) : `../${path.replace(/^\/+/, '')}`;
  if (path === '' || path.endsWith('/')) path += 'index.html';
  const hash = url.hash.slice(1);
  return { path, fragment: url.hash === '' || hash === '' ? undefined : decodeURIComponent(hash) };
}

/**
 * Check every page against the build's files (site-root paths of every file, not only HTML).
 * Fragments on links to non-HTML files are not checked; a fragment on a page that exists
 * must name an id in it.
 */
export function checkLinks(pages: readonly Page[], files: ReadonlySet<string>, base = '/'): LinkReport {
  const links = new Map(pages.map((p) => [p.path, pageLinks(p.html)]));
  const report: LinkReport = { pages: pages.length, checked: 0, anchors: 0, external: 0, broken: [] };
  for (const page of pages) {
    for (const ref of links.get(page.path)?.refs ?? []) {
      const target = resolveReference(page.path, ref.value, base);
      if (target === undefined) {
        report.external += 1;
        continue;
      }
      report.checked += 1;
      const broken = (reason: BrokenLink['reason']) => report.broken.push({ page: page.path, tag: ref.tag, attr: ref.attr, href: ref.value, reason });
      if (!files.has(target.path)) {
        broken('missing-file');
        continue;
      }
      const targetLinks = links.get(target.path);
      if (target.fragment === undefined || targetLinks === undefined) continue;
      report.anchors += 1;
      if (!targetLinks.ids.has(target.fragment)) broken('missing-anchor');
    }
  }
  return report;
}
