/** The split render (docs/scale.md): a corpus rendered in several Astro runs gives the site one run gives, byte for byte. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { partIndexOf, planParts, reportOfPath, sitePartFromEnv } from '../../scripts/model/parts.ts';
import { mergePart } from '../../scripts/tasks/parts.ts';
import { diffHashes, treeHashes } from '../../scripts/tasks/tree.ts';
import { built, distDir, zipPath } from '../pinned.ts';
import { root, seedsDir } from '../helpers.ts';

/**
 * A copy of the pinned corpus in a temporary folder, built by the real commands with the render
 * forced into parts of two reports: `run` one command script (its output), `build` the site
 * (its log and the parts Astro rendered, from `--json`).
 */
function splitSite(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cpSync(seedsDir, join(dir, 'seeds'), { recursive: true });
  const json = join(dir, 'build.json');
  const run = (script: string, args: string[]) =>
    execFileSync(process.execPath, [join(root, 'scripts', 'commands', script), '--seeds', join(dir, 'seeds'), ...args], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, CI: '1', SITE_PART_SIZE: '2' },
    });
  const build = (...extra: string[]) => {
    const log = run('build.ts', ['--dist', join(dir, 'dist'), '--zip', join(dir, 'offline.zip'), '--cache', join(dir, 'cache'), '--json', json, ...extra]);
    const parts = (JSON.parse(readFileSync(json, 'utf8')) as { astroParts: { name: string; reports: number }[] }).astroParts;
    return { log, parts, rendered: parts.map((p) => p.name) };
  };
  return { dir, run, build, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

describe('splitting the render into parts', () => {
  test('the pinned corpus forced into three parts (lists and two of reports) builds the same dist/ and zip as one run', () => {
    const site = splitSite('split-');
    const { dir } = site;
    try {
      const { parts } = site.build();
      assert.deepEqual(
        parts.map((p) => p.name),
        ['lists', 'reports-1', 'reports-2'],
        'the astro step ran once per part',
      );
      assert.equal(
        parts.reduce((n, p) => n + p.reports, 0),
        4,
        'every report is in one part',
      );
      // .test-build/ is the same corpus built in one run (npm run test:build).
      assert.deepEqual(diffHashes(treeHashes(built(distDir)), treeHashes(join(dir, 'dist'))), [], 'files that differ between the two sites');
      assert.ok(readFileSync(join(dir, 'offline.zip')).equals(readFileSync(zipPath)), 'the offline zips are byte-identical');
    } finally {
      site.remove();
    }
  });

  test('rendered one part per job (npm run render-part) and merged with --parts-from, the site is the one a single run builds', () => {
    const site = splitSite('split-ci-');
    const { dir, run } = site;
    try {
      run('convert.ts', ['--quiet']);
      const names = run('render-part.ts', ['--list']).trim().split('\n');
      assert.deepEqual(names, ['lists', 'reports-1', 'reports-2']);
      // Each job with its own caches, as on separate machines; the lists part first (it writes the corpus index).
      for (const name of names) run('render-part.ts', [name, '--out', join(dir, 'parts'), '--cache', join(dir, `cache-${name}`)]);
      run('build.ts', ['--parts-from', join(dir, 'parts'), '--dist', join(dir, 'dist'), '--zip', join(dir, 'offline.zip'), '--cache', join(dir, 'cache')]);
      assert.deepEqual(diffHashes(treeHashes(built(distDir)), treeHashes(join(dir, 'dist'))), [], 'files that differ between the two sites');
      assert.ok(readFileSync(join(dir, 'offline.zip')).equals(readFileSync(zipPath)), 'the offline zips are byte-identical');
    } finally {
      site.remove();
    }
  });

  test('a rebuild renders again only the reports whose inputs changed, takes the other parts and reports from the last build, and never a damaged one', () => {
    const site = splitSite('split-kept-');
    const { dir, build } = site;
    try {
      assert.deepEqual(build().rendered, ['lists', 'reports-1', 'reports-2']);
      assert.deepEqual(build().rendered, ['lists'], 'nothing changed: both report parts kept');
      // One report's text changes (a paragraph of the first seed, not its citations or countries).
      const seed = join(dir, 'seeds', '001_deca3a15a9972238.txt');
      const text = readFileSync(seed, 'utf8');
      const at = text.indexOf('的', text.length / 2);
      writeFileSync(seed, `${text.slice(0, at)}之${text.slice(at + 1)}`);
      const changed = build();
      assert.equal(changed.rendered.length, 2, `the lists part and the changed report's part: ${changed.rendered.join(', ')}`);
      assert.match(changed.log, /1 of 2 report parts unchanged, taken from the last build/);
      // Of the changed part, only the changed report is rendered; its other reports' files are its last render's (the forced build below compares them all).
      assert.match(changed.log, /astro part reports-\d: \d+ pages \(1 of its \d reports rendered, the others' from its last render\)/);
      assert.equal(changed.parts[1]!.reports, 1);
      // A published page of the kept part rewritten in place (its kept copy is the same file): found, rendered again.
      const slugs = readdirSync(join(dir, 'content', 'data')).map((f) => f.replace(/\.json$/, ''));
      const keptPart = planParts(slugs, 2).find((p) => p.kind === 'reports' && !changed.rendered.includes(p.name));
      assert.ok(keptPart?.kind === 'reports');
      const page = join(dir, 'dist', 'reports', `${keptPart.slugs[0]}.html`);
      const good = readFileSync(page);
      writeFileSync(page, 'damaged');
      const repaired = build();
      assert.match(repaired.log, /warning: cache entry .* is damaged/);
      assert.deepEqual(repaired.rendered, ['lists', keptPart.name]);
      assert.ok(readFileSync(page).equals(good), 'the page is rendered again');
      const kept = treeHashes(join(dir, 'dist'));
      build('--force');
      assert.deepEqual(diffHashes(kept, treeHashes(join(dir, 'dist'))), [], 'files that differ from a forced build');
    } finally {
      site.remove();
    }
  });

  test('a report keeps its part when others are added, and each part holds at most about the part size', () => {
    const slugs = Array.from({ length: 1000 }, (_, i) => `r-${i}`);
    const parts = planParts(slugs, 251);
    assert.equal(parts[0]!.kind, 'lists');
    const sizes = parts.flatMap((p) => (p.kind === 'reports' ? [p.slugs.length] : []));
    assert.equal(sizes.length, 4);
    assert.equal(
      sizes.reduce((a, b) => a + b, 0),
      1000,
    );
    assert.ok(Math.max(...sizes) < 320, `parts of ${sizes.join(', ')}`);
    const before = partIndexOf('r-17', 4);
    assert.equal(
      planParts([...slugs, 'r-1000', 'r-1001'], 251).findIndex((p) => p.kind === 'reports' && p.slugs.includes('r-17')),
      before + 1,
    );
    assert.deepEqual(planParts(slugs.slice(0, 250), 250), [{ kind: 'all' }], 'a corpus that fits one run is not split');
  });

  test('a reports part owns its reports’ pages and data files; the lists part everything else', () => {
    assert.equal(reportOfPath('reports/a-74-36.html'), 'a-74-36');
    assert.equal(reportOfPath('data/a-74-36.figures.csv'), 'a-74-36');
    assert.equal(reportOfPath('data/a-74-36.csl.json'), 'a-74-36');
    assert.equal(reportOfPath('docs/a-74-36.html'), undefined);
    assert.equal(reportOfPath('reports.html'), undefined);
    assert.equal(reportOfPath('catalogue/2.html'), undefined);
  });

  test('the merge fails naming a file that a part wrote differently from the lists part, and one that is not its own', () => {
    const dir = mkdtempSync(join(tmpdir(), 'merge-'));
    const write = (path: string, text: string) => (mkdirSync(join(dir, path, '..'), { recursive: true }), writeFileSync(join(dir, path), text));
    try {
      write('lists/search/page.js', 'one');
      write('lists/index.html', 'catalogue');
      assert.deepEqual(mergePart(join(dir, 'staging'), join(dir, 'lists'), { kind: 'lists' }).sort(), ['index.html', 'search/page.js']);
      write('p1/reports/a.html', 'A');
      write('p1/search/page.js', 'one');
      assert.deepEqual(mergePart(join(dir, 'staging'), join(dir, 'p1'), { kind: 'reports', name: 'reports-1', slugs: ['a'] }), ['reports/a.html']);
      write('p2/reports/b.html', 'B');
      write('p2/search/page.js', 'two');
      assert.throws(
        () => mergePart(join(dir, 'staging'), join(dir, 'p2'), { kind: 'reports', name: 'reports-2', slugs: ['b'] }),
        /search\/page\.js.*wrote differently/,
      );
      write('p3/reports/a.html', 'A again');
      assert.throws(
        () => mergePart(join(dir, 'staging'), join(dir, 'p3'), { kind: 'reports', name: 'reports-3', slugs: ['c'] }),
        /reports\/a\.html.*belongs to another part/,
      );
      assert.equal(readFileSync(join(dir, 'staging', 'reports', 'a.html'), 'utf8'), 'A');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('SITE_PART names the lists part or a part file; a malformed file is an error naming the variable', () => {
    const dir = mkdtempSync(join(tmpdir(), 'part-'));
    try {
      assert.deepEqual(sitePartFromEnv({}), { kind: 'all' });
      assert.deepEqual(sitePartFromEnv({ SITE_PART: 'lists' }), { kind: 'lists' });
      writeFileSync(join(dir, 'p.json'), JSON.stringify({ name: 'reports-1', slugs: ['a', 'b'] }));
      assert.deepEqual(sitePartFromEnv({ SITE_PART: join(dir, 'p.json') }), { kind: 'reports', name: 'reports-1', slugs: ['a', 'b'] });
      writeFileSync(join(dir, 'bad.json'), '{"slugs": 3}');
      assert.throws(() => sitePartFromEnv({ SITE_PART: join(dir, 'bad.json') }), /SITE_PART=.*bad\.json/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
