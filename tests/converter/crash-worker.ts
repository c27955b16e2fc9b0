/**
 * A worker for tests/converter/run.test.ts: the real pipeline, except that seed `002_…` meets a
 * converter bug in the figures step and seed `003_…` stops its worker thread (as running out of
 * memory would).
 */
import { extractFigures } from '../../scripts/converter/figures.ts';
import { convertSeed } from '../../scripts/converter/pipeline.ts';
import { serve } from '../../scripts/converter/workers.ts';

serve((file, bytes, manifest) => {
  if (file.startsWith('002')) extractFigures(null as never);
  if (file.startsWith('003')) process.exit(3);
  return convertSeed(file, bytes, manifest);
});
