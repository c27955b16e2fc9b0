import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inSitemap, sitemapPageUrl } from '../../src/lib/sitemap.ts';

const integrations = async (siteUrl: string | undefined, tag: string) => {
  const saved = process.env.SITE_URL;
  if (siteUrl === undefined) delete process.env.SITE_URL;
  else process.env.SITE_URL = siteUrl;
  try {
    const { default: config } = await import(`../../astro.config.mjs?${tag}`);
    return { site: config.site as string | undefined, names: (config.integrations ?? []).map((i: { name: string }) => i.name) };
  } finally {
    if (saved === undefined) delete process.env.SITE_URL;
    else process.env.SITE_URL = saved;
  }
};

test('a build with SITE_URL set produces a sitemap; without it, none', async () => {
  const withSite = await integrations('https://example.org', 'with-site');
  assert.equal(withSite.site, 'https://example.org');
  assert.deepEqual(withSite.names, ['@astrojs/mdx', 'mdx-cache', 'seed-watch', 'search-client', 'dev-search', 'dev-data', '@astrojs/sitemap']);
  const withoutSite = await integrations(undefined, 'without-site');
  assert.equal(withoutSite.site, undefined);
  assert.deepEqual(withoutSite.names, ['@astrojs/mdx', 'mdx-cache', 'seed-watch', 'search-client', 'dev-search', 'dev-data']);
});

test('sitemap URLs name the .html file the site links to', () => {
  assert.equal(sitemapPageUrl('https://example.org/base/reports/a-74-36'), 'https://example.org/base/reports/a-74-36.html');
  assert.equal(sitemapPageUrl('https://example.org/base/about'), 'https://example.org/base/about.html');
  assert.equal(sitemapPageUrl('https://example.org/base/'), 'https://example.org/base/');
  assert.equal(sitemapPageUrl('https://example.org/docs.html'), 'https://example.org/docs.html');
});

test('the not-found page stays out of the sitemap', () => {
  assert.equal(inSitemap('https://example.org/base/404'), false);
  assert.equal(inSitemap('https://example.org/404.html'), false);
  assert.equal(inSitemap('https://example.org/base/reports/a-74-36'), true);
  assert.equal(inSitemap('https://example.org/docs/a-hrc-40-404'), true);
});
