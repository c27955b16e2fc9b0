/**
 * Astro builds of this project share its `.astro/` folder, so two specs that each build a site
 * of their own (hostile.spec.ts, changes.spec.ts) must not build at the same time when
 * Playwright runs them in parallel workers: `withBuildLock` holds a lock folder
 * (`mkdir` is atomic) for the duration of the build. A lock older than 10 minutes is stale.
 */
import { mkdirSync, rmSync, statSync } from 'node:fs';
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
