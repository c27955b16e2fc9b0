/**
 * Specs that build a site of their own (hostile, changes and scale specs, through `builtSite`): Astro builds of this
 * project share its `.astro/` folder, so two of them must not build at the same time when
 * Playwright runs them in parallel workers: `withBuildLock` holds a lock folder (`mkdir` is
 * atomic) for the duration of the build; a lock older than 10 minutes is stale. `servePreview`
 * then serves the built folder with a real `astro preview` and waits until it answers.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const LOCK = join(process.cwd(), 'node_modules', '.astro', 'e2e-build.lock');

export async function withBuildLock<T>(build: () => T): Promise<T> {
  mkdirSync(join(LOCK, '..'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      const age = Date.now() - (statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 10 * 60_000) rmSync(LOCK, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    return build();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/** `astro preview` of `distDir` on `port`, once `origin` + `index.html` answers (50 s at most). */
export async function servePreview(distDir: string, port: number, origin: string): Promise<ChildProcess> {
  const server = spawn(
    join('node_modules', '.bin', 'astro'),
    ['preview', '--ignore-lock', '--host', '127.0.0.1', '--port', String(port), '--outDir', distDir],
    { stdio: 'ignore' },
  );
  for (let i = 0; i < 200; i++) {
    if (
      await fetch(`${origin}index.html`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return server;
    await new Promise((r) => setTimeout(r, 250));
  }
  server.kill();
  throw new Error(`astro preview did not answer on ${origin}`);
}

/** A port the system finds free now (a fixed one could be another checkout's server). */
export function freePort(): Promise<number> {
  return new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** A site a spec builds for itself and serves: its folder, its address, and how to stop it. */
export interface BuiltSite {
  dir: string;
  origin: string;
  close(): void;
}

/**
 * Build a site with `build(DIR)` (a test-site builder such as `buildHostileSite`, tests/hostile/site.ts,
 * each of which builds through `buildTestSite`, tests/test-site.ts) into a new temporary folder
 * named after `name`, under the build lock, then serve `DIR/dist` on a free port under `basePath`.
 * The one way the browser specs that need a site of their own get it.
 */
export async function builtSite(name: string, build: (dir: string) => unknown, basePath: string): Promise<BuiltSite> {
  const dir = mkdtempSync(join(tmpdir(), `${name}-site-`));
  try {
    await withBuildLock(() => build(dir));
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}${basePath}`;
  const server = await servePreview(join(dir, 'dist'), port, origin);
  return {
    dir,
    origin,
    close() {
      server.kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
