/**
 * Runs Astro's build in a process of its own (spawned by the astro step), so its memory is
 * its own to measure and to give back, and its log lines can be read as progress.
 * Arguments: the output folder, `--cache-dir DIR` (Astro's caches) and `--force` to ignore them. Reports its peak
 * RSS to the parent over IPC.
 */
import { parseArgs } from 'node:util';
import { build } from 'astro';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { force: { type: 'boolean' }, 'cache-dir': { type: 'string' } } });
const [outDir] = positionals;
if (!outDir) throw new Error('usage: astro-child.ts OUT_DIR [--cache-dir DIR] [--force]');
// --force also compiles every MDX module anew, refilling the compiled-MDX cache (src/integrations/mdx-cache.ts).
if (values.force) process.env.UN_HR_MDX_CACHE = 'refresh';
await build({
  root: process.cwd(),
  outDir,
  logLevel: 'info',
  ...(values['cache-dir'] ? { cacheDir: values['cache-dir'] } : {}),
  ...(values.force ? { force: true } : {}),
});
const usage = process.resourceUsage();
process.send?.({ maxRSSKiB: usage.maxRSS, cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6 });
