/**
 * Relative URLs between pages. Every internal link is relative and names an explicit `.html`
 * file, so the built site works under any base path and straight from disk (`file://`).
 *
 * Pages are identified by their path from the site root without a leading slash:
 * `index.html`, `reports/a-74-36.html`, `docs/a-hrc-40-3.html`.
 */

/**
 * The URL that leads from page `from` to page `to` (both site-root paths), keeping any
 * `#fragment` on `to`. A link to the page itself keeps its file name, so it still works
 * when the fragment is absent.
 */
export function relativeUrl(from: string, to: string): string {
  // A scan over the two strings, not arrays of their segments: a report page makes thousands.
  const hash = to.indexOf('#');
  const toPath = hash === -1 ? to : to.slice(0, hash);
  const fragment = hash === -1 ? '' : to.slice(hash);
  // `start`: where the first directory the two paths do not share begins, in both.
  let start = 0;
  for (;;) {
    const fromEnd = from.indexOf('/', start);
    const toEnd = toPath.indexOf('/', start);
    if (fromEnd === -1 || fromEnd !== toEnd || from.slice(start, fromEnd) !== toPath.slice(start, toEnd)) break;
    start = fromEnd + 1;
  }
  let up = '';
  for (let i = from.indexOf('/', start); i !== -1; i = from.indexOf('/', i + 1)) up += '../';
  return up + toPath.slice(start) + fragment;
}

/** The configured base as a folder, ending in `/` (Astro gives `/` or `/base`, with or without it). */
export const baseDir = (base: string): string => (base.endsWith('/') ? base : `${base}/`);

/**
 * The site-root path of the page being rendered, from its URL pathname and the configured
 * base (`import.meta.env.BASE_URL`). Astro gives `/base/reports/x` or `/base/reports/x.html`
 * depending on the build format; both become `reports/x.html`, and `/base/` becomes `index.html`.
 */
export function pagePath(pathname: string, base: string): string {
  const prefix = baseDir(base);
  let path = decodeURI(pathname);
  if (path.startsWith(prefix)) path = path.slice(prefix.length);
  else if (`${path}/` === prefix) path = '';
  path = path.replace(/^\/+/, '');
  if (path === '' || path.endsWith('/')) return `${path}index.html`;
  return path.endsWith('.html') ? path : `${path}.html`;
}

/**
 * A file-name slug for a UN document symbol: `A/HRC/40/3/Add.1` → `a-hrc-40-3-add-1`.
 * Throws on a symbol with no letters or digits, which can only be a converter bug.
 */
export function symbolSlug(symbol: string): string {
  const slug = symbol
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug === '') throw new Error(`document symbol ${JSON.stringify(symbol)} has no letters or digits`);
  return slug;
}

/** Site-root path of a report page. */
export const reportPath = (slug: string): string => `reports/${slug}.html`;

/** Site-root path of a place in a report: `reports/a-74-36.html#p-11`. */
export const placeUrl = (slug: string, anchor: string): string => `${reportPath(slug)}#${anchor}`;

/** Site-root path of the page for a cited document symbol. */
export const docPath = (symbol: string): string => `docs/${symbolSlug(symbol)}.html`;

/** Site-root path of a country page, by ISO alpha-3 code (`VEN` → `countries/ven.html`). */
export const countryPath = (code: string): string => `countries/${code.toLowerCase()}.html`;

/** The official United Nations link for a document symbol, in Chinese. */
export const officialUrl = (symbol: string): string => `https://undocs.org/zh/${symbol}`;

/** Where the site is served: its address when the deployment has one, and the folder under it. */
export interface Deployment {
  /** The site's address (`SITE_URL`), or undefined: an offline copy has none. */
  site: string | undefined;
  /** The path the site is served under (`BASE_PATH`, default `/`). */
  base: string;
}

/**
 * The deployment the environment describes (`SITE_URL`, `BASE_PATH`). Astro's config and the build's
 * data files (whose citations carry the report page's address) both read it here, so the two
 * cannot disagree.
 */
export function deploymentOf(env: Readonly<Record<string, string | undefined>>): Deployment {
  return { site: env['SITE_URL'] || undefined, base: env['BASE_PATH'] || '/' };
}
