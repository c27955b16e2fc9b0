/** Figure extraction on the four real seeds: exact values, units, counted nouns, and the chart data. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findMentions } from '../../scripts/converter/figures/mentions.ts';
import type { Chart, FigureValue, Report } from '../../scripts/model/schema.ts';
import { seed } from '../helpers.ts';

const r001 = seed('001').report;
const r002 = seed('002').report;
const r003 = seed('003').report;
const r004 = seed('004').report;

const values = (r: Report, block: string) => r.figures!.values.filter((v) => v.block === block);
const brief = (v: FigureValue) => `${v.printed}|${v.value}|${v.unit}|${v.noun}${v.approx ? '|约' : ''}`;
const chart = (r: Report, id: string): Chart => {
  const found = r.figures!.charts.find((c) => c.id === id);
  if (!found) throw new Error(`no chart ${id} in ${r.slug}`);
  return found;
};
const bars = (c: Chart) => c.items.map((i) => `${i.label}=${i.value}`);

describe('number forms in the issue', () => {
  test('`1,128` (comma thousands) is 1128 persons', () => {
    assert.equal(brief(values(r004, 'p-8').find((v) => v.printed === '1,128')!), '1,128|1128|人|函件涉及');
  });
  test('`47 000` (space thousands) is 47 000 victims of torture, in key figure 2', () => {
    assert.deepEqual(values(r003, 'fig-2').map(brief), ['47 000|47000|名|酷刑受害者', '92|92|个|国家']);
  });
  test('`6.08 亿` and `89.7 万`: 608 million users (estimated, so approximate) and 897 000 interactions', () => {
    assert.deepEqual(values(r001, 'p-3').map(brief), ['75|75|个|国家|约', '6.08 亿|608000000||社交媒体用户|约', '89.7 万|897000|次|互动']);
  });
  test('`3.99亿美元` and `200万美元`: the budget and its sources in US dollars', () => {
    assert.deepEqual(values(r003, 'fig-1').map(brief), [
      '3.99亿|399000000|美元|',
      '1.58亿|158000000|美元|经常摊款',
      '200万|2000000|美元|维持和平摊款',
      '2.39亿|239000000|美元|自愿捐款',
    ]);
  });
  test('`43.15%` and `24.69%` are percentages with what they are a share of', () => {
    assert.equal(brief(values(r004, 'p-8').find((v) => v.unit === '%')!), '43.15|43.15|%|答复率');
    assert.equal(brief(values(r004, 'p-4')[0]!), '24.69|24.69|%|非洲国家');
  });
  test('`700 多名`, `250 多次` and `十几个` are approximate', () => {
    assert.equal(brief(values(r003, 'b-13')[0]!), '700|700|名|与会者|约');
    assert.equal(brief(values(r004, 'p-28')[0]!), '250|250|次|论坛|约');
    assert.equal(brief(values(r003, 'b-12')[0]!), '十几|10|个|国家|约');
    assert.equal(brief(values(r003, 'b-12')[1]!), '七|7|个|区域办事处');
  });
  test('years, dates, durations, ordinals, resolution and document numbers are not figures', () => {
    assert.deepEqual(values(r001, 'p-1'), [], '2018 年 12 月 1 日至 2019 年 6 月 30 日, 第 48/141 号决议, 2018 至 2021 年');
    assert.deepEqual(
      values(r004, 'p-2').map((v) => v.value),
      [60, 46, 14],
      '第五十四届会议, 第 54/9 号决议 are not counted',
    );
    assert.deepEqual(
      values(r002, 'p-33').map((v) => v.value),
      [],
      '目标 5、8 和 16',
    );
    assert.deepEqual(values(r001, 'p-16'), [], '目标 10、13 和 16; 2019 年');
    assert.deepEqual(
      findMentions('COVID-19 大流行；SDG16+；第 26 届会议；A/HRC/40/38/Add.1；第 1244(1999) 号决议；指标 10.3.1/16.b.1；75 周年；48 小时后').map(
        (m) => m.printed,
      ),
      [],
    );
  });
  test("the infographic's map caption `联合国在世界各地 103 个地点维护人权` is kept as text cap-1; the b- anchors do not move", () => {
    const cap = r003.blocks.find((b) => b.id === 'cap-1');
    assert.ok(cap && cap.type === 'paragraph' && cap.n === undefined);
    assert.deepEqual(values(r003, 'cap-1').map(brief), ['103|103|个|地点']);
    assert.deepEqual(values(r003, 'b-8').map(brief), ['55|55|次|国家访问']);
  });
  test('every value is printed in its own passage, and every passage anchor exists', () => {
    for (const r of [r001, r002, r003, r004]) {
      const anchors = new Set(r.blocks.flatMap((b) => (b.type === 'list' ? b.items.map((i) => i.id) : [b.id])));
      for (const v of r.figures!.values) {
        assert.ok(anchors.has(v.block), `${r.slug} ${v.id}`);
        assert.ok(r.figures!.sentences[v.sentence]!.includes(v.printed), `${r.slug} ${v.id}: ${v.printed} in sentence ${v.sentence}`);
      }
    }
  });
  test('value counts per report', () => {
    assert.deepEqual(
      [r001, r002, r003, r004].map((r) => r.figures!.values.length),
      [37, 34, 27, 94],
    );
  });
});

describe('chart data found in the text', () => {
  test('a total with its parts: 60 mandates = 46 thematic + 14 country', () => {
    const c = chart(r004, 'chart-p-2-1');
    assert.equal(c.kind, 'parts');
    assert.equal(c.sum, 'exact');
    assert.equal(c.total?.value, 60);
    assert.deepEqual(bars(c), ['专题任务=46', '国别任务=14']);
  });
  test('a total with one stated part, alone in its paragraph: 1,143 cases, 903 transmitted urgently', () => {
    const urgent = chart(r004, 'chart-p-10-1');
    assert.deepEqual([urgent.total?.value, urgent.sum, ...bars(urgent)], [1143, 'partial', '按照紧急行动程序转交=903']);
  });
  test('look-alike two-bar charts of one paragraph are dropped: paragraph 8 (723/621, 1,128/298, 433/399, 341/312) has none', () => {
    assert.deepEqual(
      r004.figures!.charts.filter((c) => c.block === 'p-8'),
      [],
    );
    assert.ok(
      values(r004, 'p-8').some((v) => v.printed === '723'),
      'the numbers stay in values',
    );
  });
  test('shares of one whole: 59% women, 41% men; five regional shares summing to 100%', () => {
    assert.deepEqual(bars(chart(r004, 'chart-p-3-1')), ['女性=59', '男性=41']);
    const regions = chart(r004, 'chart-p-4-1');
    assert.equal(regions.kind, 'shares');
    assert.deepEqual(bars(regions), ['非洲国家=24.69', '亚洲—太平洋国家=19.75', '东欧国家=9.88', '拉丁美洲和加勒比国家=19.75', '西欧和其他国家=25.93']);
  });
  test('an enumeration with counts, matched to its stated total of 37 cases', () => {
    const c = chart(r004, 'chart-p-10-2');
    assert.equal(c.kind, 'counts');
    assert.equal(c.total?.value, 37);
    assert.deepEqual(bars(c), ['阿富汗=3', '利比亚=5', '缅甸=1', '阿拉伯叙利亚共和国东北部=9', '也门=19']);
  });
  test('a budget and its sources: 3.99亿美元 = 1.58亿 assessed + 200万 peacekeeping + 2.39亿 voluntary', () => {
    const c = chart(r003, 'chart-fig-1-1');
    assert.deepEqual(
      [c.total?.value, c.unit, c.sum, ...bars(c)],
      [399000000, '美元', 'exact', '经常摊款=158000000', '维持和平摊款=2000000', '自愿捐款=239000000'],
    );
  });
  test('parts found by their sum: 174 reports = 126 to the Council + 48 to the Assembly (56 visit reports are a sub-part)', () => {
    assert.deepEqual(bars(chart(r004, 'chart-p-14-1')), ['提交人权理事会的报告=126', '提交大会的报告=48']);
    assert.deepEqual(bars(chart(r004, 'chart-p-13-1')), ['新闻稿=345', '媒体通报=81', '媒体声明=51']);
  });
  test('parts printed before their total: 6 + 9 + 1 = 16 project proposals', () => {
    const c = chart(r001, 'chart-p-14-1');
    assert.deepEqual([c.total?.value, ...bars(c)], [16, '国家预防机制=6', '民间社会组织=9', '国家当局=1']);
  });
  test('a sentence splitting the previous total: of 21 countries never visited, 4 + 16 + 1', () => {
    assert.deepEqual(bars(chart(r004, 'chart-p-7-1')), ['尚未收到访问请求=4', '尚未接受访问请求=16', '接受了访问请求=1']);
  });
  test("the third seed's infographic: 10 treaty actions = 7 ratifications + 3 accessions; its key figures head the strip", () => {
    assert.deepEqual(bars(chart(r003, 'chart-fig-6-1')), ['批准=7', '加入=3']);
    assert.deepEqual(r003.figures!.headline, ['fig-1-v1', 'fig-2-v1', 'fig-3-v1', 'fig-4-v1', 'fig-5-v1', 'fig-6-v1']);
  });
  test('chart ids per report, and the second seed has no chart-shaped sentence', () => {
    assert.deepEqual(
      r001.figures!.charts.map((c) => c.id),
      ['chart-p-14-1'],
    );
    assert.deepEqual(r002.figures!.charts, []);
    assert.equal(r004.figures!.charts.length, 9);
  });
  const strip = (r: Report) => r.figures!.headline.map((id) => r.figures!.values.find((v) => v.id === id)!).map((v) => `${v.printed}${v.unit}${v.noun}`);
  test('key-figure strips pick salient numbers (totals, introduction, what the headings name), one per paragraph, in reading order', () => {
    assert.deepEqual(strip(r001), ['77个人权外地办事处', '89.7 万次互动', '10个条约机构', '56个国别和专题特别程序任务', '16份项目提案', '35名土著青年']);
    assert.deepEqual(strip(r004), ['60项任务总数', '83个任务负责人职位', '82次实地访问', '723份函件', '1,143起强迫失踪案件', '477件媒体产品']);
  });
  test('incidental counts stay out of the strip: 12 个案例, 36 个国际组织, 702 个非正规住区 in the 2021 report', () => {
    assert.deepEqual(strip(r002), ['520名受训人员总数']);
  });
});

test('each value carries where its number is printed in its sentence, so the site reads clauses without scanning the text again', () => {
  for (const r of [r001, r002, r003, r004]) {
    const { values, sentences } = r.figures!;
    assert.ok(values.length > 0, r.slug);
    for (const v of values) assert.equal(sentences[v.sentence]!.slice(v.at, v.at + v.printed.length), v.printed, `${r.slug} ${v.id}`);
  }
});

describe('what a number counts: the noun after its measure word ends where the predicate starts', () => {
  const nouns = (text: string) => findMentions(text).map((m) => `${m.printed}${m.unit}${m.noun}`);
  test('a verb that `者` closes right after the measure word is the noun: `约35 000名被拘留者` counts detainees', () => {
    assert.deepEqual(nouns('据报告，全国各地关押了约35 000名被拘留者，其中1,200名为妇女。'), ['35 000名被拘留者', '1,200名妇女']);
    assert.deepEqual(nouns('共有16名寻求庇护者和12名参加者。'), ['16名寻求庇护者', '12名参加者']);
  });
  test('a verb marked done by `了` starts the predicate, with the verbs joined to it: `48所监狱关押了`, `144个国家批准或加入了`', () => {
    assert.deepEqual(nouns('全国有48所监狱关押了约9 000名囚犯。'), ['48所监狱', '9 000名囚犯']);
    assert.deepEqual(nouns('截至该日，已有144个国家批准或加入了《公约》。'), ['144个国家']);
  });
  test('later in the phrase a verb and its `者` object are the predicate: `80个国家援助酷刑受害者` counts states', () => {
    assert.deepEqual(nouns('基金通过80个国家援助酷刑受害者的项目开展工作。'), ['80个国家']);
  });
});
