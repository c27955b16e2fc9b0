// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { seedWatch } from './src/integrations/seed-watch.ts';
import { mdxCache } from './src/integrations/mdx-cache.ts';

/**
 * The reading site. Pages are written as `x.html` files and link to each other with
 * relative URLs, so the same build works under any base path and opened from disk.
 *
 * The remark pipeline (not Astro 7's default Sätteri) is used so that GFM applies and
 * SmartyPants stays off: seed text must never have its quotes, dashes or dots rewritten.
 */
export default defineConfig({
  site: process.env.SITE_URL || undefined,
  base: process.env.BASE_PATH || '/',
  trailingSlash: 'ignore',
  build: {
    format: 'file',
    inlineStylesheets: 'always',
  },
  markdown: {
    syntaxHighlight: false,
    processor: unified({ gfm: true, smartypants: false }),
  },
  integrations: [mdx(), mdxCache(), seedWatch()],
  devToolbar: { enabled: false },
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
