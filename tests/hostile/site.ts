/**
 * A site built from the pinned test corpus (tests/corpus/) plus the hostile corpus, entirely
 * outside the project's own `content/` and `dist/`: `npx node tests/hostile/site.ts DIR` builds
 * DIR/seeds into DIR/content, DIR/dist and DIR/offline.zip with the real build command
 * (`buildTestSite`, tests/test-site.ts). The browser test serves DIR/dist.
 */
import { fileURLToPath } from 'node:url';
import { parseCli } from '../../scripts/util/cli.ts';
import { buildTestSite, corpusDir, filesOf, type TestSite } from '../test-site.ts';

const corpus = fileURLToPath(new URL('./', import.meta.url));

/** The hostile seeds the converter rejects (empty, binary, undecodable): the other reports still build. */
export const REJECTED = 3;

/** Build the hostile site in `dir`: the pinned seeds plus every committed hostile file (the generated large ones are left to the unit tests). */
export function buildHostileSite(dir: string): TestSite {
  const site = buildTestSite({ dir, seeds: [corpusDir, ...filesOf(corpus, (name) => name.endsWith('.txt'))] });
  const { rejected } = site.outcome.counts;
  if (rejected !== REJECTED) throw new Error(`expected the ${REJECTED} unreadable corpus seeds to be rejected, got ${rejected}`);
  return site;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = parseCli('npx node tests/hostile/site.ts DIR', { allowPositionals: true, options: {} }, 1).positionals[0];
  if (!dir) throw new Error('usage: npx node tests/hostile/site.ts DIR');
  console.log(buildHostileSite(dir).dist);
}
