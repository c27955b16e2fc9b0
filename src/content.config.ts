/**
 * The content collections. The `reports` frontmatter is validated with the converter's own
 * `frontmatterSchema`, so the site and the converter share one definition of a report.
 *
 * In a split render (src/lib/site-part.ts) a reports part's collection holds only its reports'
 * MDX files, and the lists part's none: Vite bundles one module per entry, which is most of an
 * Astro run's memory, so a run holds only what it renders.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { frontmatterSchema } from '../scripts/model/schema.ts';
import { contentDir } from './lib/content-dir.ts';
import { sitePart } from './lib/site-part.ts';

const reports = defineCollection({
  loader:
    sitePart.kind === 'lists'
      ? () => []
      : glob({ base: `${contentDir}/reports`, pattern: sitePart.kind === 'reports' ? sitePart.slugs.map((slug) => `${slug}.mdx`) : '*.mdx' }),
  schema: frontmatterSchema,
});

export const collections = { reports };
