import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { mdxCache } from '../../src/integrations/mdx-cache.ts';

type Handler = (code: string, id: string) => Promise<{ code: string; map: null; meta: unknown }>;
interface FakePlugin {
  name: string;
  transform?: { handler: Handler };
  configResolved?: (resolved: { plugins: FakePlugin[] }) => void;
}

/**
 * Drives the integration the way `astro build` does: its config hook adds a Vite plugin, Vite
 * calls that plugin's `configResolved` once per environment with the same plugin objects, then
 * transforms each module; the build-done hook logs the counts.
 */
function build(cacheDir: string, environments: number, modules: readonly string[]) {
  const integration = mdxCache();
  const added: FakePlugin[] = [];
  const hooks = integration.hooks as unknown as Record<string, (options: unknown) => unknown>;
  hooks['astro:config:setup']!({
    command: 'build',
    config: { root: pathToFileURL(`${cacheDir}/root/`), cacheDir: pathToFileURL(`${cacheDir}/`) },
    updateConfig: (c: { vite: { plugins: FakePlugin[] } }) => added.push(...c.vite.plugins),
  });
  let compiles = 0;
  const mdx: FakePlugin = {
    name: '@mdx-js/rolldown',
    transform: {
      handler: async (code) => {
        compiles++;
        return { code: `compiled ${code}`, map: null, meta: {} };
      },
    },
  };
  const plugins = [...added, mdx];
  for (let i = 0; i < environments; i++) for (const p of added) p.configResolved?.({ plugins });
  return {
    transformAll: () => Promise.all(modules.map((code, i) => mdx.transform!.handler(code, `/r/${i}.mdx`))),
    done: async () => {
      const lines: string[] = [];
      await hooks['astro:build:done']!({ logger: { info: (line: string) => lines.push(line) } });
      return { lines, compiles };
    },
  };
}

test('the MDX cache compiles and stores each module once, however many Vite environments resolve the config', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mdx-cache-'));
  try {
    const cold = build(dir, 6, ['a', 'b', 'c']);
    assert.deepEqual(
      (await cold.transformAll()).map((r) => r.code),
      ['compiled a', 'compiled b', 'compiled c'],
    );
    assert.deepEqual(await cold.done(), { lines: ['3 compiled, 0 from cache'], compiles: 3 });
    const entries = () => readdirSync(join(dir, 'mdx-cache')).filter((n) => !n.endsWith('.sha256'));
    assert.equal(entries().length, 3);
    assert.equal(readdirSync(join(dir, 'mdx-cache')).length, 6, 'each entry with its seal');

    const warm = build(dir, 6, ['a', 'b', 'd']);
    assert.deepEqual(
      (await warm.transformAll()).map((r) => r.code),
      ['compiled a', 'compiled b', 'compiled d'],
    );
    assert.deepEqual(await warm.done(), { lines: ['1 compiled, 2 from cache'], compiles: 1 });
    assert.equal(entries().length, 3, 'the entry of c, unused by the last build, is pruned');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
