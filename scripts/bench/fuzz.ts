/**
 * `npm run fuzz`: the property tests of tests/converter/fuzz.test.ts at 50× their CI size with a
 * random seed (`npm run fuzz -- 200` for 200×; FUZZ_SEED=<n> replays a printed seed).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const scale = process.argv[2] ?? '50';
const test = fileURLToPath(new URL('../../tests/converter/fuzz.test.ts', import.meta.url));
const run = spawnSync(process.execPath, ['--test', '--test-timeout=3600000', test], { stdio: 'inherit', env: { ...process.env, FUZZ_RUNS: scale } });
process.exitCode = run.status ?? 1;
