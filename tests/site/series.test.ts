/** Cross-report series, the maintainer file, and the provenance check after a seed change. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { convertAll, type RunOptions } from '../../scripts/converter/run.ts';
import { reportSchema, type Report } from '../../scripts/model/schema.ts';
import { parseFiguresConfig } from '../../scripts/model/figures-config.ts';
import { buildSeries, checkProvenance, reportYear, type Series } from '../../src/lib/series.ts';
import { root, seed, seedFiles, seedsDir } from '../helpers.ts';

const reports = ['001', '002', '003', '004'].map((p) => seed(p).report);
const config = parseFiguresConfig(fs.readFileSync(join(seedsDir, 'figures.json'), 'utf8'));
const points = (s: Series | undefined) => s?.points.map((p) => `${p.year} ${p.report}#${p.block}=${p.value}`);
const chartsOf = (rs: Report[]) => rs.flatMap((r) => (r.figures?.charts ?? []).map((chart) => ({ report: r.slug, chart })));

describe('cross-report series', () => {
  const series = buildSeries(reports, config);
  const byId = (id: string) => series.find((s) => s.id === id);

  test('with a seed removed, its pinned points drop out and the rest still builds and checks clean', () => {
    const without = reports.filter((r) => r.slug !== 'a-hrc-55-69');
    const rest = buildSeries(without, config);
    assert.equal(
      rest.find((s) => s.id === 'special-procedure-mandates'),
      undefined,
    ); // one report left: no series
    assert.ok(rest.every((s) => s.points.every((p) => p.report !== 'a-hrc-55-69')));
    assert.deepEqual(checkProvenance(without, chartsOf(without), rest), []);
  });

  test('special-procedure mandates: 56 in 2019 (A/74/36 ¶11), 60 in 2023 (A/HRC/55/69 ¶2, pinned by the maintainer)', () => {
    assert.deepEqual(points(byId('special-procedure-mandates')), ['2019 a-74-36#p-11=56', '2023 a-hrc-55-69#p-2=60']);
    assert.equal(byId('special-procedure-mandates')?.confirmed, true);
  });
  test('field presences: 77 human-rights field offices in 2019, 103 locations in 2023 (the infographic map caption)', () => {
    assert.deepEqual(points(byId('field-presences')), ['2019 a-74-36#p-2=77', '2023 sg-2023-human-rights#cap-1=103']);
  });
  test('torture-victims fund: 160 then 180 grants; 80, 79 then 92 countries', () => {
    assert.deepEqual(points(byId('torture-fund-grants')), ['2019 a-74-36#p-14=160', '2021 hrc-47-international-cooperation#p-57=180']);
    assert.deepEqual(points(byId('torture-fund-countries')), [
      '2019 a-74-36#p-14=80',
      '2021 hrc-47-international-cooperation#p-57=79',
      '2023 sg-2023-human-rights#fig-2=92',
    ]);
  });
  test('contemporary-slavery fund: 25, 28 then 33 countries; 29 then 31 grants', () => {
    assert.deepEqual(points(byId('slavery-fund-countries')), [
      '2019 a-74-36#p-14=25',
      '2021 hrc-47-international-cooperation#p-57=28',
      '2023 sg-2023-human-rights#fig-3=33',
    ]);
    assert.deepEqual(points(byId('slavery-fund-grants')), ['2019 a-74-36#p-14=29', '2021 hrc-47-international-cooperation#p-57=31']);
  });
  test('a series the maintainer hid is not published, and one-report measures are not series', () => {
    assert.deepEqual(
      series.map((s) => s.id),
      ['special-procedure-mandates', 'torture-fund-grants', 'torture-fund-countries', 'slavery-fund-grants', 'slavery-fund-countries', 'field-presences'],
    );
    const unhidden = buildSeries(reports, parseFiguresConfig('{}'));
    assert.deepEqual(points(unhidden.find((s) => s.id === 'special-procedure-visits')), ['2023 a-hrc-55-69#p-6=82', '2023 sg-2023-human-rights#b-8=55']);
    assert.equal(
      unhidden.find((s) => s.id === 'treaty-bodies'),
      undefined,
      'no built-in rule: 10 treaty bodies (A/74/36) only',
    );
  });
  test('every match explains itself', () => {
    assert.match(byId('torture-fund-grants')!.explanation, /赠款.*笔.*酷刑/);
  });
  test('rename, merge and a maintainer-defined rule', () => {
    const custom = parseFiguresConfig(
      JSON.stringify({
        series: {
          'treaty-bodies': { title: '条约机构数', unit: '个', match: { noun: '条约机构', units: ['个'] } },
          'torture-fund-grants': { title: '酷刑基金赠款' },
          'torture-fund-countries': { mergeInto: 'torture-fund-grants' },
        },
      }),
    );
    const s = buildSeries(reports, custom);
    assert.equal(s.find((x) => x.id === 'torture-fund-grants')?.title, '酷刑基金赠款');
    assert.equal(
      s.find((x) => x.id === 'torture-fund-countries'),
      undefined,
    );
    assert.deepEqual(points(s.find((x) => x.id === 'torture-fund-grants')), [
      '2019 a-74-36#p-14=160',
      '2021 hrc-47-international-cooperation#p-57=180',
      '2023 sg-2023-human-rights#fig-2=92',
    ]);
  });
  test('x values: the end of the period covered, else the report year', () => {
    assert.deepEqual(reports.map(reportYear), [2019, 2021, 2023, 2023]);
  });
});

describe('the maintainer file is validated', () => {
  test('errors name the file and the key', () => {
    assert.throws(() => parseFiguresConfig('{"series":{"x":{"titel":"a"}}}', 'seeds/figures.json'), /seeds\/figures\.json: series\.x: Unrecognized key/);
    assert.throws(() => parseFiguresConfig('{"charts":{"a-74-36":{"hide":true}}}'), /charts\.a-74-36: chart keys are/);
    assert.throws(() => parseFiguresConfig('{"series":{"x":{"mergeInto":"nope"}}}'), /series\.x\.mergeInto: no series "nope"/);
    assert.throws(() => parseFiguresConfig('{"series":{"x":{"match":{"noun":"("}}}}'), /series\.x\.match\.noun/);
    assert.throws(() => parseFiguresConfig('{'), /seeds\/figures\.json: not valid JSON/);
  });
});

describe('provenance: nothing stale is published silently', () => {
  test('the committed seeds and maintainer file pass', () => {
    assert.deepEqual(checkProvenance(reports, chartsOf(reports), buildSeries(reports, config)), []);
  });

  test('after a seed edit changes 56 to 57, the pinned series names itself and the paragraph', () => {
    const seeds = fs.mkdtempSync(join(tmpdir(), 'seeds-'));
    const out = fs.mkdtempSync(join(tmpdir(), 'content-'));
    for (const f of [...seedFiles, 'manifest.json', 'figures.json']) fs.copyFileSync(join(seedsDir, f), join(seeds, f));
    const first = seedFiles.find((f) => f.startsWith('001'))!;
    const text = fs.readFileSync(join(seeds, first), 'utf8');
    assert.ok(text.includes('56 个国别和专题特别程序任务'));
    fs.writeFileSync(join(seeds, first), text.replace('56 个国别和专题特别程序任务', '57 个国别和专题特别程序任务'));
    const result = convertAll({ seedsDir: seeds, outDir: out, fs: { ...fs, join } as unknown as RunOptions['fs'], log: () => {} });
    assert.equal(result.errors.length, 0);
    const changed = fs.readdirSync(join(out, 'data')).map((f) => reportSchema.parse(JSON.parse(fs.readFileSync(join(out, 'data', f), 'utf8'))));
    const maintained = parseFiguresConfig(fs.readFileSync(join(seeds, 'figures.json'), 'utf8'));
    const problems = checkProvenance(changed, chartsOf(changed), buildSeries(changed, maintained));
    assert.deepEqual(
      problems.map((p) => p.message),
      ['series special-procedure-mandates 「特别程序任务数」: the number 56 (56) no longer appears in a-74-36#p-11'],
    );
  });

  test('a chart whose paragraph changed after extraction names the chart and the paragraph', () => {
    const r = structuredClone(reports[3]!);
    const p2 = r.blocks.find((b) => b.id === 'p-2')!;
    assert.ok(p2.type === 'paragraph');
    p2.content = p2.content.map((c) => (c.type === 'text' ? { ...c, value: c.value.replace('46 项为专题任务', '47 项为专题任务') } : c));
    const problems = checkProvenance([r], chartsOf([r]), []);
    assert.deepEqual(
      problems.map((p) => p.message),
      ['chart a-hrc-55-69#chart-p-2-1 「目前的任务总数为 60 项」: the number 46 (46) no longer appears in a-hrc-55-69#p-2'],
    );
  });

  test('a chart citing a paragraph that no longer exists is reported', () => {
    const r = structuredClone(reports[3]!);
    r.blocks = r.blocks.filter((b) => b.id !== 'p-3');
    assert.deepEqual(
      checkProvenance(
        [r],
        chartsOf([r]).filter((c) => c.chart.id === 'chart-p-3-1'),
        [],
      ).map((p) => p.message),
      [
        'chart a-hrc-55-69#chart-p-3-1 「现任任务负责人」: cites a-hrc-55-69#p-3, which does not exist',
        'chart a-hrc-55-69#chart-p-3-1 「现任任务负责人」: cites a-hrc-55-69#p-3, which does not exist',
      ],
    );
  });
  void root;
});
