/**
 * What a reader is told about a report and how it is cited, on models built here (not by the
 * converter): every metadata field of the schema, every document kind, a report without a symbol.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { frontmatterSchema, type Frontmatter } from '../../scripts/model/schema.ts';
import { metaRows, kindLabel, languageName, zhDate } from '../../src/lib/reportmeta.ts';
import { bibEscape, bibtex, cslJson, reportPageUrl, unCitation } from '../../scripts/model/cite.ts';
import { kindCounts, sortCatalogue } from '../../src/lib/catalogue.ts';

/** A frontmatter as the converter would write it, validated by the schema the site reads with. */
const front = (extra: Partial<Frontmatter>): Frontmatter =>
  frontmatterSchema.parse({
    title: '关于和平集会权利的报告',
    agendaItems: [],
    agendaTitles: [],
    slug: 'x',
    source: 'x.txt',
    paragraphs: 3,
    notes: 0,
    headings: 0,
    figures: 0,
    ...extra,
  });

const full = front({
  kind: 'concluding-observations',
  symbol: 'E/C.12/2018/3',
  symbols: ['E/C.12/2018/3', 'E/2019/22'],
  body: '经济及社会理事会',
  treaty: '《经济、社会及文化权利国际公约》',
  session: '第六十三届会议',
  dates: '2018年3月12日至29日',
  agendaItems: ['2', '4'],
  agendaTitles: ['通过议程'],
  distribution: 'General',
  date: '2023-03-09',
  original: 'English',
  officialRecords: '正式记录，2019年 补编第2号',
  adoption: '[根据第三委员会的报告(A/78/481/Add.2)通过]',
  speaker: '高级专员',
  occasion: '人权日',
  place: '日内瓦',
  period: '2022 年全年',
  year: 2023,
});

test('the meta table shows every cover-page field the model states, symbols linked to their official record', () => {
  const rows = metaRows(full);
  assert.deepEqual(
    rows.map((r) => `${r.label}：${r.values.map((v) => v.text).join(' ')}`),
    [
      '文号：E/C.12/2018/3 E/2019/22',
      '文件类型：结论性意见',
      '机构：经济及社会理事会',
      '条约：《经济、社会及文化权利国际公约》',
      '届会：第六十三届会议',
      '会期：2018年3月12日至29日',
      '议程项目：2 通过议程；4',
      '分发日期：2023 年 3 月 9 日',
      '分发：普遍分发（General）',
      '原文：英文',
      '正式记录：正式记录，2019年 补编第2号',
      '通过：[根据第三委员会的报告(A/78/481/Add.2)通过]',
      '发言人：高级专员',
      '场合：人权日',
      '地点：日内瓦',
      '所涉期间：2022 年全年',
    ],
  );
  assert.deepEqual(
    rows[0]!.values.map((v) => v.href),
    ['https://undocs.org/zh/E/C.12/2018/3', 'https://undocs.org/zh/E/2019/22'],
  );
});

test('a report with only a title shows its kind and nothing invented', () => {
  assert.deepEqual(
    metaRows(front({})).map((r) => r.label),
    ['文件类型'],
  );
});

test('every document kind has a Chinese label', () => {
  assert.deepEqual((['report', 'concluding-observations', 'annual-report', 'resolution', 'decision', 'statement', 'views', 'other'] as const).map(kindLabel), [
    '报告',
    '结论性意见',
    '年度报告',
    '决议',
    '决定',
    '发言',
    '来文意见',
    '其他文件',
  ]);
});

test('a Views cover table shows each label and value as printed, after the statement fields', () => {
  const rows = metaRows(
    front({
      kind: 'views',
      fields: [
        { label: '提交人', value: 'E.F.(无律师代理)' },
        { label: '所涉缔约国', value: '北岸共和国' },
      ],
    }),
  );
  assert.deepEqual(
    rows.map((r) => `${r.label}：${r.values.map((v) => v.text).join(' ')}`),
    ['文件类型：来文意见', '提交人：E.F.(无律师代理)', '所涉缔约国：北岸共和国'],
  );
});

test('languages and dates are written in Chinese; unknown languages stay as printed', () => {
  assert.equal(languageName('English'), '英文');
  assert.equal(languageName('English/French'), '英文/法文');
  assert.equal(languageName('Esperanto'), 'Esperanto');
  assert.equal(zhDate('2024-02-05'), '2024 年 2 月 5 日');
});

test('the UN-style citation names the organ and session, title, symbol, date and paragraph', () => {
  const meta = front({ symbol: 'A/HRC/55/69', body: '人权理事会', session: '第五十五届会议', author: '秘书处的报告', date: '2024-01-10', year: 2024 });
  assert.equal(
    unCitation(meta, '第 12 段'),
    '联合国人权理事会第五十五届会议，《关于和平集会权利的报告》，秘书处的报告，A/HRC/55/69，2024 年 1 月 10 日，第 12 段。',
  );
  assert.equal(unCitation(meta), '联合国人权理事会第五十五届会议，《关于和平集会权利的报告》，秘书处的报告，A/HRC/55/69，2024 年 1 月 10 日。');
});

test('the citation names the Official Records supplement where the cover gives it, and so do its files', () => {
  const meta = front({ symbol: 'E/2024/22', body: '经济及社会理事会', officialRecords: '正式记录，2024年 补编第2号', year: 2024 });
  assert.equal(
    unCitation(meta, '第 3 段'),
    '联合国经济及社会理事会，《关于和平集会权利的报告》，E/2024/22，《正式记录，2024年，补编第2号》，2024 年，第 3 段。',
  );
  assert.equal(JSON.parse(cslJson(meta))[0]['collection-title'], '正式记录，2024年，补编第2号');
  assert.match(bibtex(meta), /\n {2}series = \{正式记录，2024年，补编第2号\},\n/);
  assert.doesNotMatch(unCitation(front({ symbol: 'A/1' })), /正式记录/);
});

test('a report without a symbol or date is still cited by organ, title and year', () => {
  const meta = front({ body: '秘书长', author: '关于和平集会权利的报告', year: 2023 });
  assert.equal(unCitation(meta, '第 3 段'), '联合国秘书长，《关于和平集会权利的报告》，2023 年，第 3 段。');
  assert.equal(unCitation(front({})), '联合国，《关于和平集会权利的报告》。');
});

test('CSL-JSON holds one report item with symbol, date and the official link', () => {
  const [item] = JSON.parse(cslJson(full));
  assert.equal(item.id, 'x');
  assert.equal(item.type, 'report');
  assert.equal(item.number, 'E/C.12/2018/3');
  assert.deepEqual(item.issued, { 'date-parts': [[2023, 3, 9]] });
  assert.equal(item.URL, 'https://undocs.org/zh/E/C.12/2018/3');
  assert.deepEqual(item.author, [{ literal: '联合国经济及社会理事会第六十三届会议' }]);
  const [bare] = JSON.parse(cslJson(front({}), 'https://example.org/reports/x.html'));
  assert.equal(bare.URL, 'https://example.org/reports/x.html');
  assert.equal(bare.number, undefined);
  assert.equal(bare.issued, undefined);
});

test('BibTeX is one @techreport with a corporate author and escaped specials', () => {
  const bib = bibtex(front({ title: '100% 的{权利}', symbol: 'A/74/36', year: 2019, body: '大会' }));
  assert.equal(
    bib,
    '@techreport{x,\n  author = {{联合国大会}},\n  title = {{100\\% 的\\textbraceleft{}权利\\textbraceright{}}},\n  institution = {联合国},\n  type = {报告},\n  number = {A/74/36},\n  year = {2019},\n  url = {https://undocs.org/zh/A/74/36},\n  language = {chinese}\n}\n',
  );
  assert.equal(bibEscape('a_b#c&d$e~f^g\\'), 'a\\_b\\#c\\&d\\$e\\~{}f\\^{}g\\textbackslash{}');
});

test('the catalogue orders reports of every kind by date within a year and counts them by kind', () => {
  const entries = [
    { title: '决议甲', kind: 'resolution' as const, year: 2023, date: '2023-12-19' },
    { title: '报告乙', kind: 'report' as const, year: 2023 },
    { title: '发言丙', kind: 'statement' as const, year: 2023, date: '2023-03-01' },
    { title: '意见丁', kind: 'concluding-observations' as const, year: 2024, date: '2024-01-05' },
    { title: '无年份', kind: 'other' as const },
  ];
  assert.deepEqual(
    sortCatalogue(entries).map((e) => e.title),
    ['意见丁', '决议甲', '发言丙', '报告乙', '无年份'],
  );
  assert.deepEqual(
    kindCounts(entries).map((k) => `${k.label} ${k.count}`),
    ['报告 1', '结论性意见 1', '决议 1', '发言 1', '其他文件 1'],
  );
});

test('a report page is cited by its absolute address only when the site is known', () => {
  assert.equal(reportPageUrl(new URL('https://example.org'), '/un/', 'a-74-36'), 'https://example.org/un/reports/a-74-36.html');
  assert.equal(reportPageUrl(new URL('https://example.org/'), '/', 'a-74-36'), 'https://example.org/reports/a-74-36.html');
  assert.equal(reportPageUrl(undefined, '/', 'a-74-36'), undefined);
});
