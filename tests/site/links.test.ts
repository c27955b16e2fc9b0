import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentDir, distDir } from '../pinned.ts';
import { reportSchema } from '../../scripts/model/schema.ts';
import { checkDist } from '../../scripts/commands/check-links.ts';
import { checkLinks, resolveReference } from '../../scripts/util/links.ts';

const fixture = join(import.meta.dirname, 'fixtures', 'links', 'broken');
const dist = distDir;

test('the link check reports each broken file and anchor of a tiny broken site, and nothing else', () => {
  const report = checkDist(fixture, '/');
  assert.deepEqual(
    report.broken.map((b) => `${b.reason} ${b.page} ${b.tag}[${b.attr}]=${b.href}`),
    [
      'missing-anchor index.html a[href]=reports/a.html#p-99',
      'missing-file index.html a[href]=reports/b.html',
      'missing-anchor reports/a.html a[href]=a.html#fn-1',
      'missing-file reports/a.html img[src]=../missing.png',
    ],
  );
  // site.css, a.html, a.html#p-1, a.html#p-99, b.html, #top, # (index); ../index.html#top, a.html#fn-1, /index.html, #old-anchor, ../missing.png (a)
  assert.deepEqual(
    { pages: report.pages, checked: report.checked, anchors: report.anchors, external: report.external },
    {
      pages: 2,
      checked: 12,
      anchors: 6,
      external: 2,
    },
  );
});

test('links in comments and script text are not links (a real HTML parser reads the page)', () => {
  const report = checkLinks(
    [{ path: 'x.html', html: '<!-- <a href="gone.html"> --><script>"<a href=\\"gone.html\\">"</script><p id="a">' }],
    new Set(['x.html']),
  );
  assert.deepEqual([report.checked, report.broken], [0, []]);
});

test('references resolve relative to the page, under the base, with decoded fragments', () => {
  assert.deepEqual(resolveReference('reports/a.html', '../docs/x.html#p-1'), { path: 'docs/x.html', fragment: 'p-1' });
  assert.deepEqual(resolveReference('reports/a.html', '#%E6%B3%A8'), { path: 'reports/a.html', fragment: '注' });
  assert.deepEqual(resolveReference('404.html', '/base/docs.html', '/base/'), { path: 'docs.html', fragment: undefined });
  assert.deepEqual(resolveReference('index.html', './'), { path: 'index.html', fragment: undefined });
  assert.equal(resolveReference('index.html', 'https://undocs.org/zh/A/74/36'), undefined);
  assert.equal(resolveReference('index.html', '//cdn.example.org/x.js'), undefined);
});

test('the built site has no broken internal link or anchor', () => {
  assert.ok(existsSync(join(dist, 'index.html')), `${dist} is missing: run \`npm run test:build\` first`);
  const report = checkDist(dist);
  assert.deepEqual(report.broken, []);
  // Every footnote reference and its back-reference is an anchor link, so the check must
  // at least have followed those, on every report page.
  const models = readdirSync(join(contentDir, 'data'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => reportSchema.parse(JSON.parse(readFileSync(join(contentDir, 'data', f), 'utf8'))));
  const noteLinks = models.reduce((sum, r) => sum + r.notes.reduce((s, n) => s + 2 * n.refs.length, 0), 0);
  assert.ok(report.anchors >= noteLinks, `${report.anchors} anchors checked, fewer than the ${noteLinks} note links`);
  assert.ok(report.pages >= models.length + 4, `only ${report.pages} pages`);
  assert.ok(report.checked > 1000, `only ${report.checked} links checked`);
  console.log(`link check: ${report.pages} pages, ${report.checked} internal links (${report.anchors} anchors), ${report.external} external`);
});
