/** The benchmark's synthetic corpus: distinct reports that convert like the seeds they copy. */
import { describe, test } from 'node:test';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { convertSeed } from '../../scripts/converter/pipeline.ts';
import { makeCorpus, readSeeds } from '../../scripts/bench/synthetic.ts';
import { treeRssKiB } from '../../scripts/bench/tree-rss.ts';

const seeds = readSeeds(fileURLToPath(new URL('../corpus/', import.meta.url)));
const corpus = makeCorpus(seeds, 6);
const encode = (text: string) => new TextEncoder().encode(text);

test('makeCorpus(seeds, 6) yields 6 files with distinct names, slugs and texts', () => {
  assert.equal(corpus.files.length, 6);
  assert.equal(new Set(corpus.files.map((f) => f.file)).size, 6);
  assert.deepEqual(Object.keys(corpus.manifest).sort(), corpus.files.map((f) => f.file).sort());
  assert.equal(new Set(Object.values(corpus.manifest).map((e) => e.slug)).size, 6);
  const hashes = new Set([...seeds, ...corpus.files].map((f) => createHash('sha256').update(f.text).digest('hex')));
  assert.equal(hashes.size, seeds.length + 6, 'no copy is byte-identical to another or to its seed');
});

test('every synthetic report converts without errors, to its manifest slug and its seed’s structure', () => {
  const bySeed = new Map(seeds.map((s) => [s.file, convertSeed(s.file, encode(s.text), s.manifest).report]));
  for (const { file, text } of corpus.files) {
    const { report } = convertSeed(file, encode(text), corpus.manifest[file]);
    const original = bySeed.get(file.replace(/^\d+_/, ''))!;
    assert.equal(report.slug, corpus.manifest[file]!.slug);
    // Same structure; the character totals differ by the `/Add.N` the copy adds to its header.
    const { accounting: _copy, ...structure } = report.stats;
    const { accounting: _seed, ...seedStructure } = original.stats;
    assert.deepEqual(structure, seedStructure, file);
    assert.equal(report.warnings.length, original.warnings.length, file);
  }
});

test('copy 1 of seed 001: header A/74/36 → A/74/36/Add.1, other lines changed but not their lengths', () => {
  const [copy] = corpus.files;
  const seed = seeds.find((s) => copy!.file.endsWith(s.file))!;
  assert.notEqual(copy!.text, seed.text);
  const header = (text: string) => text.split('\n').findIndex((line) => /^\s*A\/74\/36/.test(line));
  assert.equal(header(copy!.text), header(seed.text));
  assert.equal(copy!.text.split('\n')[header(copy!.text)]!.trim(), 'A/74/36/Add.1');
  const lengths = (text: string) =>
    text
      .replace(/(A\/74\/36)\/Add\.1\b/, '$1')
      .split('\n')
      .map((line) => line.length);
  assert.deepEqual(lengths(copy!.text), lengths(seed.text));
});

describe('the benchmark’s memory of a process tree', () => {
  test('sums the resident memory of a process and its descendants', async () => {
    // A child holding about 200 MB in a grandchild: the tree's sum must include both.
    const script = `const { spawn } = require('node:child_process');
const g = spawn(process.execPath, ['-e', 'globalThis.b = Buffer.alloc(200e6, 1); console.log("ready"); setTimeout(() => {}, 60000)'], { stdio: ['ignore', 'inherit', 'inherit'] });`;
    // Its own process group, so that the grandchild is stopped with it.
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'], detached: true });
    try {
      await once(child.stdout!, 'data');
      const sum = treeRssKiB(child.pid!);
      assert.ok(sum > 200e6 / 1024, `tree sum ${sum} KiB holds the grandchild's 200 MB`);
      assert.ok(treeRssKiB(process.pid) > sum, 'the test process is the root of a larger tree');
    } finally {
      process.kill(-child.pid!, 'SIGKILL');
    }
  });
});
