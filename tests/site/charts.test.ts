/** Chart geometry as pure functions of data (rounded numbers), Chinese number formatting, CSV files. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { barChart, textWidth, wrapLabel } from '../../src/charts/bars.ts';
import { formatZh } from '../../src/charts/format.ts';
import { csvField, excerpt } from '../../scripts/model/figure-files.ts';

const r = (n: number) => Math.round(n);

test('numbers are written the Chinese way: 万 and 亿, with the unit', () => {
  assert.deepEqual(
    [
      formatZh(608000000),
      formatZh(897000, '次'),
      formatZh(47000, '名'),
      formatZh(1128, '人'),
      formatZh(399000000, '美元'),
      formatZh(2000000, '美元'),
      formatZh(43.15, '%'),
      formatZh(0.7, '%'),
    ],
    ['6.08亿', '89.7万 次', '4.7万 名', '1,128 人', '3.99亿美元', '200万美元', '43.15%', '0.7%'],
  );
});

test('bars: total first in the neutral colour, lengths proportional to values, value text after each bar', () => {
  const g = barChart(
    [
      { label: '任务总数', value: 60, total: true },
      { label: '专题任务', value: 46 },
      { label: '国别任务', value: 14 },
    ],
    { unit: '项' },
  );
  assert.deepEqual([g.width, r(g.height), g.fontSize], [340, 132, 14]);
  assert.deepEqual(
    g.rows.map((row) => [row.colour, r(row.bar.y), r(row.bar.width), row.value.text, r(row.value.x)]),
    [
      [-1, 21, 295, '60 项', 299],
      [0, 68, 226, '46 项', 230],
      [1, 115, 69, '14 项', 73],
    ],
  );
  assert.deepEqual(
    g.rows.map((row) => r(row.label.y)),
    [14, 61, 108],
  );
});

test('bars: every label sits above its own bar and below the previous row', () => {
  const g = barChart(
    ['非洲国家', '亚洲—太平洋国家', '东欧国家', '拉丁美洲和加勒比国家', '西欧和其他国家'].map((label, i) => ({
      label,
      value: [24.69, 19.75, 9.88, 19.75, 25.93][i]!,
    })),
    { unit: '%' },
  );
  let previousBottom = 0;
  for (const row of g.rows) {
    const labelTop = row.label.y - g.fontSize;
    const labelBottom = row.label.y + (row.label.lines.length - 1) * row.label.lineHeight + 0.3 * g.fontSize;
    assert.ok(labelTop >= previousBottom, 'label below the previous bar');
    assert.ok(labelBottom <= row.bar.y, 'label above its bar');
    assert.ok(row.value.x + textWidth(row.value.text) * g.fontSize <= g.width + 0.5, 'value text inside the chart');
    previousBottom = row.bar.y + row.bar.height;
  }
  assert.equal(r(g.rows[4]!.bar.width), r(g.width - (textWidth('25.93%') * 14 + 6)));
});

test('long labels wrap onto more lines, never splitting a run of digits', () => {
  assert.deepEqual(wrapLabel('提交人权理事会的报告提交人权理事会的报告', 12), ['提交人权理事会的报告提交', '人权理事会的报告']);
  assert.deepEqual(wrapLabel('2021 年 · A/HRC/55/69 的报告', 10), ['2021 年 ·', 'A/HRC/55/69 的报', '告']);
  const g = barChart([{ label: '提交人权理事会的报告提交人权理事会的报告提交人权理事会的报告', value: 126 }]);
  assert.equal(g.rows[0]!.label.lines.length, 2);
  assert.equal(r(g.rows[0]!.bar.y), 39);
});

test('CSV fields are quoted as RFC 4180 says', () => {
  assert.deepEqual(
    [csvField('函件'), csvField('a,b'), csvField('他说"是"'), csvField('一\n二'), csvField(1128), csvField(true)],
    ['函件', '"a,b"', '"他说""是"""', '"一\n二"', '1128', 'true'],
  );
});

test('a CSV row quotes its sentence, cut to 40 characters each side of a number in a long one', () => {
  assert.equal(excerpt('函件涉及 1,128 人。', '1,128'), '函件涉及 1,128 人。');
  const long = `${'甲'.repeat(100)}共 47 人${'乙'.repeat(100)}`;
  assert.equal(excerpt(long, '47'), `…${'甲'.repeat(38)}共 47 人${'乙'.repeat(38)}…`);
});

test('the maintainer file renames and hides charts, and a key naming no chart stops the build', async () => {
  const { applyChartConfig } = await import('../../scripts/model/figures-config.ts');
  const { loadReport } = await import('../../src/lib/data.ts');
  const { parseFiguresConfig } = await import('../../scripts/model/figures-config.ts');
  const report = loadReport('a-hrc-55-69');
  const config = parseFiguresConfig(
    JSON.stringify({ charts: { 'a-hrc-55-69#chart-p-2-1': { title: '特别程序任务' }, 'a-hrc-55-69#chart-p-3-1': { hide: true } } }),
  );
  const charts = applyChartConfig([report], config).get('a-hrc-55-69')!;
  assert.equal(charts.length, 8);
  assert.equal(charts[0]!.title, '特别程序任务');
  assert.ok(!charts.some((c) => c.id === 'chart-p-3-1'));
  const typo = parseFiguresConfig(JSON.stringify({ charts: { 'a-hrc-55-69#chart-p-99-1': { hide: true } } }));
  assert.throws(() => applyChartConfig([report], typo, 'seeds/figures.json'), /seeds\/figures\.json: charts\.a-hrc-55-69#chart-p-99-1: no such chart/); // A removed seed's entries are ignored: the other reports still build.
  const removed = parseFiguresConfig(JSON.stringify({ charts: { 'a-removed-report#chart-p-2-1': { hide: true } } }));
  assert.equal(applyChartConfig([report], removed).get('a-hrc-55-69')!.length, 9);
});

test('shares adding up to 100 % are one stacked bar: segments end to end over the full width, a legend row per part below it', async () => {
  const { stackedBar, isWhole } = await import('../../src/charts/stacked.ts');
  assert.equal(isWhole([59, 41]), true);
  assert.equal(isWhole([24.69, 19.75, 9.88, 19.75, 25.93]), true);
  assert.equal(isWhole([59, 30]), false);
  assert.equal(isWhole([100]), false);
  const g = stackedBar(
    [
      { label: '女性', value: 59 },
      { label: '男性', value: 41 },
    ],
    { unit: '%' },
  );
  assert.deepEqual(
    g.segments.map((s) => [s.x, s.width, s.colour]),
    [
      [0, 200.6, 0],
      [200.6, 139.4, 1],
    ],
  );
  assert.deepEqual(
    g.legend.map((l) => [l.label.lines.join(''), l.value.text]),
    [
      ['女性', '59%'],
      ['男性', '41%'],
    ],
  );
  const barBottom = g.segments[0]!.y + g.segments[0]!.height;
  let previous = barBottom;
  for (const row of g.legend) {
    assert.ok(row.label.y - g.fontSize >= previous, 'legend row below the bar and the previous row');
    assert.ok(row.swatch.x + row.swatch.size < row.label.x, 'swatch left of its label');
    assert.ok(row.label.x + Math.max(...row.label.lines.map(textWidth)) * g.fontSize <= row.value.x, 'label clear of its value');
    assert.ok(row.value.x + textWidth(row.value.text) * g.fontSize <= g.width + 0.01, 'value inside the chart');
    previous = row.label.y + (row.label.lines.length - 1) * row.label.lineHeight + 0.3 * g.fontSize;
  }
  assert.ok(g.height >= previous);
});

test('a series of more than two years is a dot plot: x by year (gaps show), y from zero, dots joined in year order', async () => {
  const { dotPlot } = await import('../../src/charts/dots.ts');
  const g = dotPlot(
    [
      { year: 2023, value: 60 },
      { year: 2019, value: 56 },
      { year: 2020, value: 30 },
    ],
    { unit: '项' },
  );
  assert.deepEqual(
    g.dots.map((d) => d.year.text),
    ['2019', '2020', '2023'],
  );
  const [a, b, c] = g.dots.map((d) => d.cx);
  assert.ok(Math.abs((b! - a!) * 3 - (c! - b!)) < 0.05, 'one year apart is a third of three years apart');
  assert.ok(g.dots[1]!.cy > g.dots[0]!.cy && g.dots[0]!.cy > g.dots[2]!.cy, 'higher values higher up');
  assert.ok(
    g.dots.every((d) => d.cy <= g.axis.y && d.value.y < d.cy && d.year.y > g.axis.y),
    'values above the dots, years below the axis',
  );
  const half = (t: string) => (textWidth(t) * g.fontSize) / 2;
  assert.ok(
    g.dots.every((d) => d.value.x - half(d.value.text) >= 0 && d.value.x + half(d.value.text) <= g.width),
    'labels inside the chart',
  );
  assert.equal(g.path, `M${g.dots.map((d) => `${d.cx},${d.cy}`).join('L')}`);
});
