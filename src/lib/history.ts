/**
 * The recorded versions of each report (`content/changes/<slug>.json`, written by the
 * converter when a seed is replaced; scripts/lib/changes.ts), validated with their schema.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { historySchema, type History } from '../../scripts/lib/changes.ts';
import { contentDir } from './data.ts';

const DIR = join(contentDir, 'changes');

/** The history of one report, or undefined when it has only ever had one version. */
export function loadHistory(slug: string): History | undefined {
  const file = join(DIR, `${slug}.json`);
  if (!existsSync(file)) return undefined;
  const parsed = historySchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file} does not match historySchema: ${parsed.error.message}`);
  return parsed.data.versions.length > 0 ? parsed.data : undefined;
}
