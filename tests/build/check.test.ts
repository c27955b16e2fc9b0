/**
 * `npm run check`, the maintainer's check of any corpus: the pinned build passes it, and each
 * kind of problem a corpus can have is named (stale content/, a rejected seed, a page that lost
 * an anchor or belongs to a removed report, a zip that is not of this site, offline search scripts
 * where only the zip should have them).
 */
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { checkCorpus, formatChecks, reportPageProblems } from '../../scripts/commands/check.ts';
import { reportSchema } from '../../scripts/model/schema.ts';
import { buildDir, built, distDir, zipPath } from '../pinned.ts';
import { pinnedContent, seedFiles } from '../helpers.ts';

const byName = (results: ReturnType<typeof checkCorpus>) => Object.fromEntries(results.map((r) => [r.name, r]));

/** A copy of the pinned build (seeds, content, dist, zip) that a test may break. */
function buildCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'check-'));
  for (const sub of ['seeds', 'content', 'dist']) cpSync(built(join(buildDir, sub)), join(dir, sub), { recursive: true });
  cpSync(built(zipPath), join(dir, 'offline.zip'));
  return dir;
}
const plan = (dir: string, strict = false) => ({ seedsDir: join(dir, 'seeds'), distDir: join(dir, 'dist'), zipPath: join(dir, 'offline.zip'), strict });

describe('npm run check', () => {
  test('the pinned build passes every check; its five converter warnings are listed (two for reports without a symbol), and fail it only with --strict', () => {
    const results = checkCorpus({ seedsDir: join(buildDir, 'seeds'), distDir: built(distDir), zipPath });
    assert.deepEqual(
      results.map((r) => [r.name, r.ok]),
      [
        ['converter', true],
        ['content', true],
        ['links', true],
        ['reports', true],
        ['search', true],
        ['zip', true],
      ],
    );
    assert.equal(byName(results).converter!.details.length, 5);
    assert.deepEqual(
      byName(results)
        .converter!.details.filter((d) => d.endsWith('[no-symbol]'))
        .map((d) => d.split(':')[0]),
      ['warning 002_5abb10e344218c75.txt', 'warning 003_a54c4c48be6b82af.txt'],
    );
    assert.match(
      byName(results).converter!.details.find((d) => d.endsWith('[no-symbol]'))!,
      /: no document symbol in the text or the manifest: the page says it has none and cites it by its title; set "symbol" in seeds\/manifest\.json if it has one \[no-symbol\]$/,
    );
    assert.match(formatChecks(results), /^✓ reports: 4 reports, 0 problems$/m);
    const strict = checkCorpus({ seedsDir: join(buildDir, 'seeds'), distDir, zipPath, strict: true });
    assert.equal(byName(strict).converter!.ok, false);
  });

  test('content/ made from other seeds is stale, naming its files; a rejected seed fails the converter check', () => {
    const dir = buildCopy();
    try {
      const seed = join(dir, 'seeds', seedFiles[0]!);
      writeFileSync(seed, `${readFileSync(seed, 'utf8')}\n122. 检查用的新增段落。\n`);
      writeFileSync(join(dir, 'seeds', '009_empty.txt'), '');
      const results = byName(checkCorpus(plan(dir)));
      assert.equal(results.content!.ok, false);
      // This copy is not in git: there is no committed version to record a change against (content/changes/).
      assert.deepEqual(results.content!.details, [
        join(dir, 'content', 'reports', 'a-74-36.mdx'),
        join(dir, 'content', 'data', 'a-74-36.json'),
        join(dir, 'content', 'index.json'),
      ]);
      assert.equal(results.converter!.ok, false);
      assert.match(results.converter!.summary, /1 rejected/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a page that lost an anchor, the page of a removed report and a zip of another site are named', () => {
    const dir = buildCopy();
    try {
      const page = join(dir, 'dist', 'reports', 'a-74-36.html');
      writeFileSync(page, readFileSync(page, 'utf8').replace('id="p-2"', 'id="p-two"'));
      writeFileSync(join(dir, 'dist', 'reports', 'gone.html'), '<!doctype html><html lang="zh-CN"><h1>旧</h1></html>');
      const results = byName(checkCorpus(plan(dir)));
      assert.deepEqual(results.reports!.details, [
        'reports/a-74-36.html: 1 anchor missing: p-2',
        'reports/gone.html: no report of that slug in content/ (npm run build)',
      ]);
      assert.equal(results.links!.ok, false, 'links to #p-2 are broken now');
      assert.deepEqual(results.zip!.details, ['reports/a-74-36.html: differs from ' + join(dir, 'dist'), 'reports/gone.html: not in the zip']);
      writeFileSync(join(dir, 'offline.zip'), 'not a zip');
      assert.match(byName(checkCorpus(plan(dir))).zip!.summary, /does not open/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('offline search scripts in dist/, a zip whose offline script is not made from dist/pagefind/, and a report missing from the index are named', () => {
    const dir = buildCopy();
    try {
      const dist = join(dir, 'dist');
      mkdirSync(join(dist, 'search', 'offline'), { recursive: true });
      writeFileSync(join(dist, 'search', 'offline', 'shards.json.js'), '__pf("shards.json","");\n');
      // The index changes under the zip: its shard list is made again from the new one.
      writeFileSync(join(dist, 'pagefind', 'shards.json'), '[]');
      const model = JSON.parse(readFileSync(join(dir, 'content', 'data', 'a-74-36.json'), 'utf8'));
      writeFileSync(join(dir, 'content', 'data', 'zz-unindexed.json'), JSON.stringify({ ...model, slug: 'zz-unindexed' }));
      const results = byName(checkCorpus(plan(dir)));
      assert.deepEqual(results.search!.details, [
        `search/offline/: in ${dist}, where only the zip should have it`,
        'the search index has no record of reports/zz-unindexed.html',
      ]);
      assert.deepEqual(results.zip!.details, [`search/offline/shards.json.js: differs from the scripts made from ${dist}/pagefind/`]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a report page is valid with its title, language and every block and note anchor', () => {
    const report = reportSchema.parse(JSON.parse(readFileSync(join(pinnedContent(), 'data', 'a-74-36.json'), 'utf8')));
    const page = readFileSync(join(distDir, 'reports', 'a-74-36.html'), 'utf8');
    assert.deepEqual(reportPageProblems(report, page), []);
    assert.deepEqual(reportPageProblems(report, page.replace(/<h1[\s>]/, '<h2 ').replace(' id="fn-1"', '')), ['no <h1>', '1 anchor missing: fn-1']);
  });
});
