/**
 * A worker for tests/build/faults.test.ts: a build of two trivial steps (a one-page site and a
 * zip, "new" against the folder's "old" ones) swapped into `<dir>/dist` and `<dir>/offline.zip`,
 * run as its own process so that `UN_HR_KILL_AT` can kill it (SIGKILL) at a point of the swap.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createProgress } from '../../scripts/tasks/progress.ts';
import { runBuild } from '../../scripts/tasks/steps.ts';

const dir = process.argv[2]!;
await runBuild(
  {
    root: dir,
    distDir: join(dir, 'dist'),
    zipPath: join(dir, 'offline.zip'),
    workDir: join(dir, '.build', String(process.pid)),
    steps: [
      { name: 'site', fix: '', run: async (c) => writeFileSync(join(c.staging, 'index.html'), 'new') },
      { name: 'zip', fix: '', run: async (c) => writeFileSync(c.zipStaging, 'new zip') },
    ],
  },
  createProgress({ write: () => {}, tty: false }),
);
