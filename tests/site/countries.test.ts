/** The country index and citation targets the pages use, on the committed report models. */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { built, contentDir } from '../pinned.ts';
import { reportSchema } from '../../scripts/model/schema.ts';
import { byCountThenName, countriesOf, countryMentions, groupByReport, reportMentions, sentenceParts, spellingCounts } from '../../src/lib/countries.ts';
import { citationTarget } from '../../src/lib/corpus.ts';
import { loadCorpus } from '../../src/lib/data.ts';

const dir = join(built(contentDir), 'data');
const reports = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => reportSchema.parse(JSON.parse(readFileSync(join(dir, f), 'utf8'))));
const bySlug = (slug: string) => reports.find((r) => r.slug === slug)!;

test('Kosovo is named in paragraph 67 and note 5 of A/74/36, each with its sentence', () => {
  const kosovo = reportMentions(bySlug('a-74-36')).filter((m) => m.code === 'XKK');
  assert.deepEqual(
    kosovo.map((m) => [m.anchor, m.place]),
    [
      ['p-67', '第 67 段'],
      ['fn-5', '注 5'],
    ],
  );
  assert.deepEqual([kosovo[1]!.before, kosovo[1]!.text, kosovo[1]!.after], ['提及', '科索沃', '时，应结合安全理事会第 1244(1999)号决议加以理解。']);
});

test('the index counts 523 mentions of 128 countries, Tunisia first with 20 in 2 reports', () => {
  const all = countryMentions(reports);
  assert.equal(all.length, 128);
  assert.equal(
    all.reduce((n, c) => n + c.mentions.length, 0),
    523,
  );
  const sorted = all.map((c) => ({ ...c, name: c.code })).sort(byCountThenName);
  assert.deepEqual([sorted[0]!.code, sorted[0]!.mentions.length, sorted[0]!.reports], ['TUN', 20, 2]);
  const ukraine = all.find((c) => c.code === 'UKR')!;
  assert.deepEqual(
    groupByReport(ukraine.mentions).map((g) => [g.report.slug, g.mentions.length]),
    [
      ['a-74-36', 7],
      ['hrc-47-international-cooperation', 7],
      ['sg-2023-human-rights', 3], // one in a photo credit (乌克兰乌日霍罗德)
    ],
  );
});

test('ties in the index are ordered by pinyin', () => {
  const rows = [
    { name: '智利', mentions: [1] },
    { name: '阿富汗', mentions: [1] },
    { name: '巴西', mentions: [1, 2] },
  ];
  assert.deepEqual(
    rows.sort(byCountThenName).map((r) => r.name),
    ['巴西', '阿富汗', '智利'],
  );
});

test('countriesOf gives the sorted codes a report names, for relating reports', () => {
  const codes = countriesOf(bySlug('a-hrc-55-69'));
  assert.equal(codes.length, 23);
  assert.deepEqual(codes.slice(0, 4), ['AFG', 'BDI', 'BGD', 'BLR']);
  assert.ok(codes.includes('PRK'));
});

test('a long sentence is cut around the name', () => {
  const text = `${'甲'.repeat(200)}乌克兰${'乙'.repeat(200)}。`;
  const parts = sentenceParts(text, 200, 203);
  assert.equal(parts.text, '乌克兰');
  assert.equal(parts.before, `…${'甲'.repeat(90)}`);
  assert.equal(parts.after, `${'乙'.repeat(90)}…`);
});

test('a citation of a corpus report leads to the report and its paragraph; others to the document page', () => {
  const corpus = loadCorpus().symbols;
  assert.deepEqual(
    [...corpus],
    [
      ['A/74/36', 'a-74-36'],
      ['A/HRC/55/69', 'a-hrc-55-69'],
    ],
  );
  assert.equal(citationTarget('A/74/36', undefined, corpus), 'reports/a-74-36.html');
  assert.equal(citationTarget('A/74/36', 'p-12', corpus), 'reports/a-74-36.html#p-12');
  assert.equal(citationTarget('A/HRC/46/24', undefined, corpus), 'docs/a-hrc-46-24.html');
  assert.equal(citationTarget('A/HRC/46/24', 'p-7', corpus), undefined);
});

test("a country's spellings are counted over all its mentions, in order of first use (every page of a split country page shows them and is keyed by them)", () => {
  const mentions = [{ text: '墨西哥' }, { text: '墨西哥合众国' }, { text: '墨西哥' }];
  assert.deepEqual(spellingCounts(mentions), [
    ['墨西哥', 2],
    ['墨西哥合众国', 1],
  ]);
  assert.notDeepEqual(spellingCounts(mentions), spellingCounts([{ text: '墨西哥' }, { text: '墨西哥' }, { text: '墨西哥' }]));
});
