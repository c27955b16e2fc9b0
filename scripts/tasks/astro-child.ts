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
await build({
  root: process.cwd(),
  outDir,
  logLevel: 'info',
  // The staging folder starts empty, and the search step writes its index into it while Astro
  // builds: Astro must not empty it first.
  vite: { build: { emptyOutDir: false } },
  ...(values['cache-dir'] ? { cacheDir: values['cache-dir'] } : {}),
  ...(values.force ? { force: true } : {}),
});
const usage = process.resourceUsage();
process.send?.({ maxRSSKiB: usage.maxRSS, cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6 }, () => process.disconnect?.());
