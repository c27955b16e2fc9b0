/**
 * The reports' downloads (`data/<slug>.bib`, `.csl.json`, `.figures.json`, `.figures.csv`), written
 * by the build's own process beside Astro's render (scripts/tasks/data-files.ts): what a reader
 * gets from the pinned build, and that a rebuild makes again only the files whose inputs changed.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { unzipSync } from 'fflate';
import { modelSlugs } from '../../scripts/model/load.ts';
import { zipRoot } from '../../scripts/zip/offline-zip.ts';
import { writeDataFiles } from '../../scripts/tasks/data-files.ts';
import { createProgress } from '../../scripts/tasks/progress.ts';
import type { BuildContext } from '../../scripts/tasks/steps.ts';
import { built, contentDir, corpusDir, distDir, zipPath } from '../pinned.ts';

const ENDINGS = ['.bib', '.csl.json', '.figures.csv', '.figures.json'];

describe('what a reader downloads beside a report (the pinned build)', () => {
  const dist = () => built(distDir);
  const text = (path: string) => readFileSync(join(dist(), path), 'utf8');

  test('A/74/36’s BibTeX and CSL-JSON carry its symbol, title, issuer and official address', () => {
    const bib = text('data/a-74-36.bib');
    assert.match(bib, /^@techreport\{a-74-36,\n/);
    assert.match(bib, /\n {2}number = \{A\/74\/36\},\n/);
    assert.match(bib, /\n {2}title = \{\{联合国人权事务高级专员的报告\}\},\n/);
    assert.match(bib, /\n {2}author = \{\{联合国大会第七十四届会议\}\},\n/);
    assert.match(bib, /\n {2}url = \{https:\/\/undocs\.org\/zh\/A\/74\/36\},\n/);
    const [item] = JSON.parse(text('data/a-74-36.csl.json')) as Record<string, unknown>[];
    assert.equal(item!.id, 'a-74-36');
    assert.equal(item!.number, 'A/74/36');
    assert.equal(item!.title, '联合国人权事务高级专员的报告');
    assert.equal(item!.URL, 'https://undocs.org/zh/A/74/36');
  });

  test('a report without a symbol is cited by its title, with no number and (no site address configured) no URL', () => {
    const bib = text('data/hrc-47-international-cooperation.bib');
    assert.match(bib, /\n {2}title = \{\{落实和加强人权领域的国际合作\}\},\n/);
    assert.doesNotMatch(bib, /\n {2}(number|url) = /);
    const [item] = JSON.parse(text('data/hrc-47-international-cooperation.csl.json')) as Record<string, unknown>[];
    assert.equal(item!.title, '落实和加强人权领域的国际合作');
    assert.deepEqual([item!.number, item!.URL], [undefined, undefined]);
  });

  test('A/HRC/55/69’s figures: the JSON names the report, holds the maintainer’s chart titles; the CSV is UTF-8 with a BOM', () => {
    const json = JSON.parse(text('data/a-hrc-55-69.figures.json')) as { report: { symbol: string }; charts: { id: string; title: string }[] };
    assert.equal(json.report.symbol, 'A/HRC/55/69');
    assert.equal(json.charts.find((c) => c.id === 'chart-p-3-1')?.title, '现任任务负责人的性别构成（%）');
    const csv = readFileSync(join(dist(), 'data', 'a-hrc-55-69.figures.csv'));
    assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.match(csv.toString('utf8'), /^\uFEFFid,block,value,printed,unit,noun,approx,sentence\r\n/);
  });

  test('every report has its four downloads, once, and nothing else is in data/; the offline zip holds the same bytes', () => {
    const slugs = modelSlugs(built(contentDir));
    assert.equal(slugs.length, 4);
    const expected = slugs.flatMap((slug) => ENDINGS.map((ending) => `${slug}${ending}`)).sort();
    assert.deepEqual(readdirSync(join(dist(), 'data')).sort(), expected);
    const zipped = unzipSync(readFileSync(built(zipPath)), { filter: (f) => f.name.startsWith(`${zipRoot}/data/`) });
    assert.deepEqual(
      Object.keys(zipped).sort(),
      expected.map((name) => `${zipRoot}/data/${name}`),
    );
    for (const name of expected) assert.ok(Buffer.from(zipped[`${zipRoot}/data/${name}`]!).equals(readFileSync(join(dist(), 'data', name))), name);
  });
});

/** A build context for the data step alone: the pinned content copied into `dir`, a staging folder per build. */
function project() {
  const dir = mkdtempSync(join(tmpdir(), 'data-files-'));
  cpSync(built(contentDir), join(dir, 'content'), { recursive: true });
  mkdirSync(join(dir, 'seeds'));
  cpSync(join(corpusDir, 'figures.json'), join(dir, 'seeds', 'figures.json'));
  const warnings: string[] = [];
  let n = 0;
  const build = async (force = false) => {
    const staged: string[] = [];
    const staging = join(dir, `site-${++n}`, 'dist');
    mkdirSync(staging, { recursive: true });
    const context = {
      root: dir,
      seedsDir: join(dir, 'seeds'),
      contentDir: join(dir, 'content'),
      cacheDir: join(dir, 'cache'),
      staging,
      zipStaging: join(dir, `site-${n}`, 'offline.zip'),
      progress: createProgress({ write: (line) => void warnings.push(line), tty: false }),
      counts: { reports: 0, rejected: 0, failed: 0, figures: 0, warnings: 0 },
      force,
      today: undefined,
      signal: new AbortController().signal,
      after: () => Promise.resolve(),
      reached: () => {},
      staged: (path: string) => void staged.push(path),
      onStaged: () => {},
    } satisfies BuildContext;
    const result = await writeDataFiles(context);
    /** Each file's inode: the same inode is the same file, not written again. */
    const inodes = new Map(readdirSync(join(staging, 'data')).map((name) => [name, statSync(join(staging, 'data', name)).ino]));
    return { ...result, staged: staged.sort(), inodes, read: (name: string) => readFileSync(join(staging, 'data', name), 'utf8') };
  };
  /** The files whose inode differs between two builds: the ones written again. */
  const rewritten = (a: Map<string, number>, b: Map<string, number>) => [...b].filter(([name, ino]) => a.get(name) !== ino).map(([name]) => name);
  return { dir, build, rewritten, warnings, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

describe('the data step', () => {
  test('a rebuild links every unchanged report’s files from the last build; one changed model rewrites its four files only', async () => {
    const p = project();
    try {
      const first = await p.build();
      assert.deepEqual([first.files, first.reused], [16, 0]);
      assert.deepEqual(
        first.staged,
        [...first.inodes.keys()].map((name) => `data/${name}`).sort(),
        'every file written is reported, so the zip deflates it ahead',
      );
      const again = await p.build();
      assert.deepEqual([again.files, again.reused], [16, 16]);
      assert.deepEqual(p.rewritten(first.inodes, again.inodes), []);

      const model = join(p.dir, 'content', 'data', 'a-74-36.json');
      const report = JSON.parse(readFileSync(model, 'utf8'));
      report.meta.title = '联合国人权事务高级专员的报告（改）';
      writeFileSync(model, JSON.stringify(report, null, 2));
      const changed = await p.build();
      assert.deepEqual([changed.files, changed.reused], [16, 12]);
      assert.deepEqual(p.rewritten(first.inodes, changed.inodes).sort(), ['a-74-36.bib', 'a-74-36.csl.json', 'a-74-36.figures.csv', 'a-74-36.figures.json']);
      assert.match(changed.read('a-74-36.bib'), /title = \{\{联合国人权事务高级专员的报告（改）\}\}/);
    } finally {
      p.remove();
    }
  });

  test('a maintainer’s chart title in seeds/figures.json rewrites that report’s files only; --force rewrites all', async () => {
    const p = project();
    try {
      const first = await p.build();
      const file = join(p.dir, 'seeds', 'figures.json');
      const config = JSON.parse(readFileSync(file, 'utf8'));
      config.charts['a-hrc-55-69#chart-p-3-1'].title = '任务负责人的性别';
      writeFileSync(file, JSON.stringify(config));
      const changed = await p.build();
      assert.deepEqual(p.rewritten(first.inodes, changed.inodes).sort(), ENDINGS.map((e) => `a-hrc-55-69${e}`).sort());
      const charts = (JSON.parse(changed.read('a-hrc-55-69.figures.json')) as { charts: { id: string; title: string }[] }).charts;
      assert.equal(charts.find((c) => c.id === 'chart-p-3-1')?.title, '任务负责人的性别');
      const forced = await p.build(true);
      assert.deepEqual([forced.files, forced.reused], [16, 0]);
      assert.equal(p.rewritten(changed.inodes, forced.inodes).length, 16);
    } finally {
      p.remove();
    }
  });

  test('a damaged cache entry is written again with a warning naming it, never linked into the site', async () => {
    const p = project();
    try {
      const good = (await p.build()).read('a-74-36.bib');
      const cache = join(p.dir, 'cache', 'data-files');
      const entry = readdirSync(cache).find((name) => !name.includes('.') && readdirSync(join(cache, name)).includes('a-74-36.bib'))!;
      // Rewritten in place: the first site's file, a link to the entry, changes with it.
      writeFileSync(join(cache, entry, 'a-74-36.bib'), '@techreport{damaged}\n');
      const repaired = await p.build();
      assert.deepEqual([repaired.files, repaired.reused], [16, 12]);
      assert.equal(repaired.read('a-74-36.bib'), good);
      assert.ok(
        p.warnings.some((line) => new RegExp(`warning: cache entry .*data-files/${entry} is damaged`).test(line)),
        p.warnings.join(''),
      );
    } finally {
      p.remove();
    }
  });
});
