/**
 * The peak of a process tree's summed resident memory, sampled from /proc (Linux). GNU time's
 * %M gives the largest single process; since the build runs Astro and the Pagefind binary side
 * by side, what a machine must hold at once is their sum, which no process accounting gives.
 * Sampled every `intervalMs`, so a peak shorter than that can be missed.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** Parent pid and resident KiB of every process now running (pid → …). */
function processes(): Map<number, { ppid: number; rssKiB: number }> {
  const all = new Map<number, { ppid: number; rssKiB: number }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const status = readFileSync(`/proc/${name}/status`, 'utf8');
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]);
      const rssKiB = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0);
      all.set(Number(name), { ppid, rssKiB });
    } catch {
      // The process ended while being read.
    }
  }
  return all;
}

/** Summed RSS (KiB) of `root` and all its descendants now. */
export function treeRssKiB(root: number, all = processes()): number {
  const children = new Map<number, number[]>();
  for (const [pid, { ppid }] of all) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  let sum = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    sum += all.get(pid)?.rssKiB ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return sum;
}

/** Starts sampling the tree under `root`; `stop()` returns the peak in KiB, or null where /proc is missing. */
export function sampleTreeRss(root: number, intervalMs = 100): { stop(): number | null } {
  if (!existsSync('/proc/self/status')) return { stop: () => null };
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, treeRssKiB(root))), intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}
