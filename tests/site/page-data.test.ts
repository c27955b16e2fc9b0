/**
 * The report page's data object (src/lib/page-data.ts) on the real seeds, without a browser:
 * what each page shows, and that its cache key changes exactly when something it shows changes.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import type { History } from '../../scripts/model/changes.ts';
import type { Report } from '../../scripts/model/schema.ts';
import { buildCorpus, type Corpus } from '../../src/lib/corpus.ts';
import { loadHistory, loadReport, loadReportPage, reportSlugs } from '../../src/lib/data.ts';
import { loadFiguresConfig } from '../../scripts/model/figures-config.ts';
import { FIGURES_CONFIG } from '../../src/lib/figures.ts';
import { reportPageData, reportPageOf } from '../../src/lib/page-data.ts';
import { keyOf, stableJson, withKey } from '../../src/lib/pagekey.ts';
import { root } from '../helpers.ts';

const slugs = reportSlugs();
const models = slugs.map(loadReport);
const histories = new Map(slugs.flatMap((slug) => (loadHistory(slug) ? [[slug, loadHistory(slug)!] as const] : [])));

/**
 * A corpus of the seeds' models after `change` edits copies of them (and of the figures file). Copies
 * are keyed by their content; the models as read are keyed by their file's text (see the last key test).
 */
function corpusWith(change: (reports: Map<string, Report>, config: ReturnType<typeof loadFiguresConfig>) => void = () => {}): Corpus {
  const reports = new Map(models.map((r) => [r.slug, structuredClone(r)]));
  const config = loadFiguresConfig(FIGURES_CONFIG);
  change(reports, config);
  return buildCorpus({ reports: [...reports.values()], figuresConfig: config, histories });
}

const keys = (corpus: Corpus) => Object.fromEntries(slugs.map((slug) => [slug, keyOf(reportPageData(corpus, slug))]));
const base = keys(corpusWith());
/** The slugs whose page key differs from the unchanged corpus's. */
const changed = (corpus: Corpus) => Object.entries(keys(corpus)).flatMap(([slug, key]) => (key === base[slug] ? [] : [slug]));

test('each seed page has its contents, notes, countries, related reports, same-topic links and figures', () => {
  const summary = slugs.map((slug) => {
    const p = loadReportPage(slug);
    return {
      slug: p.slug,
      here: p.here,
      toc: p.toc.length,
      previews: Object.keys(p.notePreviews).length,
      countries: p.countries.length,
      top: p.countries[0],
      related: p.related.map((r) => `${r.slug} ${r.score}`),
      sameTopic: Object.keys(p.sameTopic).length,
      charts: p.charts.length,
      headline: p.headline.length,
      series: p.series.map((s) => s.id),
    };
  });
  assert.deepEqual(summary, [
    {
      slug: 'a-74-36',
      here: 'reports/a-74-36.html',
      toc: 4,
      previews: 8,
      countries: 115,
      top: { code: 'TUN', name: '突尼斯', mentions: 15 },
      related: ['hrc-47-international-cooperation 15.75', 'sg-2023-human-rights 7', 'a-hrc-55-69 6'],
      sameTopic: 10,
      charts: 1,
      headline: 6,
      series: [
        'special-procedure-mandates',
        'torture-fund-grants',
        'torture-fund-countries',
        'slavery-fund-grants',
        'slavery-fund-countries',
        'field-presences',
      ],
    },
    {
      slug: 'a-hrc-55-69',
      here: 'reports/a-hrc-55-69.html',
      toc: 5,
      previews: 88,
      countries: 23,
      top: { code: 'PRK', name: '朝鲜民主主义人民共和国', mentions: 5 },
      related: ['a-74-36 6', 'hrc-47-international-cooperation 2.25', 'sg-2023-human-rights 0.25'],
      sameTopic: 4,
      charts: 9,
      headline: 6,
      series: ['special-procedure-mandates'],
    },
    {
      slug: 'hrc-47-international-cooperation',
      here: 'reports/hrc-47-international-cooperation.html',
      toc: 4,
      previews: 49,
      countries: 50,
      top: { code: 'UKR', name: '乌克兰', mentions: 7 },
      related: ['a-74-36 15.75', 'a-hrc-55-69 2.25', 'sg-2023-human-rights 1.5'],
      sameTopic: 5,
      charts: 0,
      headline: 1,
      series: ['torture-fund-grants', 'torture-fund-countries', 'slavery-fund-grants', 'slavery-fund-countries'],
    },
    {
      slug: 'sg-2023-human-rights',
      here: 'reports/sg-2023-human-rights.html',
      toc: 9,
      previews: 0,
      countries: 8,
      top: { code: 'UKR', name: '乌克兰', mentions: 3 },
      related: ['a-74-36 7', 'hrc-47-international-cooperation 1.5', 'a-hrc-55-69 0.25'],
      sameTopic: 4,
      charts: 2,
      headline: 6,
      series: ['torture-fund-countries', 'slavery-fund-countries', 'field-presences'],
    },
  ]);
});

test('same-topic links are keyed by heading id and lead to the other reports’ sections', () => {
  const page = loadReportPage('a-74-36');
  assert.deepEqual(
    page.sameTopic['h-2-e']?.shown.map((s) => `${s.section.slug}#${s.section.id} ${s.phrases.join('/')}`),
    ['sg-2023-human-rights#h-u9 问责'],
  );
  assert.deepEqual(
    page.sameTopic['h-2-a-4']?.shown.map((s) => `${s.section.slug}#${s.section.id}`),
    ['a-hrc-55-69#h-2-j', 'a-hrc-55-69#h-2-l', 'a-hrc-55-69#h-2-m', 'a-hrc-55-69#h-3', 'hrc-47-international-cooperation#h-3-b-3'],
  );
});

test('charts are the ones after seeds/figures.json: renamed titles, hidden charts gone', () => {
  assert.equal(loadReportPage('sg-2023-human-rights').charts.find((c) => c.id === 'chart-fig-1-1')?.title, '人权经费 3.99 亿美元的来源');
  const hidden = corpusWith((_, config) => (config.charts['a-hrc-55-69#chart-p-2-1'] = { hide: true }));
  const charts = reportPageData(hidden, 'a-hrc-55-69').charts.map((c) => c.id);
  // 9 charts after the look-alike rule (issue 15), one of them hidden here.
  assert.equal(charts.length, 8);
  assert.ok(!charts.includes('chart-p-2-1'));
});

test('no seed cites another seed’s symbol, so no page has citation targets or citing places; giving a report a cited symbol creates both', () => {
  for (const slug of slugs) assert.deepEqual([Object.keys(loadReportPage(slug).citationTargets), loadReportPage(slug).citedBy.length], [[], 0]);
  const cited = 'A/HRC/40/3';
  assert.ok(JSON.stringify(models.find((r) => r.slug === 'a-74-36')).includes(`"symbol":"${cited}"`), `a-74-36 cites ${cited}`);
  const corpus = corpusWith((reports) => (reports.get('hrc-47-international-cooperation')!.meta.symbol = cited));
  assert.deepEqual(reportPageData(corpus, 'a-74-36').citationTargets, { [cited]: 'hrc-47-international-cooperation' });
  assert.ok(reportPageData(corpus, 'hrc-47-international-cooperation').citedBy.some((c) => c.report.slug === 'a-74-36'));
});

test('every note reference and heading of the MDX body finds its data in the page object', () => {
  for (const slug of slugs) {
    const mdx = readFileSync(join(root, 'content', 'reports', `${slug}.mdx`), 'utf8');
    const page = loadReportPage(slug);
    const noteRefs = [...mdx.matchAll(/<NoteRef n="(\d+)"/g)].map((m) => m[1]!);
    for (const n of noteRefs) assert.ok(Object.hasOwn(page.notePreviews, n), `${slug}: note ${n} has a preview`);
    const headings = new Set([...mdx.matchAll(/<Heading id="([^"]+)"/g)].map((m) => m[1]!));
    for (const id of Object.keys(page.sameTopic)) assert.ok(headings.has(id), `${slug}: same-topic links hang under heading ${id}`);
    assert.equal(headings.size, page.model.blocks.filter((b) => b.type === 'heading').length);
  }
});

test('the page key: the same corpus gives the same keys, built in any order', () => {
  assert.deepEqual(keys(corpusWith()), base);
  const reversed = buildCorpus({ reports: models.map((m) => structuredClone(m)).reverse(), figuresConfig: loadFiguresConfig(FIGURES_CONFIG), histories });
  assert.deepEqual(keys(reversed), base);
  assert.equal(new Set(Object.values(base)).size, slugs.length);
});

test('renaming a heading another report links to changes that report’s key too (the build test’s change)', () => {
  const corpus = corpusWith((reports) => {
    const heading = reports.get('sg-2023-human-rights')!.blocks.find((b) => b.id === 'h-u9');
    assert.ok(heading?.type === 'heading' && heading.content[0]?.type === 'text');
    heading.content[0].value = '问责机制';
  });
  assert.deepEqual(changed(corpus), ['a-74-36', 'sg-2023-human-rights']);
});

test('rewording a paragraph no other page shows changes only its own report’s key', () => {
  const corpus = corpusWith((reports) => {
    const para = reports.get('sg-2023-human-rights')!.blocks.find((b) => b.id === 'b-7');
    assert.ok(para?.type === 'paragraph' && para.content[0]?.type === 'text');
    para.content[0].value += '（改写）';
  });
  assert.deepEqual(changed(corpus), ['sg-2023-human-rights']);
});

test('renaming a chart in the maintainer file changes its report’s key only', () => {
  assert.deepEqual(changed(corpusWith((_, config) => (config.charts['a-hrc-55-69#chart-p-2-1'] = { title: '任务' }))), ['a-hrc-55-69']);
});

test('retitling a report changes every page that lists it as related', () => {
  assert.deepEqual(changed(corpusWith((reports) => (reports.get('a-hrc-55-69')!.meta.title = '新的标题'))), slugs);
});

test('a report given a symbol another report cites changes the citing page’s key (its links now lead to the report)', () => {
  const corpus = corpusWith((reports) => (reports.get('hrc-47-international-cooperation')!.meta.symbol = 'A/HRC/40/3'));
  assert.ok(changed(corpus).includes('a-74-36'));
});

test('the history of a report is in its own key only', () => {
  const fake = { versions: [] } as unknown as History;
  const withHistory = buildCorpus({
    reports: models.map((m) => structuredClone(m)),
    figuresConfig: loadFiguresConfig(FIGURES_CONFIG),
    histories: new Map([...histories, ['a-74-36', fake]]),
  });
  assert.deepEqual(changed(withHistory), ['a-74-36']);
});

test('a page key holds every value of its data and refuses values JSON would drop silently, naming where they are', () => {
  assert.equal(stableJson({ b: 1, a: { d: [1, undefined], c: 'x' }, e: undefined }), '{"b":1,"a":{"d":[1,null],"c":"x"}}');
  assert.notEqual(keyOf({ a: { b: [1, 2] } }), keyOf({ a: { b: [1, 3] } }));
  assert.throws(() => stableJson({ a: [{ n: Infinity }] }), /\$\.a\[0\]\.n: Infinity has no JSON form/);
  assert.throws(() => stableJson({ a: { d: new Date(0), when: new (class Later {})() } }), /\$\.a\.when: a Later cannot be part of a page key/);
  assert.throws(() => stableJson({ m: new Map([['a', 1]]) }), /\$\.m: a Map cannot be part of a page key/);
  assert.throws(() => stableJson([new Set()]), /\$\[0\]: a Set/);
  assert.throws(() => stableJson({ f: () => 1 }), /\$\.f: a function/);
});

test('a model read from content/ is keyed by its file’s text, so a build never writes its JSON again for its page key', () => {
  const slug = 'a-74-36';
  const file = join(process.env.CONTENT_DIR!, 'data', `${slug}.json`);
  const digest = createHash('sha256').update(readFileSync(file)).digest('hex');
  assert.equal(stableJson({ model: loadReport(slug) }), `{"model":{"#sha256":"${digest}"}}`);
  // A copy (as the key tests above edit) is keyed by its content again.
  assert.equal(stableJson(structuredClone(loadReport(slug))), stableJson(JSON.parse(readFileSync(file, 'utf8'))));
  assert.equal(keyOf(withKey({ a: 1 }, 'x')), keyOf(withKey({ a: 2 }, 'x')));
  assert.notEqual(keyOf(withKey({ a: 1 }, 'x')), keyOf(withKey({ a: 1 }, 'y')));
});

test('report body components need the page’s data: outside a report page they say so', () => {
  assert.throws(() => reportPageOf({}), /render only inside src\/pages\/reports\/\[slug\]\.astro/);
  assert.equal(reportPageOf({ reportPage: loadReportPage('a-74-36') }).slug, 'a-74-36');
});

/** The source files a module imports (relative imports only), transitively. */
function importsOf(file: string, seen = new Set<string>()): Set<string> {
  for (const m of readFileSync(file, 'utf8').matchAll(/^import\s+(?:[^'"]*?\s+from\s+)?['"](\.{1,2}\/[^'"]+)['"]/gm)) {
    const target = resolve(dirname(file), m[1]!);
    if (seen.has(target) || !/\.(astro|ts)$/.test(target)) continue;
    seen.add(target);
    importsOf(target, seen);
  }
  return seen;
}

test('the report page’s components read no loader and no URL: only the page builds its data', () => {
  const page = join(root, 'src', 'pages', 'reports', '[slug].astro');
  const components = [...importsOf(page)].filter((f) => f.includes(`${join('src', 'components')}`));
  assert.ok(components.length >= 20, `found ${components.length} components`);
  const reached = new Set(components.flatMap((f) => [f, ...importsOf(f)]));
  const rel = (f: string) => relative(root, f);
  assert.deepEqual(
    [...reached].map(rel).filter((f) => f === join('src', 'lib', 'data.ts')),
    [],
    'no component imports the content loader',
  );
  assert.deepEqual(
    [...reached].filter((f) => f.endsWith('.astro') && readFileSync(f, 'utf8').includes('Astro.url')).map(rel),
    [],
    'no component reads Astro.url',
  );
  assert.ok(readdirSync(join(root, 'src', 'components', 'report')).length > 10);
});
