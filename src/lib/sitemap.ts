/**
 * Sitemap entries for a build whose pages are explicit `x.html` files (`build.format: 'file'`).
 * `@astrojs/sitemap` lists them without the extension (`…/about`), which only resolves on hosts
 * that guess `.html`; the site's own links always name the file, and so does the sitemap.
 */

/** `https://h/base/about` → `https://h/base/about.html`; directory URLs (`…/`) and files stay. */
export function sitemapPageUrl(url: string): string {
  const u = new URL(url);
  if (u.pathname.endsWith('/') || /\.[a-z0-9]+$/i.test(u.pathname)) return u.href;
  u.pathname = `${u.pathname}.html`;
  return u.href;
}

/** Pages that are not content: the not-found page is served for any missing path. */
export function inSitemap(url: string): boolean {
  return !/\/404(?:\.html)?$/.test(new URL(url).pathname);
}

/**
 * The report pages' URLs as `@astrojs/sitemap` forms them from a build's pages (before
 * `sitemapPageUrl`), for the lists part of a split render (src/lib/site-part.ts): its run renders
 * no report page, so it is given them (`customPages`) and writes the one sitemap of the whole
 * site; the report parts write none. The integration sorts and dedupes, so the file is the one
 * a single run writes.
 */
export function reportSitemapUrls(site: string, base: string, slugs: readonly string[]): string[] {
  const root = new URL(base, site);
  if (!root.pathname.endsWith('/')) root.pathname += '/';
  return slugs.map((slug) => new URL(`${root.pathname}reports/${slug}`, root).href);
}
