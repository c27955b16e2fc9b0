/**
 * Runs Astro's build in a process of its own (spawned by the astro step), so its memory is
 * its own to measure and to give back, and its log lines can be read as progress.
 * Arguments: the output folder, then `--force` to ignore Astro's caches. Reports its peak
 * RSS to the parent over IPC.
 */
import { build } from 'astro';

const [outDir, ...rest] = process.argv.slice(2);
if (!outDir) throw new Error('usage: astro-child.ts OUT_DIR [--force]');
// --force also turns off the compiled-MDX cache (src/integrations/mdx-cache.ts).
if (rest.includes('--force')) process.env.UN_HR_MDX_CACHE = 'off';
await build({ root: process.cwd(), outDir, logLevel: 'info', ...(rest.includes('--force') ? { force: true } : {}) });
const usage = process.resourceUsage();
process.send?.({ maxRSSKiB: usage.maxRSS, cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6 });
