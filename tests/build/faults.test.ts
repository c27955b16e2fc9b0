/**
 * Faults never publish a wrong site (issue 23): each numbered case of the issue, reproduced the
 * way maintainers' machines fail — a build interrupted after Astro rewrote a page copy, two builds
 * at once, damaged caches (truncated, bit-flipped, rewritten), a kill between the swap's renames,
 * an old site that cannot be deleted, odd files in seeds/ (a FIFO, a long name, symbolic links, a
 * huge file) and input-sized reports. Real builds run on a copy of the project with the pinned
 * corpus; the rest drive the modules directly.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import * as fs from 'node:fs';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Worker } from 'node:worker_threads';
import { buildCache } from '../../scripts/util/cache.ts';
import { acquireLock, LockBusy, lockPathOf } from '../../scripts/util/lock.ts';
import { cleanStale } from '../../scripts/tasks/steps.ts';
import { swapAll } from '../../scripts/tasks/swap.ts';
import { diffHashes, PAGE_WARN_BYTES, sizeWarnings, treeHashes } from '../../scripts/tasks/tree.ts';
import { checkRendered } from '../../scripts/commands/check.ts';
import { convertAll, type RunOptions } from '../../scripts/converter/run.ts';
import { convertSeed } from '../../scripts/converter/pipeline.ts';
import { SEED_MAX_BYTES, SEED_NAME_MAX } from '../../scripts/converter/seed-file.ts';
import { INLINE_COMPONENTS_MAX } from '../../scripts/converter/serialize.ts';
import { readReports } from '../../scripts/search/records.ts';
import { projectCopy } from '../../scripts/bench/site-bench.ts';
import { root, seedsDir } from '../helpers.ts';

const realFs = { ...fs, join } as unknown as RunOptions['fs'];
/** Temporary folders, removed when the file's tests end. */
const temps: string[] = [];
const temp = (name: string) => {
  const dir = mkdtempSync(join(tmpdir(), `faults-${name}-`));
  temps.push(dir);
  return dir;
};
after(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

/** Convert a seed folder, returning the log lines. */
function convert(seeds: string, out: string): { lines: string[]; result: ReturnType<typeof convertAll> } {
  const lines: string[] = [];
  const result = convertAll({ seedsDir: seeds, outDir: out, fs: realFs, log: (l) => lines.push(l) });
  return { lines, result };
}

describe('the build cache: every entry is checked against its SHA-256 on every read', () => {
  test('a truncated file entry and a bit-flipped folder entry are made again with a warning naming them, never used', async () => {
    const dir = temp('cache');
    const warnings: string[] = [];
    const cache = () => buildCache(dir, { warn: (m) => warnings.push(m) });
    const first = cache();
    const file = await first.store('a', (p) => writeFileSync(p, '完整的条目内容'));
    const folder = await first.store('b', (p) => (mkdirSync(p), writeFileSync(join(p, 'x.pf'), 'shard bytes')));
    assert.equal(cache().read('a')?.toString(), '完整的条目内容', 'a sound entry is found');
    truncateSync(file, 4);
    const bytes = readFileSync(join(folder, 'x.pf'));
    bytes[0]! ^= 0x01;
    writeFileSync(join(folder, 'x.pf'), bytes);
    const second = cache();
    assert.equal(second.read('a'), undefined);
    assert.equal(second.lookup('b'), undefined);
    assert.equal(warnings.length, 2);
    assert.match(warnings[0]!, new RegExp(`cache entry ${file} is damaged .*made again, not used`));
    assert.match(warnings[1]!, new RegExp(`cache entry ${folder} is damaged`));
    assert.equal(existsSync(file), false, 'the damaged entry is removed');
    await second.store('a', (p) => writeFileSync(p, '完整的条目内容'));
    assert.equal(cache().read('a')?.toString(), '完整的条目内容', 'and made again');
  });

  test('an entry a build was killed before sealing (renamed in, no seal yet) is made again quietly', async () => {
    const dir = temp('cache');
    const warnings: string[] = [];
    const path = await buildCache(dir).store('k', (p) => writeFileSync(p, 'bytes'));
    rmSync(`${path}.sha256`);
    assert.equal(buildCache(dir, { warn: (m) => warnings.push(m) }).lookup('k'), undefined);
    assert.deepEqual(warnings, []);
  });
});

describe('case 3: a damaged converter index or report model is rebuilt with a warning, never trusted, never fatal', () => {
  test('a truncated content/index.json: every seed converts again, the same outputs, one warning', () => {
    const out = temp('content');
    convert(seedsDir, out);
    const before = treeHashes(join(out, 'data'));
    const index = join(out, 'index.json');
    truncateSync(index, 100);
    const { lines, result } = convert(seedsDir, out);
    assert.equal(result.errors.length, 0);
    assert.equal(result.converted, 4);
    assert.ok(
      lines.some((l) => l.startsWith(`warning ${index}: damaged`)),
      lines.join('\n'),
    );
    assert.deepEqual(diffHashes(before, treeHashes(join(out, 'data'))), []);
    assert.doesNotThrow(() => JSON.parse(readFileSync(index, 'utf8')));
  });

  test('a truncated report model is found against its index and converted again; a model damaged elsewhere names its file', () => {
    const out = temp('content');
    convert(seedsDir, out);
    const model = join(out, 'data', readdirSync(join(out, 'data'))[0]!);
    const good = readFileSync(model);
    truncateSync(model, 1000);
    assert.throws(() => readReports(out), new RegExp(`cannot read the report model ${model}`));
    const { lines, result } = convert(seedsDir, out);
    assert.equal(result.converted, 1);
    assert.equal(result.unchanged, 3);
    assert.ok(lines.some((l) => l.startsWith('warning') && l.includes(model) && l.includes('converted again')));
    assert.ok(readFileSync(model).equals(good));
  });
});

describe('case 2: one build at a time per output', () => {
  test('a second holder is refused with one line naming the first; a lock whose owner is gone is taken over', async () => {
    const dir = temp('lock');
    const lock = acquireLock(join(dir, 'dist'), 'npm run build');
    assert.throws(
      () => acquireLock(join(dir, 'dist'), 'npm run dev'),
      (error: unknown) =>
        error instanceof LockBusy &&
        /dist is being written by npm run build \(pid \d+, since [\d-]+ [\d:]+\): wait for it to finish/.test(error.message) &&
        !error.message.includes('\n'),
    );
    lock.release();
    assert.equal(existsSync(lockPathOf(join(dir, 'dist'))), false);
    // A build killed with SIGKILL leaves its lock: its pid no longer runs.
    const gone = spawn(process.execPath, ['-e', '']);
    await once(gone, 'exit');
    writeFileSync(
      lockPathOf(join(dir, 'dist')),
      JSON.stringify({ pid: gone.pid, host: (await import('node:os')).hostname(), command: 'npm run build', started: 'then' }),
    );
    acquireLock(join(dir, 'dist'), 'npm run build').release();
  });
});

describe('case 4: the swap', () => {
  /** A folder with a last good build: dist/index.html "old", offline.zip "old zip". */
  function previous(): string {
    const dir = temp('swap');
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', 'index.html'), 'old');
    writeFileSync(join(dir, 'offline.zip'), 'old zip');
    return dir;
  }
  const killedAt = (dir: string, point: string) =>
    spawnSync(process.execPath, [join(root, 'tests', 'build', 'fault-worker.ts'), dir], { env: { ...process.env, UN_HR_KILL_AT: point } });
  const read = (dir: string) => [readFileSync(join(dir, 'dist', 'index.html'), 'utf8'), readFileSync(join(dir, 'offline.zip'), 'utf8')];

  test('killed between moving the old site aside and the new one in: the next build puts the old site back before cleaning up', () => {
    const dir = previous();
    assert.equal(killedAt(dir, 'swap-aside').signal, 'SIGKILL');
    assert.equal(existsSync(join(dir, 'dist')), false, 'the window: no dist/ until the next build');
    const warnings: string[] = [];
    cleanStale(join(dir, '.build'), (m) => warnings.push(m));
    assert.deepEqual(read(dir), ['old', 'old zip']);
    assert.match(warnings.join('\n'), /killed while swapping left no .*dist: the last good site was put back/);
    assert.deepEqual(readdirSync(join(dir, '.build')), [], 'then the staging folder is removed');
  });

  test('killed after the new site went in but before its zip: the next build puts the new zip in', () => {
    const dir = previous();
    assert.equal(killedAt(dir, 'swap-in').signal, 'SIGKILL');
    assert.deepEqual(read(dir), ['new', 'old zip']);
    cleanStale(join(dir, '.build'), () => {});
    assert.deepEqual(read(dir), ['new', 'new zip']);
  });

  test('an old site that cannot be removed is a warning: the new site and zip are in, and the next build tries again', () => {
    const dir = previous();
    mkdirSync(join(dir, 'staged'));
    writeFileSync(join(dir, 'staged', 'index.html'), 'new');
    writeFileSync(join(dir, 'new.zip'), 'new zip');
    mkdirSync(join(dir, '.build', '1'), { recursive: true });
    const warnings: string[] = [];
    const eperm = (path: string) => {
      if (existsSync(path)) throw Object.assign(new Error('operation not permitted'), { code: 'EPERM' });
    };
    swapAll({
      staged: join(dir, 'staged'),
      target: join(dir, 'dist'),
      aside: join(dir, '.build', '1', 'dist-old'),
      zip: { staged: join(dir, 'new.zip'), target: join(dir, 'offline.zip') },
      warn: (m) => warnings.push(m),
      remove: eperm,
    });
    assert.deepEqual(read(dir), ['new', 'new zip']);
    assert.match(warnings.join('\n'), /could not remove .*dist-old \(EPERM\); the next build tries again/);
  });
});

describe('case 5: inputs are bounded', () => {
  test('a FIFO, an over-long name and an over-large file are rejected naming the limit; the other seeds convert', () => {
    const seeds = temp('seeds');
    cpSync(
      join(
        seedsDir,
        readdirSync(seedsDir).find((f) => f.startsWith('001'))!,
      ),
      join(seeds, '001.txt'),
    );
    execFileSync('mkfifo', [join(seeds, 'pipe.txt')]);
    const long = `${'x'.repeat(SEED_NAME_MAX + 1)}.txt`;
    writeFileSync(join(seeds, long), '一. 导言\n\n1. 正文。\n');
    writeFileSync(join(seeds, 'huge.txt'), '');
    truncateSync(join(seeds, 'huge.txt'), SEED_MAX_BYTES + 1);
    // In a child process: were the FIFO opened, the conversion would block for ever (the timeout is a hang guard).
    const run = spawnSync(process.execPath, [join(root, 'scripts', 'commands', 'convert.ts'), '--seeds', seeds, '--out', join(seeds, 'content')], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    assert.equal(run.signal, null, 'the converter did not hang on the FIFO');
    assert.match(run.stdout, /error pipe\.txt: a FIFO \(named pipe\): only regular files are read \[not-a-file\]/);
    assert.match(run.stdout, new RegExp(`error ${long}: its name is ${SEED_NAME_MAX + 5} characters long; the limit is ${SEED_NAME_MAX} \\(SEED_NAME_MAX\\)`));
    const mib = (SEED_MAX_BYTES / 1024 / 1024).toFixed(1).replace('.', '\\.');
    assert.match(run.stdout, new RegExp(`error huge\\.txt: ${mib} MiB; the limit is ${mib} MiB \\(SEED_MAX_BYTES\\)`));
    assert.match(run.stdout, /001\.txt → a-74-36/);
    assert.match(run.stdout, /4 seeds: 1 converted, 0 unchanged, 3 rejected/);
  });

  test('a symbolic link inside seeds/ converts quietly; one to a file outside converts with a warning naming its target', () => {
    const seeds = temp('seeds');
    const outside = join(temp('outside'), 'elsewhere.txt');
    cpSync(
      join(
        seedsDir,
        readdirSync(seedsDir).find((f) => f.startsWith('002'))!,
      ),
      outside,
    );
    cpSync(
      join(
        seedsDir,
        readdirSync(seedsDir).find((f) => f.startsWith('001'))!,
      ),
      join(seeds, 'real.txt'),
    );
    symlinkSync(join(seeds, 'real.txt'), join(seeds, 'inside.txt'));
    symlinkSync(outside, join(seeds, 'outside.txt'));
    const { result } = convert(seeds, temp('content'));
    const warnings = (file: string) => result.seeds.find((s) => s.file === file)!.warnings.map((w) => w.code);
    assert.equal(result.errors.length, 1, 'inside.txt and real.txt make the same slug: one is refused');
    assert.deepEqual(warnings('outside.txt').slice(0, 1), ['seed-outside']);
    assert.match(
      result.seeds.find((s) => s.file === 'outside.txt')!.warnings[0]!.message,
      new RegExp(`a symbolic link to ${outside}, outside the seeds folder`),
    );
    assert.ok(!warnings('real.txt').includes('seed-outside'));
  });

  test('a report of 10 050 paragraphs keeps every paragraph, numbered to the last', () => {
    const text = `关于某一专题的报告\n\n一. 导言\n\n${Array.from({ length: 10_050 }, (_, i) => `${i + 1}. 第${i + 1}段的文字。\n\n`).join('')}`;
    const seeds = temp('seeds');
    writeFileSync(join(seeds, 'many.txt'), text);
    const out = temp('content');
    convert(seeds, out);
    const [report] = readReports(out);
    assert.equal(report!.stats.paragraphs, 10_050);
    assert.equal(report!.blocks.at(-1)!.id, 'p-10050');
    const last = report!.blocks.at(-1)!;
    assert.ok(last.type === 'paragraph' && last.content.some((c) => c.type === 'text' && c.value.includes('第10050段的文字')));
  });

  test('60 000 citations in one paragraph convert on a small stack (no input-sized spread or recursion)', async () => {
    const cites = Array.from({ length: 60_000 }, (_, i) => `A/HRC/40/${(i % 50) + 1}`).join('、');
    const source = `
      import { workerData, parentPort } from 'node:worker_threads';
      const { convertSeed } = await import(${JSON.stringify(join(root, 'scripts', 'converter', 'pipeline.ts'))});
      const { report } = convertSeed('cites.txt', Buffer.from(workerData));
      const p1 = report.blocks.find((b) => b.id === 'p-1');
      parentPort.postMessage(p1.content.filter((c) => c.type === 'doc').length);`;
    // 400 KB of stack: the old `out.push(...parseInline(s))` overflowed it at this size.
    const worker = new Worker(source, {
      eval: true,
      workerData: `关于某一专题的报告\n\n一. 导言\n\n1. 参见 ${cites}。\n\n2. 第二段。\n`,
      resourceLimits: { stackSizeMb: 0.4 },
    });
    const [docs] = (await Promise.race([once(worker, 'message'), once(worker, 'error').then(([e]) => Promise.reject(e))])) as [number];
    assert.equal(docs, 60_000);
    await worker.terminate();
  });

  test('a block of more inline components than INLINE_COMPONENTS_MAX is one <Inlines> element holding them all; fewer keep one element each', () => {
    const para = (n: number) => `关于某一专题的报告\n\n一. 导言\n\n1. 参见 ${Array.from({ length: n }, (_, i) => `A/HRC/40/${i + 1}`).join('、')}。\n`;
    const many = convertSeed('many.txt', Buffer.from(para(INLINE_COMPONENTS_MAX + 1)));
    const line = many.mdx.split('\n').find((l) => l.startsWith('<Para n="1"'))!;
    assert.equal(line.match(/<[A-Z]\w*/g)!.join(' '), '<Para <Inlines', 'one element, whatever the number of citations');
    const nodes = JSON.parse(
      / nodes="([^"]*)"/
        .exec(line)![1]!
        .replace(/&#x22;/g, '"')
        .replace(/&#x26;/g, '&'),
    );
    const p1 = many.report.blocks.find((b) => b.id === 'p-1')!;
    assert.ok(p1.type === 'paragraph');
    assert.deepEqual(nodes, p1.content);
    const few = convertSeed('few.txt', Buffer.from(para(INLINE_COMPONENTS_MAX)));
    assert.equal(
      few.mdx
        .split('\n')
        .find((l) => l.startsWith('<Para n="1"'))!
        .match(/<Doc /g)!.length,
      INLINE_COMPONENTS_MAX,
    );
  });

  test('a page over PAGE_WARN_BYTES and a site over HOST_FILE_LIMIT files are warned about, naming the page', () => {
    const dir = temp('site');
    mkdirSync(join(dir, 'reports'));
    writeFileSync(join(dir, 'reports', 'big.html'), Buffer.alloc(PAGE_WARN_BYTES + 1, 0x20));
    writeFileSync(join(dir, 'index.html'), 'small');
    const warnings = sizeWarnings(dir);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /^reports\/big\.html is 8\.0 MB \(over 8\.0 MB, PAGE_WARN_BYTES\)/);
    assert.match(sizeWarnings(dir, { files: 20_001, bytes: 0, pages: 2 }).at(-1)!, /20001 files, over the 20000 many static hosts accept/);
  });
});

/**
 * Real builds (`scripts/commands/build.ts`) of the pinned corpus in a copy of the project, sharing one
 * copy: a first build, then each fault, then a clean `--force` build to compare with.
 */
describe('real builds under faults', { timeout: 900_000 }, () => {
  let dir = '';
  const cache = () => join(dir, 'node_modules', '.astro');
  const seed001 = () =>
    join(
      dir,
      'seeds',
      readdirSync(join(dir, 'seeds')).find((f) => f.startsWith('001'))!,
    );
  const args = (name: string, flags: string[]) => [
    join(dir, 'scripts', 'commands', 'build.ts'),
    '--dist',
    join(dir, name),
    '--zip',
    join(dir, `${name}.zip`),
    ...flags,
  ];
  const options = { cwd: () => dir, env: { ...process.env, CI: '1' } };
  const build = (name: string, ...flags: string[]) =>
    execFileSync(process.execPath, args(name, flags), { cwd: options.cwd(), env: options.env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  /** A site and its zip are what a clean build of the same inputs gives, byte for byte. */
  const assertClean = (name: string) => {
    build('clean', '--force');
    assert.deepEqual(diffHashes(treeHashes(join(dir, name)), treeHashes(join(dir, 'clean'))), []);
    assert.ok(readFileSync(join(dir, `${name}.zip`)).equals(readFileSync(join(dir, 'clean.zip'))), 'the zip is the clean build’s');
  };

  before(() => {
    dir = temp('project');
    projectCopy(root, dir);
    cpSync(seedsDir, join(dir, 'seeds'), { recursive: true });
    build('site');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('case 1: after a build interrupted once Astro rewrote a page copy, the next build renders that page again: the site is a clean build’s, and npm run check fails a stale page', () => {
    const seed = seed001();
    const text = readFileSync(seed, 'utf8');
    assert.match(text, /\n1\. 本报告根据/);
    // What an interrupted build leaves: page copies rewritten from the edited seed, Astro's
    // manifest (and the seal) still the last finished build's. Made exactly: build the edit,
    // then put back the manifest and seal of before it.
    const kept = ['incremental-build.json', 'incremental-pages.json'].map((f) => [f, readFileSync(join(cache(), f))] as const);
    writeFileSync(seed, text.replace('\n1. 本报告根据', '\n1. 不在任何种子中的文字。本报告根据'));
    build('edited');
    for (const [f, bytes] of kept) writeFileSync(join(cache(), f), bytes);
    writeFileSync(seed, text);
    const log = build('after');
    assert.match(log, /warning: Astro's cached copies of .*reports\/a-74-36\.html.* differ from what the last finished build rendered .*: rendered again/);
    assert.doesNotMatch(readFileSync(join(dir, 'after', 'docs', 'a-res-48-141.html'), 'utf8'), /不在任何种子中的文字。本报告根据/);
    assertClean('after');
    // A stale page in dist/ (here: edited by hand) cannot pass npm run check.
    const page = join(dir, 'after', 'reports', 'a-74-36.html');
    writeFileSync(page, readFileSync(page, 'utf8').replace('本报告根据', '不在任何种子中的文字。本报告根据'));
    const checked = checkRendered({ seedsDir: join(dir, 'seeds'), distDir: join(dir, 'after'), zipPath: join(dir, 'after.zip') });
    assert.equal(checked.ok, false);
    assert.deepEqual(checked.details, ['reports/a-74-36.html: differs from what its inputs render now']);
  });

  test('case 2: of two builds started at once, one refuses with one line naming the other; the other publishes a clean build’s site', async () => {
    const start = () => {
      const child = spawn(process.execPath, args('both', []), { cwd: dir, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      return once(child, 'close').then(([code]) => ({ code: code as number, stderr }));
    };
    const results = await Promise.all([start(), start()]);
    const refused = results.filter((r) => r.code === 1);
    assert.equal(refused.length, 1, results.map((r) => r.stderr).join('\n---\n'));
    assert.equal(results.filter((r) => r.code === 0).length, 1);
    assert.match(
      refused[0]!.stderr,
      /^✗ build refused: .*both is being written by npm run build \(pid \d+, since .*\): wait for it to finish, or stop it, then run again\n$/,
    );
    assertClean('both');
  });

  test('case 3: truncated and bit-flipped cache entries and a truncated index are rebuilt with a warning each; the site is a clean build’s', () => {
    const first = (sub: string) =>
      join(
        cache(),
        sub,
        readdirSync(join(cache(), sub)).find((n) => !n.includes('.'))!,
      );
    truncateSync(join(dir, 'content', 'index.json'), 100);
    truncateSync(first('mdx-cache'), 50);
    // The zip's entries are kept in the last zip (scripts/zip/zip-pack.ts): one entry's bytes flipped there.
    const pack = join(cache(), 'zip-pack');
    const id = readFileSync(join(pack, 'current'), 'utf8').trim();
    const [offset] = Object.values(JSON.parse(readFileSync(join(pack, `${id}.json`), 'utf8')).entries as Record<string, [number]>)[0]!;
    const packed = readFileSync(join(pack, `${id}.zip`));
    packed[offset! + 3]! ^= 0xff;
    writeFileSync(join(pack, `${id}.zip`), packed);
    const shard = first('pagefind');
    const shardFile = join(
      shard,
      readdirSync(shard).find((n) => n.endsWith('.js'))!,
    );
    writeFileSync(shardFile, `${readFileSync(shardFile, 'utf8')}//`);
    const log = build('repaired');
    assert.match(log, /warning .*index\.json: damaged .*every seed is converted again/);
    for (const sub of ['mdx-cache', 'pagefind']) assert.match(log, new RegExp(`warning: cache entry .*${sub}/[0-9a-f]{64} is damaged`), sub);
    assert.match(log, /warning: an entry of the zip pack .*zip-pack is damaged/);
    assertClean('repaired');
  });
});
