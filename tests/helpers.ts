/** Shared test helpers: paths of the pinned corpus (tests/pinned.ts), and reading the converter's output for one of its seeds. */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { convertSeed, type Converted } from '../scripts/converter/pipeline.ts';
import { parseManifest } from '../scripts/model/manifest.ts';
import type { Inline, Report } from '../scripts/model/schema.ts';
import { built, contentDir } from './pinned.ts';

export const root = fileURLToPath(new URL('../', import.meta.url));
/** The tests' own seeds: tests/corpus/, never the maintainer's seeds/. */
export const seedsDir = `${root}tests/corpus`;
/** The pinned corpus converted by `npm run test:build` (.test-build/content). */
export const pinnedContent = (): string => built(contentDir);
export const seedFiles = readdirSync(seedsDir)
  .filter((f) => f.endsWith('.txt'))
  .sort();
const manifest = parseManifest(readFileSync(`${seedsDir}/manifest.json`, 'utf8'));

/** Convert a real seed by its number prefix (`001`). */
export function seed(prefix: string): Converted {
  const file = seedFiles.find((f) => f.startsWith(prefix))!;
  return convertSeed(file, readFileSync(`${seedsDir}/${file}`), manifest[file]);
}

export function seedBytes(prefix: string): Buffer {
  return readFileSync(`${seedsDir}/${seedFiles.find((f) => f.startsWith(prefix))!}`);
}

export function plain(content: Inline[]): string {
  return content.map((c) => (c.type === 'text' ? c.value : c.type === 'noteRef' ? `[^${c.n}]` : c.text)).join('');
}

export function block(report: Report, id: string) {
  const found = report.blocks.find((b) => b.id === id);
  if (!found) throw new Error(`no block #${id}`);
  return found;
}

/** Every inline content of a report (blocks, list items, notes). */
export function allContent(report: Report): { id: string; content: Inline[] }[] {
  const out: { id: string; content: Inline[] }[] = [];
  for (const b of report.blocks) {
    if (b.type === 'list') out.push(...b.items);
    else if (b.type !== 'figure') out.push(b);
  }
  out.push(...report.notes);
  return out;
}
