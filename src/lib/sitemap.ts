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
