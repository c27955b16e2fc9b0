/** Converting the seed folder: runs are incremental, one bad seed loses nothing. (Whether the maintainer's content/ is fresh is `npm run check`'s: tests/unit/check.test.ts.) */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { convertAll, type RunOptions } from '../../scripts/lib/run.ts';
import { seedFiles, seedsDir } from './helpers.ts';

const realFs = { ...fs, join } as unknown as RunOptions['fs'];

function run(seeds: string, out: string, extra: Partial<RunOptions> = {}) {
  const lines: string[] = [];
  const result = convertAll({ seedsDir: seeds, outDir: out, fs: realFs, log: (l) => lines.push(l), ...extra });
  return { result, lines };
}

function copySeeds(): string {
  const dir = fs.mkdtempSync(join(tmpdir(), 'seeds-'));
  for (const f of [...seedFiles, 'manifest.json']) fs.copyFileSync(join(seedsDir, f), join(dir, f));
  return dir;
}

describe('converting the seed folder', () => {
  test('an unchanged seed is not converted again; a changed one is', () => {
    const seeds = copySeeds();
    const out = fs.mkdtempSync(join(tmpdir(), 'content-'));
    assert.equal(run(seeds, out).result.converted, 4);
    const second = run(seeds, out).result;
    assert.deepEqual([second.converted, second.unchanged], [0, 4]);
    fs.appendFileSync(join(seeds, seedFiles[0]!), '\n122. 新增的一段。\n');
    const third = run(seeds, out).result;
    assert.deepEqual([third.converted, third.unchanged], [1, 3]);
    assert.match(fs.readFileSync(join(out, 'reports', 'a-74-36.mdx'), 'utf8'), /<Para n="122" id="p-122">新增的一段。<\/Para>/);
  });

  test('output is byte-identical across runs', () => {
    const a = fs.mkdtempSync(join(tmpdir(), 'content-'));
    const b = fs.mkdtempSync(join(tmpdir(), 'content-'));
    run(seedsDir, a);
    run(seedsDir, b, { force: true });
    for (const sub of ['reports', 'data']) {
      for (const name of fs.readdirSync(join(a, sub))) assert.ok(fs.readFileSync(join(a, sub, name)).equals(fs.readFileSync(join(b, sub, name))), name);
    }
  });

  test('a broken seed is reported with its file and the other reports still build', () => {
    const seeds = copySeeds();
    fs.writeFileSync(join(seeds, '005_empty.txt'), '');
    fs.writeFileSync(join(seeds, '006_binary.txt'), Buffer.from([0, 1, 2, 3, 0xff, 0]));
    const out = fs.mkdtempSync(join(tmpdir(), 'content-'));
    const { result, lines } = run(seeds, out);
    assert.equal(result.converted, 4);
    assert.deepEqual(result.errors.map((e) => [e.file, e.code]), [['005_empty.txt', 'empty'], ['006_binary.txt', 'binary']]);
    assert.ok(lines.some((l) => /^error 005_empty\.txt: the file is empty/.test(l)));
    assert.equal(fs.readdirSync(join(out, 'reports')).length, 4);
  });

  test('a removed seed loses its content; a manifest error names the key', () => {
    const seeds = copySeeds();
    const out = fs.mkdtempSync(join(tmpdir(), 'content-'));
    run(seeds, out);
    fs.rmSync(join(seeds, seedFiles[0]!));
    run(seeds, out);
    assert.ok(!fs.existsSync(join(out, 'reports', 'a-74-36.mdx')));
    fs.writeFileSync(join(seeds, 'manifest.json'), JSON.stringify({ '002_5abb10e344218c75.txt': { slug: 'Bad Slug' } }));
    assert.throws(() => run(seeds, out), /manifest\.json: 002_5abb10e344218c75\.txt\.slug: slug: lower-case/);
  });
});
