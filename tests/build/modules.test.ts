/** Cache keys of code come from the module graph: any imported module changes them, nothing else does. */
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { describe, test } from 'node:test';
import { codeKey, importsOf, moduleGraph } from '../../scripts/util/modules.ts';
import { converterHash } from '../../scripts/converter/run.ts';
import { root } from '../helpers.ts';

describe('the module graph of a cache key', () => {
  test('run-time imports are followed; type-only imports are not', () => {
    const source = [
      "import { a } from './a.ts';",
      "import type { T } from './types.ts';",
      "export { b } from './b.ts';",
      "export type { U } from './u.ts';",
      "import './side-effect.ts';",
      "import {\n  c,\n  d,\n} from '../c.ts';",
      "import data from '../data/x.json' with { type: 'json' };",
      "const lazy = await import('./lazy.ts');",
      "import * as z from 'zod';",
    ].join('\n');
    assert.deepEqual(importsOf(source), ['./a.ts', './b.ts', './side-effect.ts', '../c.ts', '../data/x.json', './lazy.ts', 'zod']);
  });

  test('the converter key covers every module of scripts/converter/figures/ and the country data', () => {
    const { files } = moduleGraph([join(root, 'scripts/converter/run.ts'), join(root, 'scripts/converter/pipeline.ts')]);
    const names = files.map((f) => relative(root, f));
    for (const f of readdirSync(join(root, 'scripts/converter/figures'))) assert.ok(names.includes(`scripts/converter/figures/${f}`), f);
    assert.ok(names.includes('scripts/data/countries.json'));
    assert.match(converterHash(), /^[0-9a-f]{16}$/);
  });

  test('scripts/converter holds only the converter: every module in it that the converter does not run declares types only', () => {
    const { files } = moduleGraph([join(root, 'scripts/converter/run.ts'), join(root, 'scripts/converter/pipeline.ts')]);
    const names = new Set(files.map((f) => relative(root, f)));
    const modules = readdirSync(join(root, 'scripts/converter'), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => `scripts/converter/${f.split(sep).join('/')}`);
    const notRun = modules.filter((f) => !names.has(f));
    for (const f of notRun) {
      assert.doesNotMatch(
        readFileSync(join(root, f), 'utf8'),
        /^export\s+(?:default|const|let|function|class|async)\b/m,
        `${f} is not the converter's code: move it out (site helpers go to src/lib/)`,
      );
    }
  });

  test('no import cycle between src/ and scripts/: no module of scripts/ that the site loads imports src/ back', () => {
    const sources = readdirSync(join(root, 'src'), { recursive: true })
      .map(String)
      .filter((f) => /\.(?:ts|mjs|astro)$/.test(f))
      .map((f) => join(root, 'src', f));
    // .astro files are read for their imports here; the graph follows the .ts modules they load.
    const entries = sources.flatMap((f) =>
      f.endsWith('.astro')
        ? importsOf(readFileSync(f, 'utf8'))
            .filter((s) => s.startsWith('.'))
            .map((s) => join(dirname(f), s))
        : [f],
    );
    const reached = moduleGraph([...entries, join(root, 'astro.config.mjs')]).files.filter((f) => relative(root, f).startsWith(`scripts${sep}`));
    assert.ok(
      reached.some((f) => f.endsWith('schema.ts')),
      'the site loads the shared schema',
    );
    const back = reached
      .filter((f) => /\.(?:ts|mjs|js)$/.test(f))
      .flatMap((f) =>
        importsOf(readFileSync(f, 'utf8'))
          .filter((s) => s.startsWith('.') && relative(root, join(dirname(f), s)).startsWith(`src${sep}`))
          .map((s) => `${relative(root, f)} → ${s}`),
      );
    assert.deepEqual(back, []);
  });

  test('the converter does not import the site: nothing under src/ is in its module graph', () => {
    const { files } = moduleGraph([join(root, 'scripts/converter/run.ts'), join(root, 'scripts/converter/pipeline.ts')]);
    assert.deepEqual(
      files.map((f) => relative(root, f)).filter((f) => f.startsWith('src/')),
      [],
    );
  });

  test('changing any module the converter imports changes its key; a file it does not import does not', () => {
    const dir = mkdtempSync(join(tmpdir(), 'modules-'));
    try {
      for (const sub of ['scripts/converter', 'scripts/model', 'scripts/data', 'scripts/util']) cpSync(join(root, sub), join(dir, sub), { recursive: true });
      mkdirSync(join(dir, 'node_modules'));
      const entries = [join(dir, 'scripts/converter/run.ts'), join(dir, 'scripts/converter/pipeline.ts')];
      const before = codeKey(entries);
      writeFileSync(join(dir, 'scripts/converter/figures/unused.ts'), 'export const x = 1;\n');
      assert.equal(codeKey(entries), before, 'an unimported file changed the key');
      const { files } = moduleGraph(entries);
      assert.ok(files.length > 20, `only ${files.length} files`);
      let key = before;
      for (const file of files) {
        appendFileSync(file, file.endsWith('.json') ? ' ' : '\n// changed\n');
        const next = codeKey(entries);
        assert.notEqual(next, key, `changing ${relative(dir, file)} left the key as it was`);
        key = next;
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a missing local import is an error naming the importer', () => {
    const dir = mkdtempSync(join(tmpdir(), 'modules-'));
    try {
      writeFileSync(join(dir, 'a.ts'), "import { b } from './b.ts';\n");
      assert.throws(() => moduleGraph([join(dir, 'a.ts')]), /a\.ts: imports \.\/b\.ts, which does not exist/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
