/** Converting the seed folder: runs are incremental, one bad seed loses nothing. (Whether the maintainer's content/ is fresh is `npm run check`'s: tests/build/check.test.ts.) */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { execFileSync } from 'node:child_process';
import { extractFigures } from '../../scripts/converter/figures.ts';
import { convertSeed } from '../../scripts/converter/pipeline.ts';
import { convertAll, convertAllParallel, type RunOptions } from '../../scripts/converter/run.ts';
import { root, seedFiles, seedsDir } from '../helpers.ts';

const realFs = { ...fs, join } as unknown as RunOptions['fs'];

/** A scratch folder under the system's temporary folder, removed when the file's tests end. */
const scratchDirs: string[] = [];
after(() => {
  for (const dir of scratchDirs) fs.rmSync(dir, { recursive: true, force: true });
});
function scratch(prefix: string): string {
  const dir = fs.mkdtempSync(join(tmpdir(), prefix));
  scratchDirs.push(dir);
  return dir;
}

function run(seeds: string, out: string, extra: Partial<RunOptions> = {}) {
  const lines: string[] = [];
  const result = convertAll({ seedsDir: seeds, outDir: out, fs: realFs, log: (l) => lines.push(l), ...extra });
  return { result, lines };
}

function copySeeds(): string {
  const dir = scratch('seeds-');
  for (const f of [...seedFiles, 'manifest.json']) fs.copyFileSync(join(seedsDir, f), join(dir, f));
  return dir;
}

/**
 * The seeds, each twice: the copy `1<file>` gets the slug `copy-<i>`, except that with `clash`
 * the first copy keeps its original's slug.
 */
function seedsTwice({ clash = false } = {}): string {
  const seeds = copySeeds();
  for (const f of seedFiles) fs.copyFileSync(join(seeds, f), join(seeds, `1${f}`));
  const manifest = JSON.parse(fs.readFileSync(join(seeds, 'manifest.json'), 'utf8'));
  for (const [i, f] of seedFiles.entries()) if (i || !clash) manifest[`1${f}`] = { ...manifest[f], slug: `copy-${i}` };
  fs.writeFileSync(join(seeds, 'manifest.json'), JSON.stringify(manifest));
  return seeds;
}

describe('converting the seed folder', () => {
  test('an unchanged seed is not converted again; a changed one is', () => {
    const seeds = copySeeds();
    const out = scratch('content-');
    assert.equal(run(seeds, out).result.converted, 4);
    const second = run(seeds, out).result;
    assert.deepEqual([second.converted, second.unchanged], [0, 4]);
    fs.appendFileSync(join(seeds, seedFiles[0]!), '\n122. 新增的一段。\n');
    const third = run(seeds, out).result;
    assert.deepEqual([third.converted, third.unchanged], [1, 3]);
    assert.match(fs.readFileSync(join(out, 'reports', 'a-74-36.mdx'), 'utf8'), /<Para n="122" id="p-122">新增的一段。<\/Para>/);
  });

  test('output is byte-identical across runs', () => {
    const a = scratch('content-');
    const b = scratch('content-');
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
    const out = scratch('content-');
    const { result, lines } = run(seeds, out);
    assert.equal(result.converted, 4);
    assert.deepEqual(
      result.errors.map((e) => [e.file, e.code]),
      [
        ['005_empty.txt', 'empty'],
        ['006_binary.txt', 'binary'],
      ],
    );
    assert.ok(lines.some((l) => /^error 005_empty\.txt: the file is empty/.test(l)));
    assert.equal(fs.readdirSync(join(out, 'reports')).length, 4);
  });

  test('every seed has a typed outcome: converted, unchanged, rejected or failed, with its slug, figures, warnings or error', () => {
    const seeds = copySeeds();
    fs.writeFileSync(join(seeds, '009_empty.txt'), '');
    const out = scratch('content-');
    const seen: string[] = [];
    const first = run(seeds, out, { onSeed: (o) => seen.push(`${o.file}:${o.status}`) }).result;
    assert.deepEqual(
      seen,
      first.seeds.map((o) => `${o.file}:${o.status}`),
      'onSeed sees each outcome as it happens',
    );
    const byFile = new Map(first.seeds.map((o) => [o.file, o]));
    const converted = first.seeds.filter((o) => o.status === 'converted');
    assert.equal(converted.length, 4);
    for (const o of converted) {
      const model = JSON.parse(fs.readFileSync(join(out, 'data', `${o.slug}.json`), 'utf8'));
      assert.equal(o.figures, model.figures.values.length, o.file);
      assert.deepEqual(o.warnings, model.warnings, o.file);
    }
    assert.deepEqual([byFile.get('009_empty.txt')!.status, byFile.get('009_empty.txt')!.error!.code], ['rejected', 'empty']);
    // A second run: the same slugs, figures and warnings, from the index, without reading the models.
    const second = run(seeds, out).result.seeds.filter((o) => o.status !== 'rejected');
    assert.deepEqual(
      second.map((o) => [o.file, o.status, o.slug, o.figures, o.warnings.length]),
      converted.map((o) => [o.file, 'unchanged', o.slug, o.figures, o.warnings.length]),
    );
    const failing = run(seeds, scratch('content-'), {
      convert: () => {
        throw new TypeError('boom');
      },
    }).result.seeds;
    assert.ok(failing.filter((o) => o.file !== '009_empty.txt').every((o) => o.status === 'failed' && o.error?.code === 'crash'));
  });

  test('a report whose address changes says so, with the old and the new page and how to keep the old one', () => {
    const seeds = copySeeds();
    const out = scratch('content-');
    run(seeds, out);
    const manifestPath = join(seeds, 'manifest.json');
    const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
    const file = seedFiles.find((f) => f.startsWith('002'))!;
    const old = convertSeed(file, fs.readFileSync(join(seeds, file)), manifest[file]).report.slug;
    manifest[file] = { ...manifest[file], slug: 'moved-report' };
    fs.writeFileSync(manifestPath, JSON.stringify(manifest));
    const { result, lines } = run(seeds, out);
    const warning = lines.filter((l) => l.includes('[slug-changed]'));
    assert.equal(warning.length, 1);
    assert.ok(warning[0]!.includes(`reports/${old}.html to reports/moved-report.html`), warning[0]);
    assert.ok(warning[0]!.includes(`"slug": "${old}"`));
    assert.ok(result.warnings >= 1);
  });

  test('a removed seed loses its content; a manifest error names the key', () => {
    const seeds = copySeeds();
    const out = scratch('content-');
    run(seeds, out);
    fs.rmSync(join(seeds, seedFiles[0]!));
    run(seeds, out);
    assert.ok(!fs.existsSync(join(out, 'reports', 'a-74-36.mdx')));
    fs.writeFileSync(join(seeds, 'manifest.json'), JSON.stringify({ '002_5abb10e344218c75.txt': { slug: 'Bad Slug' } }));
    assert.throws(() => run(seeds, out), /manifest\.json: 002_5abb10e344218c75\.txt\.slug: slug: lower-case/);
  });

  test('a seed whose conversion throws unexpectedly is one error line naming the file and step; the others and the index are written', () => {
    const seeds = copySeeds();
    const out = scratch('content-');
    const broken = seedFiles[1]!;
    // The seam stands for a converter bug: a real converter step fed what it cannot handle.
    const convert: RunOptions['convert'] = (file, bytes, entry) => {
      if (file === broken) extractFigures(null as never);
      return convertSeed(file, bytes, entry);
    };
    const { result, lines } = run(seeds, out, { convert });
    assert.equal(result.converted, 3);
    assert.equal(result.failed, 1);
    assert.deepEqual(
      result.errors.map((e) => [e.file, e.code]),
      [[broken, 'crash']],
    );
    const errorLines = lines.filter((l) => l.startsWith('error '));
    assert.equal(errorLines.length, 1);
    assert.match(errorLines[0]!, new RegExp(`^error ${broken.replace('.', '\\.')}: unexpected TypeError: .* in step "figures" \\[crash\\]`));
    assert.ok(!errorLines[0]!.includes('\n') && !errorLines[0]!.includes('    at '), 'no stack trace');
    assert.match(lines.at(-1)!, /3 converted, 0 unchanged, 0 rejected, 1 failed/);
    const index = JSON.parse(fs.readFileSync(join(out, 'index.json'), 'utf8')) as { reports: { file: string; slug: string }[] };
    assert.deepEqual(
      index.reports.map((r) => r.file),
      seedFiles.filter((f) => f !== broken),
    );
    assert.deepEqual(fs.readdirSync(join(out, 'reports')).sort(), index.reports.map((r) => `${r.slug}.mdx`).sort());
  });

  test('--seeds naming a missing folder is one error line and exit 2', () => {
    let failed: { status: number; stderr: string; stdout: string } | undefined;
    try {
      execFileSync(
        process.execPath,
        [join(root, 'scripts', 'commands', 'convert.ts'), '--seeds', join(tmpdir(), 'no-such-seeds-folder'), '--out', scratch('content-')],
        { encoding: 'utf8', stdio: 'pipe' },
      );
    } catch (error) {
      failed = error as typeof failed;
    }
    assert.ok(failed);
    assert.equal(failed.status, 2);
    assert.equal(failed.stderr, `error --seeds ${join(tmpdir(), 'no-such-seeds-folder')}: no such folder\n`);
  });

  test('seeds named in Chinese get distinct slugs', () => {
    const seeds = scratch('seeds-');
    const body = '关于某一专题的报告\n\n1. 这是第一段的文字。\n\n2. 这是第二段的文字。\n';
    for (const name of ['人权报告.txt', '年度报告.txt', '2023年报告.txt']) fs.writeFileSync(join(seeds, name), body);
    const out = scratch('content-');
    const { result } = run(seeds, out);
    assert.deepEqual(result.errors, []);
    assert.equal(result.converted, 3);
    const slugs = (JSON.parse(fs.readFileSync(join(out, 'index.json'), 'utf8')) as { reports: { slug: string }[] }).reports.map((r) => r.slug);
    assert.equal(new Set(slugs).size, 3);
    for (const slug of slugs) assert.match(slug, /^(?:report|2023)-[0-9a-f]{8}$/);
  });

  test('on worker threads, a run logs, reports and writes exactly what it does in one thread, in file order', async () => {
    // Each seed twice under another name (one a slug clash), an empty seed and a folder named like one.
    const seeds = seedsTwice({ clash: true });
    fs.writeFileSync(join(seeds, '005_empty.txt'), '');
    fs.mkdirSync(join(seeds, '006_folder.txt'));
    const one = scratch('content-');
    const many = scratch('content-');
    const sync = run(seeds, one);
    const lines: string[] = [];
    const seen: string[] = [];
    const parallel = await convertAllParallel({
      seedsDir: seeds,
      outDir: many,
      fs: realFs,
      log: (l) => lines.push(l),
      onSeed: (o) => seen.push(o.line),
      parallel: { minSeeds: 2, workers: 2 },
    });
    const untimed = (ls: string[]) => ls.map((l) => l.replace(/\(\d+\.\d+ s\)$/, ''));
    assert.deepEqual(untimed(lines), untimed(sync.lines));
    assert.deepEqual(parallel.seeds, sync.result.seeds);
    assert.deepEqual(
      seen,
      sync.result.seeds.map((o) => o.line),
      'onSeed in file order',
    );
    assert.deepEqual({ ...parallel, seeds: [] }, { ...sync.result, seeds: [] });
    assert.deepEqual(
      sync.result.errors.map((e) => e.code),
      ['empty', 'not-a-file', 'slug-clash'],
    );
    for (const sub of ['reports', 'data']) {
      assert.deepEqual(fs.readdirSync(join(many, sub)), fs.readdirSync(join(one, sub)));
      for (const name of fs.readdirSync(join(one, sub))) assert.ok(fs.readFileSync(join(one, sub, name)).equals(fs.readFileSync(join(many, sub, name))), name);
    }
    assert.ok(fs.readFileSync(join(one, 'index.json')).equals(fs.readFileSync(join(many, 'index.json'))));
    // A second run on worker threads: every seed unchanged, as in one thread.
    const again = await convertAllParallel({ seedsDir: seeds, outDir: many, fs: realFs, log: () => {}, parallel: { minSeeds: 2, workers: 2 } });
    assert.deepEqual([again.converted, again.unchanged], [0, 7]);
  });

  test('on worker threads, a converter bug costs its seed only, and a worker that stops costs only the seeds it held', async () => {
    const seeds = seedsTwice();
    const out = scratch('content-');
    const lines: string[] = [];
    const result = await convertAllParallel({
      seedsDir: seeds,
      outDir: out,
      fs: realFs,
      log: (l) => lines.push(l),
      parallel: { minSeeds: 2, workers: 2, workerUrl: new URL('./crash-worker.ts', import.meta.url) },
    });
    const byFile = new Map(result.seeds.map((o) => [o.file, o]));
    const [first, second, third] = seedFiles as [string, string, string];
    assert.equal(byFile.get(first)!.status, 'converted');
    assert.equal(byFile.get(second)!.status, 'failed');
    assert.match(byFile.get(second)!.line, new RegExp(`^error ${second.replace('.', '\\.')}: unexpected TypeError: .* in step "figures" \\[crash\\]$`));
    assert.equal(byFile.get(third)!.status, 'failed');
    assert.match(byFile.get(third)!.line, /unexpected Error: the worker thread converting it stopped \(exit code 3\) in step "convert" \[crash\]$/);
    // The seeds the stopped worker did not hold are converted, by the other worker or this thread.
    const stopped = result.seeds.filter((o) => o.status === 'failed' && o.line.includes('stopped'));
    assert.ok(stopped.length <= 2, `a worker holds at most two seeds: ${stopped.map((o) => o.file)}`);
    assert.equal(result.converted + result.failed, 8);
    assert.equal(result.failed, 1 + stopped.length);
    assert.equal(lines.filter((l) => l.startsWith('error ')).length, result.failed);
    const index = JSON.parse(fs.readFileSync(join(out, 'index.json'), 'utf8')) as { reports: { file: string }[] };
    assert.deepEqual(
      index.reports.map((r) => r.file),
      result.seeds.filter((o) => o.status === 'converted').map((o) => o.file),
    );
  });
});
