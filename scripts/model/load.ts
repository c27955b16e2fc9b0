/**
 * Reading what the converter wrote to `content/`: the report models `data/<slug>.json` and the
 * recorded versions `changes/<slug>.json`, each validated with its schema, errors naming the
 * file. The one place models are read from disk: the site (src/lib/data.ts), search indexing
 * and `npm run check` all call it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { historySchema, type History } from './changes.ts';
import { reportSchema, zodIssues, type Report } from './schema.ts';

/** The slugs of every report model in `contentDir/data`, sorted; none when the folder is absent. */
export function modelSlugs(contentDir: string): string[] {
  const dir = join(contentDir, 'data');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}

/** The path of one report's model. */
export const modelFile = (contentDir: string, slug: string): string => join(contentDir, 'data', `${slug}.json`);

/** One model file's text and validated model; throws naming the file if it is missing or invalid. */
export function readModelFile(file: string): { text: string; report: Report } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`cannot read the report model ${file} (run \`npm run convert\`): ${String(error)}`);
  }
  return { text, report: parseModel(text, file) };
}

/** A model file's text (read by the caller, who may key a cache by it), parsed and validated; throws naming `file` if it is not a valid model. */
export function parseModel(text: string, file: string): Report {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new Error(`cannot read the report model ${file} (run \`npm run convert\`): ${String(error)}`);
  }
  const parsed = reportSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`${file} does not match reportSchema: ${zodIssues(parsed.error)}`);
  return parsed.data;
}

/** Every model of `contentDir`, validated, in slug order. */
export function readModels(contentDir: string): Report[] {
  return modelSlugs(contentDir).map((slug) => readModelFile(modelFile(contentDir, slug)).report);
}

/** The history of one report, or undefined when it has only ever had one version. */
export function readHistory(contentDir: string, slug: string): History | undefined {
  const file = join(contentDir, 'changes', `${slug}.json`);
  if (!existsSync(file)) return undefined;
  const parsed = historySchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file} does not match historySchema: ${zodIssues(parsed.error)}`);
  return parsed.data.versions.length > 0 ? parsed.data : undefined;
}
