/** The build orchestrator: steps in order, a staged site swapped in whole, a failure that leaves the last good build. */
import assert from 'node:assert/strict';
import { execFileSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { astroChildren, astroStep, pagesOf } from '../../scripts/tasks/astro.ts';
import { createProgress, fit } from '../../scripts/tasks/progress.ts';
import { BuildFailure, runBuild, type BuildContext, type BuildPlan, type Step } from '../../scripts/tasks/steps.ts';
import { PAGEFIND_BESIDE_ASTRO_MAX, pagefindStep, zipStep } from '../../scripts/tasks/search.ts';
import { zipRoot } from '../../scripts/zip/offline-zip.ts';
import { unzipSync } from 'fflate';
import { swapDir } from '../../scripts/tasks/swap.ts';
import { diffHashes, treeHashes } from '../../scripts/tasks/tree.ts';
import { isSeedPath } from '../../src/integrations/seed-watch.ts';
import { projectCopy } from '../../scripts/bench/site-bench.ts';
import { buildDir, built } from '../pinned.ts';
import { root, seedsDir } from '../helpers.ts';

const quiet = createProgress({ write: () => {}, tty: false });

/** A project folder with a previous good build: dist/index.html says "old", the zip says "old zip". */
function previousBuild() {
  const dir = mkdtempSync(join(tmpdir(), 'build-'));
  mkdirSync(join(dir, 'dist', 'reports'), { recursive: true });
  writeFileSync(join(dir, 'dist', 'index.html'), 'old');
  writeFileSync(join(dir, 'dist', 'reports', 'gone.html'), 'old report');
  writeFileSync(join(dir, 'offline.zip'), 'old zip');
  return dir;
}

function plan(dir: string, steps: Step[], extra: Partial<BuildPlan> = {}): BuildPlan {
  return { root: dir, steps, distDir: join(dir, 'dist'), zipPath: join(dir, 'offline.zip'), workDir: join(dir, '.build', 'w'), ...extra };
}

const site: Step = {
  name: 'site',
  fix: 'fix the site',
  async run(c) {
    writeFileSync(join(c.staging, 'index.html'), 'new');
    c.counts.reports = 2;
    return '1 page';
  },
};
const zip: Step = { name: 'zip', fix: 'fix the zip', run: async (c) => writeFileSync(c.zipStaging, 'new zip') };
const broken: Step = {
  name: 'search',
  fix: 'rebuild the index',
  run: async () => {
    throw new Error('index exploded');
  },
};

describe('the build orchestrator', () => {
  test('runs the steps in order and swaps the new site and zip in whole (no file of the old build survives)', async () => {
    const dir = previousBuild();
    const order: string[] = [];
    const trace = (s: Step): Step => ({ ...s, run: async (c) => (order.push(s.name), s.run(c)) });
    const outcome = await runBuild(plan(dir, [trace(site), trace(zip)]), quiet);
    assert.deepEqual(order, ['site', 'zip']);
    assert.deepEqual([...treeHashes(join(dir, 'dist')).keys()], ['index.html']);
    assert.equal(readFileSync(join(dir, 'dist', 'index.html'), 'utf8'), 'new');
    assert.equal(readFileSync(join(dir, 'offline.zip'), 'utf8'), 'new zip');
    assert.deepEqual([outcome.counts.reports, outcome.tree.files, outcome.tree.pages, outcome.zipBytes], [2, 1, 1, 7]);
    assert.deepEqual(
      outcome.steps.map((s) => [s.name, s.detail]),
      [
        ['site', '1 page'],
        ['zip', ''],
      ],
    );
    assert.equal(existsSync(join(dir, '.build', 'w')), false, 'the staging folder is removed');
  });

  test('a failing step leaves the last good dist/ and zip byte for byte, names the step and the fix, and cleans up', async () => {
    const dir = previousBuild();
    const before = treeHashes(dir);
    await assert.rejects(runBuild(plan(dir, [site, broken, zip]), quiet), (error: unknown) => {
      assert.ok(error instanceof BuildFailure);
      assert.deepEqual([error.step, error.message, error.fix], ['search', 'index exploded', 'rebuild the index']);
      return true;
    });
    assert.deepEqual(diffHashes(before, treeHashes(dir)), []);
    assert.equal(existsSync(join(dir, '.build', 'w')), false);
  });

  test('--fail-after fails on purpose once the named step has run', async () => {
    const dir = previousBuild();
    const before = treeHashes(dir);
    await assert.rejects(runBuild(plan(dir, [site, zip], { failAfter: 'zip' }), quiet), /failing on purpose after "zip"/);
    assert.deepEqual(diffHashes(before, treeHashes(dir)), []);
  });

  test('the first build swaps in where there was no dist/; no zip step means the old zip is kept', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'build-'));
    writeFileSync(join(dir, 'offline.zip'), 'old zip');
    const outcome = await runBuild(plan(dir, [site]), quiet);
    assert.equal(readFileSync(join(dir, 'dist', 'index.html'), 'utf8'), 'new');
    assert.equal(readFileSync(join(dir, 'offline.zip'), 'utf8'), 'old zip');
    assert.equal(outcome.zipBytes, undefined);
  });

  test('a step that needs only an earlier one runs beside the steps between; the next waits for all it needs', { timeout: 10_000 }, async () => {
    const dir = previousBuild();
    const events: string[] = [];
    let openGate!: () => void;
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    // "slow" finishes only once "beside" has started: the build would hang if "beside" waited for it.
    const first: Step = { name: 'first', fix: '', run: async () => void events.push('first') };
    const slow: Step = { name: 'slow', fix: '', run: async () => (await gate, void events.push('slow done')) };
    const beside: Step = { name: 'beside', fix: '', needs: ['first'], run: async () => (events.push('beside'), openGate()) };
    const last: Step = { name: 'last', fix: '', run: async () => void events.push('last') };
    const outcome = await runBuild(plan(dir, [first, slow, beside, last]), quiet);
    assert.deepEqual(events, ['first', 'beside', 'slow done', 'last']);
    assert.deepEqual(
      outcome.steps.map((s) => s.name),
      ['first', 'slow', 'beside', 'last'],
      "timings in the plan's order",
    );
  });

  test('when a step fails, a step running beside it is told to stop and waited for, and no later step starts', async () => {
    const dir = previousBuild();
    const before = treeHashes(dir);
    const events: string[] = [];
    const running: Step = {
      name: 'astro',
      fix: '',
      needs: [],
      run: (c) =>
        new Promise((resolve) =>
          c.signal.addEventListener('abort', () => {
            events.push('astro stopped');
            setTimeout(resolve, 20);
          }),
        ),
    };
    const failing: Step = { ...broken, needs: [] };
    const later: Step = { name: 'zip', fix: '', run: async () => void events.push('zip ran') };
    await assert.rejects(runBuild(plan(dir, [running, failing, later]), quiet), (error: unknown) => {
      assert.ok(error instanceof BuildFailure);
      assert.equal(error.step, 'search');
      return true;
    });
    assert.deepEqual(events, ['astro stopped']);
    assert.deepEqual(diffHashes(before, treeHashes(dir)), []);
    assert.equal(existsSync(join(dir, '.build', 'w')), false, 'removed only after the running step ended');
  });

  test('every step prepares before any step runs, and what it prepared is released however the build ends', async () => {
    for (const steps of [[site], [broken, site]]) {
      const events: string[] = [];
      const preparing = (s: Step): Step => ({
        ...s,
        prepare: () => (events.push(`prepare ${s.name}`), { release: () => void events.push(`release ${s.name}`) }),
        run: async (c) => (events.push(`run ${s.name}`), s.run(c)),
      });
      await runBuild(plan(previousBuild(), steps.map(preparing)), quiet).catch(() => {});
      const names = steps.map((s) => s.name);
      assert.deepEqual(
        events.slice(0, names.length),
        names.map((n) => `prepare ${n}`),
      );
      assert.deepEqual(
        events.slice(-names.length),
        names.map((n) => `release ${n}`),
      );
    }
  });

  test('a step can decide while running to wait for another step it does not always need', async () => {
    const events: string[] = [];
    const slow: Step = { name: 'astro', fix: '', run: () => new Promise((resolve) => setTimeout(() => (events.push('astro done'), resolve()), 30)) };
    const waiting: Step = {
      name: 'pagefind',
      fix: '',
      needs: [],
      run: async (c) => {
        events.push('pagefind started');
        await c.after('astro');
        events.push('pagefind after astro');
      },
    };
    await runBuild(plan(previousBuild(), [slow, waiting]), quiet);
    assert.deepEqual(events, ['pagefind started', 'astro done', 'pagefind after astro']);
  });

  test('a step can wait for a moment inside another step; the moment is settled with its step if it never comes; an unknown one is an error', async () => {
    for (const says of [true, false]) {
      const events: string[] = [];
      const astro: Step = {
        name: 'astro',
        fix: '',
        run: async (c) => {
          await new Promise((resolve) => setTimeout(resolve, 20));
          if (says) c.reached('astro:lists');
          events.push('astro lists');
          await new Promise((resolve) => setTimeout(resolve, 30));
          events.push('astro done');
        },
      };
      const waiting: Step = {
        name: 'pagefind',
        fix: '',
        needs: [],
        run: async (c) => {
          await c.after('astro:lists');
          events.push('pagefind after lists');
          await assert.rejects(c.after('astro-lists'), /no build step is named "astro-lists"/);
          await assert.rejects(c.after('nothing:lists'), /no build step is named "nothing:lists"/);
        },
      };
      await runBuild(plan(previousBuild(), [astro, waiting]), quiet);
      assert.deepEqual(events, says ? ['astro lists', 'pagefind after lists', 'astro done'] : ['astro lists', 'astro done', 'pagefind after lists']);
    }
  });

  test('a step can wait for another from its prepare, and hears of every file the steps report written', async () => {
    const events: string[] = [];
    const writer: Step = {
      name: 'astro',
      fix: '',
      run: async (c) => {
        for (const page of ['a.html', 'reports/b.html']) {
          events.push(`write ${page}`);
          c.staged(page);
        }
      },
    };
    const listener: Step = {
      name: 'zip',
      fix: '',
      prepare(c) {
        c.onStaged((path) => events.push(`heard ${path}`));
        c.after('astro').then(() => events.push('astro is done'));
        return { release: () => {} };
      },
      run: async () => void events.push('zip runs'),
    };
    await runBuild(plan(previousBuild(), [writer, listener]), quiet);
    assert.deepEqual(events, ['write a.html', 'heard a.html', 'write reports/b.html', 'heard reports/b.html', 'astro is done', 'zip runs']);
  });

  test('the zip deflates pages as a step reports them written, and zips every file as it is at the end', { timeout: 20_000 }, async () => {
    const dir = previousBuild();
    const cacheDir = join(dir, 'cache');
    const entries = () => (existsSync(join(cacheDir, 'zip-cache')) ? readdirSync(join(cacheDir, 'zip-cache')).filter((n) => !n.endsWith('.part')) : []);
    const pages: Step = {
      name: 'astro',
      fix: '',
      run: async (c) => {
        writeFileSync(join(c.staging, 'index.html'), '目录。'.repeat(500));
        writeFileSync(join(c.staging, 'report.html'), '第一稿。'.repeat(500));
        c.staged('index.html');
        c.staged('report.html');
        // Both are deflated ahead, while this step is still running…
        for (const deadline = Date.now() + 10_000; entries().length < 2; await new Promise((r) => setTimeout(r, 20))) {
          assert.ok(Date.now() < deadline, 'the staged pages were not deflated ahead');
        }
        // …and a page rewritten afterwards still reaches the zip as it ends up.
        writeFileSync(join(c.staging, 'report.html'), '定稿。'.repeat(500));
      },
    };
    const outcome = await runBuild(plan(dir, [pages, zipStep], { cacheDir }), quiet);
    const zipped = unzipSync(new Uint8Array(readFileSync(join(dir, 'offline.zip'))));
    assert.equal(Buffer.from(zipped[`${zipRoot}/index.html`]!).toString(), '目录。'.repeat(500));
    assert.equal(Buffer.from(zipped[`${zipRoot}/report.html`]!).toString(), '定稿。'.repeat(500));
    assert.match(outcome.steps[1]!.detail, /\(3 compressed, 0 from the last zip\)/, 'index.html once, both versions of report.html');
  });

  test("the search index waits for Astro's memory peak above PAGEFIND_BESIDE_ASTRO_MAX reports (both at once would not fit in 4 GB): a split render's lists part", async () => {
    const asked: string[] = [];
    const context = {
      counts: { reports: PAGEFIND_BESIDE_ASTRO_MAX + 1 },
      after: async (name: string) => {
        asked.push(name);
        throw new Error('stopped here');
      },
    } as unknown as BuildContext;
    await assert.rejects(pagefindStep.run(context), /stopped here/);
    assert.deepEqual(asked, ['astro:lists']);
    assert.deepEqual(pagefindStep.needs, ['convert'], 'a smaller corpus is indexed while Astro builds');
  });

  test('a step that needs a later or unknown step is refused before anything runs', async () => {
    const dir = previousBuild();
    await assert.rejects(runBuild(plan(dir, [{ ...site, needs: ['zip'] }, zip]), quiet), /build step "site" needs "zip", which is not an earlier step/);
    assert.equal(readFileSync(join(dir, 'dist', 'index.html'), 'utf8'), 'old');
  });

  test("Astro's process, started as the build starts, is stopped when an earlier step fails", { timeout: 20_000 }, async () => {
    const dir = previousBuild();
    let child: ChildProcess | undefined;
    const failing: Step = {
      ...broken,
      name: 'convert',
      // Astro's process is up (loading Astro) when the step before it fails.
      run: async () => {
        child = [...astroChildren][0];
        throw new Error('a seed exploded');
      },
    };
    await assert.rejects(runBuild(plan(dir, [failing, astroStep], { root }), quiet), /a seed exploded/);
    assert.ok(child, 'the astro step started its process before the first step ran');
    // Its streams close once it has exited; until then it is listed in astroChildren.
    if (astroChildren.has(child)) await once(child, 'close');
    assert.equal(astroChildren.size, 0);
    assert.equal(readFileSync(join(dir, 'dist', 'index.html'), 'utf8'), 'old');
  });

  test('a swap that cannot put the new tree in place moves the old one back', () => {
    const dir = previousBuild();
    const before = treeHashes(join(dir, 'dist'));
    assert.throws(() => swapDir(join(dir, 'no-such-staging'), join(dir, 'dist'), join(dir, 'aside')));
    assert.deepEqual(diffHashes(before, treeHashes(join(dir, 'dist'))), []);
  });
});

describe('build progress', () => {
  test('on a terminal the status rewrites one line and lasting lines clear it first', () => {
    let out = '';
    const p = createProgress({ write: (t) => (out += t), tty: true, columns: 30 });
    p.status('convert 1/4 001_deca3a15a9972238.txt → a-74-36');
    p.line('✓ convert 0.1 s');
    assert.equal(out, '\r\x1b[2Kconvert 1/4 001_deca3a15a9972\r\x1b[2K✓ convert 0.1 s\n');
  });

  test('the updating line is cut to the terminal width, counting a Chinese character as two columns', () => {
    assert.equal(fit('convert 1/4 人权报告.txt', 15), 'convert 1/4 人');
    assert.equal(fit('convert 1/4 人权报告.txt', 16), 'convert 1/4 人权');
    assert.equal(fit('abc', 10), 'abc');
  });

  test('in CI only plain statuses and lasting lines are written, one per line, with no control characters', () => {
    let out = '';
    const p = createProgress({ write: (t) => (out += t), tty: false });
    p.status('astro 12 pages /docs/a-res-75-1.html');
    p.status('astro 13 pages /reports/a-74-36.html', true);
    p.line('✓ astro 4.9 s — 131 pages');
    assert.equal(out, 'astro 13 pages /reports/a-74-36.html\n✓ astro 4.9 s — 131 pages\n');
  });

  test("Astro's page lines are read as pages, several on a line when pages render side by side; other lines are not", () => {
    assert.deepEqual(pagesOf('05:49:47   ├─ /reports/a-74-36.html (+21ms) '), ['/reports/a-74-36.html']);
    assert.deepEqual(pagesOf('05:49:47   └─ /index.html (+3ms)'), ['/index.html']);
    assert.deepEqual(pagesOf('05:49:47   ├─ /countries/afg.html  ├─ /countries/alb.html (+30ms) '), ['/countries/afg.html', '/countries/alb.html']);
    assert.deepEqual(pagesOf(' (+12ms) '), []);
    assert.deepEqual(pagesOf('05:49:47   ├─ /data/a-74-36.bib (+2ms) '), []);
    assert.deepEqual(pagesOf('05:49:47 [build] 131 page(s) built in 2.96s'), []);
  });
});

describe('npm run build, failing after the Astro step', () => {
  test('exits 1 naming the step and the fix, and the previous dist/ and zip are untouched', () => {
    const dir = previousBuild();
    const before = treeHashes(dir);
    let failed: { status: number; stderr: string } | undefined;
    try {
      // The pinned corpus's build folder: its content is fresh and its caches warm (tests/pinned.ts).
      const pinned = ['--seeds', join(built(buildDir), 'seeds'), '--cache', join(buildDir, 'cache')];
      execFileSync(
        process.execPath,
        [join(root, 'scripts', 'commands', 'build.ts'), ...pinned, '--dist', join(dir, 'dist'), '--zip', join(dir, 'offline.zip'), '--fail-after', 'astro'],
        {
          cwd: root,
          encoding: 'utf8',
          stdio: 'pipe',
          env: { ...process.env, CI: '1' },
        },
      );
    } catch (error) {
      failed = error as { status: number; stderr: string };
    }
    assert.ok(failed, 'the build must fail');
    assert.equal(failed.status, 1);
    assert.match(failed.stderr, /build failed in step "astro": failing on purpose/);
    assert.match(failed.stderr, /fix: read the Astro error above/);
    assert.match(failed.stderr, /were left as they were \(the last good build\)/);
    assert.deepEqual(diffHashes(before, treeHashes(dir)), []);
  });
});

describe('a rebuild after a seed change', () => {
  /**
   * Every cache at once — the converter's, Astro's content layer and incremental pages, compiled
   * MDX, the search index's shards and the zip's entries — must give what a clean build gives.
   * The change reaches other pages: seed 003's heading 问责 is listed under A/74/36's heading
   * E. 问责 ("the same topic in other reports"), and renaming it removes that link: both pages
   * are rendered again; the other two report pages, and the document and country pages, are reused.
   */
  test(
    'gives byte for byte what a clean build of the same seeds gives, and reuses unchanged report pages; after --force the next build compiles no MDX',
    { timeout: 480_000 },
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'rebuild-'));
      try {
        projectCopy(root, dir);
        cpSync(seedsDir, join(dir, 'seeds'), { recursive: true });
        const build = (name: string, ...flags: string[]) =>
          execFileSync(
            process.execPath,
            [join(dir, 'scripts', 'commands', 'build.ts'), '--dist', join(dir, name), '--zip', join(dir, `${name}.zip`), ...flags],
            {
              cwd: dir,
              encoding: 'utf8',
              stdio: ['ignore', 'pipe', 'pipe'],
              env: { ...process.env, CI: '1' },
            },
          );
        build('first');
        const seed = join(
          dir,
          'seeds',
          readdirSync(join(dir, 'seeds')).find((f) => f.startsWith('003'))!,
        );
        const text = readFileSync(seed, 'utf8');
        assert.match(text, /\n问责\n/);
        writeFileSync(seed, text.replace('\n问责\n', '\n问责机制\n'));

        const log = build('rebuild');
        // --force compiles every MDX module anew and refills the cache: the next plain build is warm.
        const compiled = /✓ astro .*, MDX (\d+) compiled, 0 from cache/.exec(build('clean', '--force'))?.[1];
        assert.equal(compiled, '4', '--force compiles each of the 4 report bodies once');
        // (A build that reuses pages loads fewer MDX modules than one that renders them all.)
        assert.match(build('warm'), /✓ astro .*, MDX 0 compiled, [1-9]\d* from cache/);
        // 2 of 4 report pages, and all 125 document pages (the 123 cited, the 2 report symbols) and 128 country pages (their data did not change).
        assert.match(log, /✓ astro [\d.]+ s — 264 pages \(255 reused\)/);
        // The downloads of the three unchanged reports are the first build's files (hard links from the data step's cache);
        // the changed report's four are written again.
        assert.match(log, /✓ data [\d.]+ s — 16 files \(12 reused\)/);
        const inodes = (name: string) => new Map(readdirSync(join(dir, name, 'data')).map((f) => [f, statSync(join(dir, name, 'data', f)).ino]));
        const [before, after] = [inodes('first'), inodes('rebuild')];
        assert.equal(after.size, 16);
        assert.deepEqual(
          [...after]
            .filter(([f, ino]) => before.get(f) !== ino)
            .map(([f]) => f)
            .sort(),
          ['sg-2023-human-rights.bib', 'sg-2023-human-rights.csl.json', 'sg-2023-human-rights.figures.csv', 'sg-2023-human-rights.figures.json'],
        );
        // Two shards (four reports): a-74-36's, and the other with the document pages (unchanged: no citation changed).
        assert.match(log, /✓ pagefind .*, 2 shards \(1 indexed, 1 unchanged\)/);
        assert.match(log, /✓ zip [\d.]+ s — \d+ files, [1-9]\d* of them offline search scripts/);
        assert.equal(existsSync(join(dir, 'rebuild', 'search', 'offline')), false);
        assert.deepEqual(diffHashes(treeHashes(join(dir, 'rebuild')), treeHashes(join(dir, 'clean'))), []);
        assert.equal(readFileSync(join(dir, 'rebuild.zip')).equals(readFileSync(join(dir, 'clean.zip'))), true);
        // The change did reach another report's page: its same-topic link to 问责 is gone.
        const page = (name: string) => readFileSync(join(dir, name, 'reports', 'a-74-36.html'), 'utf8');
        assert.match(page('first'), /sg-2023-human-rights\.html#h-u9/);
        assert.doesNotMatch(page('rebuild'), /sg-2023-human-rights\.html#h-u9/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});

describe('npm run dev watching seeds/', () => {
  test('seeds and the manifest trigger a conversion; other files and sub-folders do not', () => {
    const seeds = join('/p', 'seeds');
    assert.equal(isSeedPath(join(seeds, '005_new.txt'), seeds), true);
    assert.equal(isSeedPath(join(seeds, 'manifest.json'), seeds), true);
    for (const official of ['006.pdf', '007.docx', '008.doc']) assert.equal(isSeedPath(join(seeds, official), seeds), true, official);
    assert.equal(isSeedPath(join(seeds, 'notes.md'), seeds), false);
    assert.equal(isSeedPath(join(seeds, 'old', '001.txt'), seeds), false);
    assert.equal(isSeedPath(join('/p', 'seeds-old', '001.txt'), seeds), false);
  });
});

test('the build summary says how many rejected seeds failed with an unexpected error', async () => {
  const { formatSummary } = await import('../../scripts/tasks/summary.ts');
  const outcome = {
    counts: { reports: 3, rejected: 2, failed: 1, figures: 0, warnings: 0 },
    steps: [],
    seconds: 1,
    tree: { pages: 1, files: 1, bytes: 1 },
    zipBytes: undefined,
  };
  assert.match(
    formatSummary(outcome as never, 'dist', 'x.zip'),
    /reports {3}3 \(2 seeds rejected, 1 of them failed with an unexpected error: see the errors above\)/,
  );
});

test('the build says which report a removed seed took with it, and counts a manifest entry left behind as a warning', async () => {
  const { convertStep } = await import('../../scripts/tasks/convert.ts');
  const dir = mkdtempSync(join(tmpdir(), 'removed-'));
  try {
    const seeds = join(dir, 'seeds');
    cpSync(seedsDir, seeds, { recursive: true });
    const lines: string[] = [];
    const context = (counts = { reports: 0, rejected: 0, failed: 0, figures: 0, warnings: 0 }) =>
      ({
        seedsDir: seeds,
        contentDir: join(dir, 'content'),
        progress: { line: (l: string) => lines.push(l), status: () => {} },
        counts,
        force: false,
      }) as never;
    await convertStep.run(context());
    const seed = readdirSync(seeds).find((f) => f.startsWith('004'))!;
    const slug = (JSON.parse(readFileSync(join(dir, 'content', 'index.json'), 'utf8')) as { reports: { file: string; slug: string }[] }).reports.find(
      (r) => r.file === seed,
    )!.slug;
    rmSync(join(seeds, seed));
    lines.length = 0;
    const counts = { reports: 0, rejected: 0, failed: 0, figures: 0, warnings: 0 };
    const summary = await convertStep.run(context(counts));
    assert.ok(
      lines.some((l) => l.includes(`report removed: ${slug} (its seed ${seed} is no longer in`)),
      lines.join('\n'),
    );
    assert.ok(
      lines.some((l) => l.includes(`entry "${seed}" names no seed file`)),
      lines.join('\n'),
    );
    assert.match(String(summary), /3 seeds: 0 converted, 3 unchanged, 1 removed, \d+ warnings/);
    // Every warning line printed is counted, the manifest's among them.
    assert.equal(counts.warnings, lines.filter((l) => /^\s*warning /.test(l)).length);
    assert.equal(Number(/(\d+) warnings/.exec(String(summary))![1]), counts.warnings);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
