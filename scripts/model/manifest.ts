/**
 * The maintainer-editable manifest `seeds/manifest.json`: per seed file, metadata that
 * overrides or completes what the converter infers from the text. Validated at build time.
 */
import { z } from 'zod';
import { documentKindSchema, metaSchema, zodIssues } from './schema.ts';

export const manifestEntrySchema = metaSchema
  .omit({ sources: true, agendaItems: true, agendaTitles: true, kind: true, symbols: true })
  .partial()
  .extend({
    kind: documentKindSchema.optional(),
    slug: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/, 'slug: lower-case letters, digits and dashes')
      .optional(),
    agendaItems: z.array(z.string()).optional(),
    agendaTitles: z.array(z.string()).optional(),
  })
  .strict();
export type ManifestEntry = z.output<typeof manifestEntrySchema>;

export const manifestSchema = z.record(z.string().regex(/\.(?:txt|pdf|docx|doc)$/i, 'keys are seed file names (.txt, .pdf, .docx, .doc)'), manifestEntrySchema);
export type Manifest = z.output<typeof manifestSchema>;

/**
 * Parse a maintainer's JSON file against its schema; errors name the file and the offending
 * key (`seeds/manifest.json: 001.txt.slug: …`). Shared by the manifest and `seeds/figures.json`.
 */
export function parseJsonFile<S extends z.ZodType>(schema: S, text: string, file: string): z.output<S> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new Error(`${file}: not valid JSON: ${(e as Error).message}`);
  }
  const result = schema.safeParse(data);
  if (!result.success) throw new Error(`${file}: ${zodIssues(result.error)}`);
  return result.data;
}

/** Parse the manifest text; errors name the file and the offending key. */
export function parseManifest(text: string, file = 'seeds/manifest.json'): Manifest {
  return parseJsonFile(manifestSchema, text, file);
}
