/**
 * Build step 1: convert seeds/ to content/ in this process, incrementally (`convertAll`'s
 * cache skips seeds whose text, manifest entry and converter are unchanged). content/ is
 * the committed source of the site, not output, so it is written in place.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { convertAll } from '../converter/run.ts';
import type { BuildContext, Step } from './steps.ts';

/** Figures of one report model: the quantities extracted from its text, else the converter's count of key figures. */
export function countFigures(model: { figures?: { values?: unknown[] }; stats?: { figures?: number } }): number {
  return Array.isArray(model.figures?.values) ? model.figures.values.length : (model.stats?.figures ?? 0);
}

export const convertStep: Step = {
  name: 'convert',
  fix: 'fix the seed or seeds/manifest.json entry named above (npm run convert shows the same diagnostics), then build again',
  async run(context: BuildContext) {
    const { seedsDir, contentDir: outDir, progress, counts } = context;
    // Every seed converts in its own error boundary (convertAll): one failure never stops the others.
    const total = readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).length;
    let done = 0;
    /** Reports the cache skipped: their warnings are read back from their models, so every build shows them. */
    const unchanged = new Set<string>();
    const result = convertAll({
      seedsDir,
      outDir,
      force: context.force,
      fs: { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, join },
      log(line) {
        if (/^\s*(warning|error|changes)\b/.test(line)) progress.line(`  ${line.trim()}`);
        else if (line.includes(' → ')) {
          const slug = / → ([^:\s]+):/.exec(line)?.[1];
          if (slug && line.endsWith('(unchanged)')) unchanged.add(slug);
          progress.status(`convert ${++done}/${total} ${line}`, true);
        }
      },
    });
    counts.reports += result.converted + result.unchanged;
    counts.rejected += result.errors.length;
    counts.failed += result.failed;
    counts.warnings += result.warnings;
    const dataDir = join(outDir, 'data');
    for (const name of readdirSync(dataDir)
      .filter((f) => f.endsWith('.json'))
      .sort()) {
      const model = JSON.parse(readFileSync(join(dataDir, name), 'utf8'));
      counts.figures += countFigures(model);
      if (unchanged.has(name.slice(0, -'.json'.length))) {
        for (const w of model.warnings ?? []) progress.line(`  warning ${w.file}${w.line ? `:${w.line}` : ''}: ${w.message} [${w.code}] (unchanged seed)`);
      }
    }
    const rejected = result.errors.length ? `, ${result.errors.length} rejected` : '';
    const failed = result.failed ? ` (${result.failed} failed with an unexpected error)` : '';
    return `${total} seeds: ${result.converted} converted, ${result.unchanged} unchanged${rejected}${failed}, ${result.warnings} warnings`;
  },
};
