/**
 * Builds a site from the pinned test corpus (tests/corpus/) plus the hostile corpus, entirely outside the project's
 * own `content/` and `dist/`: `node tests/hostile/site.ts DIR` writes DIR/seeds, DIR/content
 * (the converter, as `npm run convert` runs it) and DIR/dist (Astro's production build, with
 * `CONTENT_DIR` pointing at DIR/content and a cache of its own), then re-syncs the project's
 * `.astro/` for `content/` again. The browser test serves DIR/dist.
 */
import * as fs from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCli } from '../../scripts/util/cli.ts';
import { convertAll, type RunOptions } from '../../scripts/converter/run.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const corpus = join(root, 'tests', 'hostile');

/** The pinned test seeds plus every committed hostile file (the generated large ones are left to the unit tests). */
export function hostileSeeds(dir: string): string {
  const seeds = join(dir, 'seeds');
  fs.mkdirSync(seeds, { recursive: true });
  for (const f of fs.readdirSync(join(root, 'tests', 'corpus'))) fs.copyFileSync(join(root, 'tests', 'corpus', f), join(seeds, f));
  for (const f of fs.readdirSync(corpus).filter((n) => n.endsWith('.txt'))) fs.copyFileSync(join(corpus, f), join(seeds, f));
  return seeds;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = parseCli('npx node tests/hostile/site.ts DIR', { allowPositionals: true, options: {} }, 1).positionals[0];
  if (!dir) throw new Error('usage: npx node tests/hostile/site.ts DIR');
  const content = join(dir, 'content');
  const result = convertAll({
    seedsDir: hostileSeeds(dir),
    outDir: content,
    fs: { ...fs, join } as unknown as RunOptions['fs'],
    log: (line) => console.log(line),
  });
  if (result.errors.length !== 3) throw new Error(`expected the 3 unreadable corpus seeds to fail, got ${result.errors.length}`);
  process.env.CONTENT_DIR = content;
  const { build, sync } = await import('astro');
  await build({ root, outDir: join(dir, 'dist'), cacheDir: join(dir, 'cache'), logLevel: 'warn' });
  // The build wrote the project's generated `.astro/` for DIR/content; point it back at content/.
  delete process.env.CONTENT_DIR;
  await sync({ root, logLevel: 'warn' });
}
