// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { inSitemap, reportSitemapUrls, sitemapPageUrl } from './src/lib/sitemap.ts';
import { sitePart } from './src/lib/site-part.ts';
import { contentDir } from './src/lib/content-dir.ts';
import { modelSlugs } from './scripts/model/load.ts';
import { deploymentOf } from './scripts/model/urls.ts';
import { satteri } from '@astrojs/markdown-satteri';
import { CSP_DIRECTIVES, SCRIPT_RESOURCES, inlineScriptHashes } from './src/lib/csp.ts';
import { seedWatch } from './src/integrations/seed-watch.ts';
import { mdxCache } from './src/integrations/mdx-cache.ts';
import { searchClient } from './src/integrations/search-client.ts';
import { devSearch } from './src/integrations/dev-search.ts';
import { devData } from './src/integrations/dev-data.ts';

/**
 * The reading site. Pages are written as `x.html` files and link to each other with
 * relative URLs, so the same build works under any base path and opened from disk.
 *
 * Markdown and MDX go through Astro 7's default processor, Sätteri (Rust), with GFM on and smart
 * punctuation off: seed text must never have its quotes, dashes or dots rewritten.
 *
 * Every page carries a strict Content-Security-Policy (see src/lib/csp.ts): only the build's own
 * script files and hashed inline scripts from src/ run; styles are Astro's hashed inline ones.
 */
const { site, base } = deploymentOf(process.env);

/**
 * The sitemap, only where the deployment's `site` is known. In a split render (src/lib/site-part.ts)
 * the lists part writes it for the whole site, given the report pages it does not render; the
 * report parts write none.
 */
function sitemapIntegrations() {
  if (!site || sitePart.kind === 'reports') return [];
  const customPages = sitePart.kind === 'lists' ? reportSitemapUrls(site, base, modelSlugs(contentDir)) : undefined;
  return [sitemap({ filter: inSitemap, serialize: (item) => ({ ...item, url: sitemapPageUrl(item.url) }), ...(customPages ? { customPages } : {}) })];
}

export default defineConfig({
  ...(site ? { site } : {}),
  base,
  trailingSlash: 'ignore',
  build: {
    format: 'file',
    inlineStylesheets: 'always',
    // Pages rendered side by side: a page's render is synchronous work, but writing it (and
    // Astro's incremental copy of it) is asynchronous file I/O; one page at a time, the thread
    // waited for every write before rendering the next (docs/building.md, "Where the time goes").
    concurrency: 4,
  },
  markdown: {
    syntaxHighlight: false,
    processor: satteri({ features: { gfm: true, smartPunctuation: false } }),
  },
  integrations: [mdx(), mdxCache(), seedWatch(), searchClient(), devSearch(), devData(), ...sitemapIntegrations()],
  devToolbar: { enabled: false },
  // A report, document or country page whose code and data (its cacheKey, src/lib/pagekey.ts)
  // are unchanged since the last build is copied from it instead of rendered again. `npm run build -- --force` renders all.
  experimental: { incrementalBuild: true },
  security: {
    csp: {
      directives: [...CSP_DIRECTIVES],
      scriptDirective: {
        resources: [...SCRIPT_RESOURCES],
        hashes: inlineScriptHashes(fileURLToPath(new URL('./src', import.meta.url))),
      },
    },
  },
  vite: {
    build: {
      rollupOptions: {
        // Astro's own "use astro:head-inject" directive in every MDX module trips this bundler
        // notice; it is not about our code, and one line per report would bury real warnings.
        onwarn(warning, warn) {
          if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
        },
      },
    },
  },
});
