/**
 * The content collections. The `reports` frontmatter is validated with the converter's own
 * `frontmatterSchema`, so the site and the converter share one definition of a report.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { frontmatterSchema } from '../scripts/model/schema.ts';
import { contentDir } from './lib/content-dir.ts';

const reports = defineCollection({
  loader: glob({ base: `${contentDir}/reports`, pattern: '*.mdx' }),
  schema: frontmatterSchema,
});

export const collections = { reports };
