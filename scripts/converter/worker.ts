/**
 * A worker thread of `convertAllParallel` (run.ts): converts the seeds it is sent with the
 * pipeline. Node's compile cache (in the system's temporary folder) halves the time each worker
 * spends loading the converter's modules, which is what makes small corpora stay in one thread.
 */
import { enableCompileCache } from 'node:module';
import { serve } from './workers.ts';

enableCompileCache();
const { convertSeed } = await import('./pipeline.ts');
serve(convertSeed);
