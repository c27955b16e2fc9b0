/**
 * The frontmatter of a report's page file (`content/reports/<slug>.mdx`), derived from its model:
 * written by the converter's serializer and shown by the report page, both from this one function.
 */
import { frontmatterSchema, type Frontmatter, type Report } from './schema.ts';

/** The model's metadata (its sources aside) with the counts a listing shows. */
export function frontmatterOf(report: Report): Frontmatter {
  const { sources: _sources, ...meta } = report.meta;
  return frontmatterSchema.parse({
    slug: report.slug,
    ...meta,
    source: report.source.file,
    paragraphs: report.stats.paragraphs,
    notes: report.stats.notes,
    headings: report.stats.headings.chapter + report.stats.headings.section + report.stats.headings.subsection,
    figures: report.stats.figures,
  });
}
