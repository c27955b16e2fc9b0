/**
 * Runs Astro's build in a process of its own (spawned by the astro step), so its memory is
 * its own to measure and to give back, and its log lines can be read as progress.
 * Arguments: the output folder, `--cache-dir DIR` (Astro's caches) and `--force` to ignore them.
 *
 * The step starts this process as the build starts: while the seeds convert, it loads Astro and
 * starts the build — the config and its modules loaded through Vite, the integrations set up, the
 * routes listed (a second or two of work that reads no content) — then waits, before anything
 * reads `content/`, for the message `{ build: true }` from its parent; it exits if the parent goes
 * away first (run by hand, with no parent, it builds at once).
 * Reports its peak RSS and CPU time to the parent over IPC.
 */
import { existsSync, mkdirSync, promises, readdirSync, rmSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
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
void go.then(() => process.off('disconnect', leave));
const { build } = await import('astro');
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
reportWrites(out);
await build({
  root,
  outDir: out,
  logLevel: 'info',
  // Astro reads content/ from its content sync on, which comes after every integration's
  // `astro:config:done`: the last one waits there for the content, so that everything before
  // (loading the config and its modules through Vite: about a second of CPU) is done while the
  // seeds convert instead of after.
  integrations: [{ name: 'un-hr:wait-for-content', hooks: { 'astro:config:done': () => go } }],
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

/**
 * Tells the parent each file written into `out`, once it is whole (`{ written: 'reports/x.html' }`),
 * so that the zip can deflate it while the others render (scripts/tasks/search.ts). Astro writes a
 * page with `fs.promises.writeFile` and restores one from its last build with `copyFile`, and logs
 * no line when it is done: it logs a page's path when it starts it, and with pages rendered side
 * by side (`build.concurrency`) the next line may end another page. So the two calls are wrapped
 * here, in Astro's own process. Should Astro write otherwise, the zip simply does the work when its
 * turn comes (a file reported before it is whole would only be deflated twice: entries are keyed
 * by their bytes).
 */
function reportWrites(out: string): void {
  const send = process.send?.bind(process);
  if (!send) return;
  const written = (target: unknown) => {
    const path = typeof target === 'string' ? target : target instanceof URL ? fileURLToPath(target) : undefined;
    // A parent gone (the build stopped) hears nothing more; the write itself has succeeded.
    if (path?.startsWith(`${out}${sep}`) && process.connected) send({ written: relative(out, path).split(sep).join('/') });
  };
  const { writeFile, copyFile } = promises;
  promises.writeFile = async (...args: Parameters<typeof writeFile>) => {
    await writeFile(...args);
    written(args[0]);
  };
  promises.copyFile = async (...args: Parameters<typeof copyFile>) => {
    await copyFile(...args);
    written(args[1]);
  };
}

/** Whether a process `pid` runs (signal 0 checks without sending; EPERM: it runs as another user). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
