/**
 * Build step 1: convert seeds/ to content/ in this process, incrementally (`convertAll`'s
 * cache skips seeds whose text, manifest entry and converter are unchanged). content/ is
 * the committed source of the site, not output, so it is written in place.
 */
import { readdirSync } from 'node:fs';
import { flushSet } from '../util/atomic.ts';
import { atomicRunFs, convertAllParallel } from '../converter/run.ts';
import { isSeedFile } from '../converter/readers/index.ts';
import type { BuildContext, Step } from './steps.ts';

export const convertStep: Step = {
  name: 'convert',
  fix: 'fix the seed or seeds/manifest.json entry named above (npm run convert shows the same diagnostics), then build again',
  async run(context: BuildContext) {
    const { seedsDir, contentDir: outDir, progress, counts } = context;
    // Every seed converts in its own error boundary (convertAllParallel: on worker threads for a
    // large corpus, outcomes in file order): one failure never stops the others.
    const total = readdirSync(seedsDir).filter(isSeedFile).length;
    let done = 0;
    const written = flushSet();
    const result = await convertAllParallel({
      seedsDir,
      outDir,
      force: context.force,
      ...(context.today ? { today: context.today } : {}),
      fs: atomicRunFs(written),
      // The build reads what became of each seed from its typed outcome; of the CLI's log it shows
      // only the run's own warnings (a damaged index or output, a manifest entry without a seed),
      // as they happen; they are counted in the result's warnings with the seeds'.
      log: (line) => {
        if (line.startsWith('warning ')) progress.line(`  ${line}`);
      },
      onSeed(seed) {
        if (seed.error) progress.line(`  ${seed.line} — skipped; the other reports still convert`);
        else progress.status(`convert ${++done}/${total} ${seed.line}${seed.status === 'unchanged' ? ' (unchanged)' : ''}`, true);
        if (seed.changes) progress.line(`  changes since the committed version of ${seed.slug}: ${seed.changes}`);
        for (const w of seed.warnings) {
          progress.line(`  warning ${w.file}${w.line ? `:${w.line}` : ''}: ${w.message} [${w.code}]${seed.status === 'unchanged' ? ' (unchanged seed)' : ''}`);
        }
        counts.figures += seed.figures ?? 0;
      },
    });
    await written.flush();
    for (const r of result.removed) progress.line(`  ${r.line}`);
    counts.reports += result.converted + result.unchanged;
    counts.rejected += result.errors.length;
    counts.failed += result.failed;
    counts.warnings += result.warnings;
    const rejected = result.errors.length ? `, ${result.errors.length} rejected` : '';
    const failed = result.failed ? ` (${result.failed} failed with an unexpected error)` : '';
    const removed = result.removed.length ? `, ${result.removed.length} removed` : '';
    return `${total} seeds: ${result.converted} converted, ${result.unchanged} unchanged${rejected}${failed}${removed}, ${result.warnings} warnings`;
  },
};
