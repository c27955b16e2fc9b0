/**
 * Runs Astro's build in a process of its own (spawned by the astro step), so its memory is
 * its own to measure and to give back, and its log lines can be read as progress.
 * Arguments: the output folder, `--cache-dir DIR` (Astro's caches) and `--force` to ignore them.
 *
 * The step starts this process as the build starts: it loads Astro (a second or two) while the
 * seeds convert, then waits for the message `{ build: true }` from its parent before building;
 * it exits if the parent goes away first (run by hand, with no parent, it builds at once).
 * Reports its peak RSS and CPU time to the parent over IPC.
 */
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { force: { type: 'boolean' }, 'cache-dir': { type: 'string' } } });
const [outDir] = positionals;
if (!outDir) throw new Error('usage: astro-child.ts OUT_DIR [--cache-dir DIR] [--force]');
const leave = () => process.exit(1);
process.once('disconnect', leave);
// Run by hand (no IPC channel to its parent), it builds at once.
const go = process.send
  ? new Promise<void>((resolve) => {
      const listen = (message: { build?: boolean }) => {
        if (!message.build) return;
        process.off('message', listen);
        resolve();
      };
      process.on('message', listen);
    })
  : Promise.resolve();
const [{ build }] = await Promise.all([import('astro'), go]);
process.off('disconnect', leave);
// --force also compiles every MDX module anew, refilling the compiled-MDX cache (src/integrations/mdx-cache.ts).
if (values.force) process.env.UN_HR_MDX_CACHE = 'refresh';
const root = process.cwd();
const out = resolve(outDir);
const cacheDir = values['cache-dir'] === undefined ? undefined : resolve(values['cache-dir']);
// Astro writes the chunks it prerenders with into the output folder if that is inside the working
// directory, else into `<cwd>/.astro/.prerender/`: one folder for every build of this checkout
// whose output is elsewhere (seeds and dist in another folder, every test site), so two such
// builds at once ran each other's chunks (a 10 000-report build failed beside a test build).
// Each run works from a folder of its own inside the checkout (the chunks import its packages).
const runs = join(root, '.astro', 'runs');
// A run that was killed left its folder: removed once its process is gone.
for (const pid of existsSync(runs) ? readdirSync(runs) : []) if (!alive(Number(pid))) rmSync(join(runs, pid), { recursive: true, force: true });
const work = join(runs, String(process.pid));
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
process.chdir(work);
await build({
  root,
  outDir: out,
  logLevel: 'info',
  // The staging folder starts empty, and the search step writes its index into it while Astro
  // builds: Astro must not empty it first.
  vite: { build: { emptyOutDir: false } },
  ...(cacheDir ? { cacheDir } : {}),
  ...(values.force ? { force: true } : {}),
});
process.chdir(root);
rmSync(work, { recursive: true, force: true });
const usage = process.resourceUsage();
process.send?.({ maxRSSKiB: usage.maxRSS, cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6 }, () => process.disconnect?.());

/** Whether a process `pid` runs (signal 0 checks without sending; EPERM: it runs as another user). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
