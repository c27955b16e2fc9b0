/**
 * How a report is cited: the UN style a reader pastes into a text (issuing organ and session,
 * title, symbol, date, paragraph), and the machine-readable forms reference managers import
 * (CSL-JSON, BibTeX). A report without a symbol is cited by its title, so every report has a
 * usable citation. Pure functions of the report's metadata: the report page shows them, and the
 * build writes the citation files (scripts/model/data-files.ts) beside Astro's render.
 */
import type { Frontmatter } from './schema.ts';
import { chineseDate } from './docpages.ts';
import { kindLabel } from './kinds.ts';
import { officialUrl, reportPath } from './urls.ts';

export type CiteMeta = Pick<Frontmatter, 'slug' | 'title' | 'kind' | 'symbol' | 'body' | 'session' | 'author' | 'date' | 'year' | 'original'> &
  Partial<Pick<Frontmatter, 'officialRecords'>>;

/** `联合国人权理事会第四十七届会议`: who issued the report, with the session when known. */
export function issuer(meta: CiteMeta): string {
  const body = meta.body ? (meta.body.startsWith('联合国') ? meta.body : `联合国${meta.body}`) : '联合国';
  return `${body}${meta.session ?? ''}`;
}

/** The author line when it adds to the title (`秘书处的报告`), not when it repeats it. */
function authorLine(meta: CiteMeta): string | undefined {
  const a = meta.author;
  if (!a || meta.title.includes(a) || a.includes(meta.title)) return undefined;
  return a;
}

/** The date as cited: the cover date (`2023 年 3 月 9 日`), else the year, else nothing. */
function citedDate(meta: CiteMeta): string | undefined {
  if (meta.date) return chineseDate(meta.date);
  return meta.year ? `${meta.year} 年` : undefined;
}

/** How a reader names a report in a short reference: its symbol, else its title in 《》. */
export const shortName = (meta: Pick<CiteMeta, 'symbol' | 'title'>): string => meta.symbol ?? `《${meta.title}》`;

/**
 * The Official Records volume the cover names (`《大会正式记录，第七十四届会议，补编第 36 号》`),
 * its printed parts joined as the UN cites them; undefined when the cover names none.
 */
export function recordsLine(meta: Pick<CiteMeta, 'officialRecords'>): string | undefined {
  const printed = meta.officialRecords?.trim();
  if (!printed) return undefined;
  return `《${printed.replace(/[《》]/g, '').replace(/\s*[，,]\s*|\s+/g, '，')}》`;
}

/**
 * The UN-style citation: `联合国大会第七十四届会议，《标题》，A/74/36，《大会正式记录，第七十四届会议，补编第 36 号》，2019 年，第 12 段。`
 * `place` is how the cited part is named (`第 12 段`, `第 12 段 (a)`); without it the whole report.
 */
export function unCitation(meta: CiteMeta, place?: string): string {
  const parts = [issuer(meta), `《${meta.title}》`, authorLine(meta), meta.symbol, recordsLine(meta), citedDate(meta), place];
  return `${parts.filter((p): p is string => Boolean(p)).join('，')}。`;
}

/** Where the report can be read: its official record when it has a symbol, else this site's page. */
function reportUrl(meta: CiteMeta, pageUrl: string | undefined): string | undefined {
  return meta.symbol ? officialUrl(meta.symbol) : pageUrl;
}

/**
 * The report as one CSL-JSON item (the format Zotero, Mendeley and pandoc read), in an array
 * as CSL-JSON files are. `pageUrl` is the report page's absolute address when the site's is known.
 */
export function cslJson(meta: CiteMeta, pageUrl?: string): string {
  const url = reportUrl(meta, pageUrl);
  const date = meta.date ? meta.date.split('-').map(Number) : meta.year ? [meta.year] : undefined;
  const item = {
    id: meta.slug,
    type: 'report',
    title: meta.title,
    author: [{ literal: issuer(meta) }],
    publisher: '联合国',
    genre: kindLabel(meta.kind),
    ...(meta.symbol ? { number: meta.symbol } : {}),
    ...(meta.officialRecords ? { 'collection-title': recordsLine(meta)!.slice(1, -1) } : {}),
    ...(date ? { issued: { 'date-parts': [date] } } : {}),
    ...(url ? { URL: url } : {}),
    language: 'zh-CN',
  };
  return `${JSON.stringify([item], null, 2)}\n`;
}

/** The characters `bibEscape` writes as commands rather than with a backslash before them. */
const BIB_ESCAPES: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\textbraceleft{}',
  '}': '\\textbraceright{}',
  '^': '\\^{}',
  '~': '\\~{}',
};

/**
 * BibTeX's special characters escaped, so a title with `%` or `{` cannot break the entry. Braces
 * become `\textbraceleft{}` / `\textbraceright{}`: BibTeX balances braces without regard to
 * backslashes, so `\}` alone would end the field early and let the rest of the text make fields of
 * its own. Line breaks become spaces (a field is one line).
 */
export function bibEscape(text: string): string {
  return text.replace(/[\\{}%&#$_^~]|[\r\n]+/g, (c) => BIB_ESCAPES[c] ?? (/^[\r\n]/.test(c) ? ' ' : `\\${c}`));
}

/**
 * A URL as a BibTeX field: it is read verbatim (the url package), so it is not TeX-escaped, but
 * the characters that could end the field or the entry (braces, backslash, quotes, spaces and
 * line breaks) are percent-encoded, as they would be in any URL (`%` itself is left: it is one).
 */
export function bibUrl(url: string): string {
  return url.replace(/[{}\\"\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** The report as one BibTeX `@techreport` entry keyed by its slug; the issuer is a corporate author. */
export function bibtex(meta: CiteMeta, pageUrl?: string): string {
  const url = reportUrl(meta, pageUrl);
  const fields: [string, string | undefined][] = [
    ['author', `{${bibEscape(issuer(meta))}}`],
    ['title', `{${bibEscape(meta.title)}}`],
    ['institution', '联合国'],
    ['type', bibEscape(kindLabel(meta.kind))],
    ['number', meta.symbol && bibEscape(meta.symbol)],
    ['series', meta.officialRecords && bibEscape(recordsLine(meta)!.slice(1, -1))],
    ['year', bibEscape(meta.date?.slice(0, 4) ?? (meta.year ? String(meta.year) : ''))],
    ['date', meta.date && bibEscape(meta.date)],
    ['url', url && bibUrl(url)],
    ['language', 'chinese'],
  ];
  const body = fields.flatMap(([k, v]) => (v ? [`  ${k} = {${v}}`] : [])).join(',\n');
  return `@techreport{${meta.slug},\n${body}\n}\n`;
}

/**
 * The absolute address of a report page when the deployment's `site` is known (`SITE_URL`),
 * else undefined: an offline copy has no address to cite, so its files cite the official record.
 */
export function reportPageUrl(site: URL | undefined, base: string, slug: string): string | undefined {
  if (!site) return undefined;
  const path = `${base.replace(/^\/+|\/+$/g, '')}/${reportPath(slug)}`.replace(/^\/+/, '');
  return new URL(path, `${site.origin}/`).href;
}

/** The UN-style citation without its end, for the page script to add `，第 n 段。` and the link. */
export const citationPrefix = (meta: CiteMeta): string => unCitation(meta).slice(0, -1);
