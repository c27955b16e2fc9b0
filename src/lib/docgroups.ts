/**
 * The document index (`docs.html`) in pages. The groups themselves and how a document is named
 * are rules on the UN symbol, in the model layer (scripts/model/docgroups.ts, re-exported here
 * for the site's pages).
 */
import { paginate, type Page } from './paging.ts';
import type { DocGroup } from '../../scripts/model/docgroups.ts';

export { CORPUS_GROUP, OTHER_GROUP, describeDoc, docGroup, groupDocs, type DocDescription, type DocGroup } from '../../scripts/model/docgroups.ts';

/** One page of the document index: its rows as runs of groups, and where every group starts. */
export interface DocIndexPage<T> {
  page: Page<T>;
  /** This page's rows, grouped (a group cut by a page break continues on the next page). */
  groups: { group: DocGroup; docs: T[]; count: number }[];
  /** Every group of the whole index with its size and the site-root path (with `#g-<id>`) of its first row. */
  nav: { group: DocGroup; count: number; href: string }[];
}

/**
 * The document index (`docs.html`) in pages of at most `size` rows, the others at
 * `doc-index/2.html` …; one page, as it always was, when the documents fit. Pure.
 */
export function docIndexPages<T>(groups: readonly { group: DocGroup; docs: readonly T[] }[], size: number): DocIndexPage<T>[] {
  const rows = groups.flatMap(({ group, docs }) => docs.map((doc) => ({ group, doc })));
  const pages = paginate(rows, size, 'docs.html', (n) => `doc-index/${n}.html`);
  const firstPage = new Map<string, string>();
  for (const page of pages) for (const { group } of page.items) if (!firstPage.has(group.id)) firstPage.set(group.id, page.path);
  const nav = groups.map(({ group, docs }) => ({ group, count: docs.length, href: `${firstPage.get(group.id)}#g-${group.id}` }));
  return pages.map((page) => {
    const runs: DocIndexPage<T>['groups'] = [];
    for (const { group, doc } of page.items) {
      const last = runs.at(-1);
      if (last?.group.id === group.id) last.docs.push(doc);
      else runs.push({ group, docs: [doc], count: nav.find((n) => n.group.id === group.id)!.count });
    }
    return { page: { ...page, items: page.items.map((r) => r.doc) }, groups: runs, nav };
  });
}
