/** Charts say what the source says, sit after the list a paragraph leads in to, and do not repeat themselves (issue 15). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { extractFigures, withoutLookalikes } from '../../scripts/converter/figures.ts';
import { findMentions } from '../../scripts/converter/figures/mentions.ts';
import { sentenceCharts, shareLabel } from '../../scripts/converter/figures/structures.ts';
import type { Block, Chart } from '../../scripts/model/schema.ts';
import { chartPlace } from '../../scripts/converter/serialize.ts';

const chartsOf = (text: string) => sentenceCharts({ block: 'p-1', text, mentions: findMentions(text) });
const bars = (c: Chart | Omit<Chart, 'id' | 'block' | 'sentences'>) => c.items.map((i) => `${i.label}=${i.value}`);
const para = (id: string, text: string): Block => ({ type: 'paragraph', id, n: 1, line: 1, content: [{ type: 'text', value: text }] }) as Block;
const list = (id: string, items: string[]): Block =>
  ({
    type: 'list',
    id,
    line: 2,
    items: items.map((t, i) => ({ id: `${id}-${i + 1}`, label: `(${'abc'[i]})`, line: 2 + i, content: [{ type: 'text', value: t }] })),
  }) as Block;

describe('chart labels come from the source phrase', () => {
  test('each part of "96 份答复" is labelled by what the text says it is, not by its neighbour', () => {
    const [c] = chartsOf('共收到 96 份答复，其中 31 份来自国家，65 份来自民间社会组织。');
    assert.equal(c!.title, '答复（共 96 份）');
    assert.deepEqual(bars(c!), ['来自国家=31', '来自民间社会组织=65']);
  });
  test('a part after a clause holding another number does not borrow that clause as its noun', () => {
    const [c] = chartsOf('收到的 96 份答复中，31 份来自国家，65 份来自民间社会。');
    assert.deepEqual(bars(c!), ['来自国家=31', '来自民间社会=65']);
  });
  test('a shares chart is titled with the measured whole and its labels drop the repeated 占', () => {
    const [c] = chartsOf('在任务负责人中，女性占 59%，男性占 41%。');
    assert.deepEqual([c!.kind, c!.title, ...bars(c!)], ['shares', '任务负责人', '女性=59', '男性=41']);
    const [staff] = chartsOf('工作人员中女性占 52%，男性占 47%，其他占 1%。');
    assert.deepEqual([staff!.title, ...bars(staff!)], ['工作人员', '女性=52', '男性=47', '其他=1']);
  });
  test('shareLabel splits `X中Y占` into whole and part and leaves other nouns alone', () => {
    assert.deepEqual(shareLabel('工作人员中女性约占'), { whole: '工作人员', label: '女性' });
    assert.deepEqual(shareLabel('男性占'), { label: '男性' });
    assert.deepEqual(shareLabel('非洲国家'), { label: '非洲国家' });
  });
});

describe('charts of one paragraph', () => {
  test('several two-bar "total vs one part" charts of one paragraph become none; one alone stays', () => {
    const text = '共发出 500 份函件，其中 400 份为联合发送。函件涉及 900 人，其中 300 人为女性。共收到 200 份答复，其中 150 份为实质性答复。';
    const figures = extractFigures([para('p-1', text), para('p-2', '共登记 70 起案件，其中 20 起为紧急案件。')]);
    assert.deepEqual(
      figures.charts.map((c) => c.id),
      ['chart-p-2-1'],
    );
    assert.ok(
      figures.values.some((v) => v.block === 'p-1' && v.value === 500),
      'the numbers stay in values',
    );
  });
  test('a chart with several parts is never dropped as a look-alike', () => {
    const chart = (id: string, items: number): Chart => ({
      id,
      kind: 'parts',
      title: 't',
      unit: '份',
      block: 'p-1',
      sum: 'partial',
      items: Array.from({ length: items }, (_, i) => ({ label: `x${i}`, value: 1, printed: '1', block: 'p-1' })),
      sentences: [0],
    });
    assert.deepEqual(
      withoutLookalikes([chart('a', 2), chart('b', 2), chart('c', 1)]).map((c) => c.id),
      ['a', 'b', 'c'],
    );
    assert.deepEqual(
      withoutLookalikes([chart('a', 1), chart('b', 1)]).map((c) => c.id),
      [],
    );
  });
});

describe('chart placement', () => {
  const blocks = [
    para('p-1', '这些请求共 30 份，其中 20 份为甲类，10 份为乙类。请求包括：'),
    list('l-1', ['甲类请求；', '乙类请求；', '其他。']),
    para('p-2', '下一段。'),
  ];
  test('a chart from a paragraph that leads in to a list goes after the list, not between them', () => {
    assert.equal(chartPlace(blocks, 'p-1'), 'l-1');
  });
  test('otherwise after its own paragraph, or after the list holding its item', () => {
    assert.equal(chartPlace(blocks, 'p-2'), 'p-2');
    assert.equal(chartPlace(blocks, 'l-1-2'), 'l-1');
    assert.equal(chartPlace([para('p-1', '共 30 份，其中 20 份为甲类，10 份为乙类。'), list('l-1', ['一'])], 'p-1'), 'p-1');
  });
});

describe('the 主要数字 strip', () => {
  const heading = (id: string, text: string): Block =>
    ({ type: 'heading', id, level: 1, kind: 'chapter', label: '', line: 1, content: [{ type: 'text', value: text }] }) as Block;
  const strip = (blocks: Block[]) => {
    const f = extractFigures(blocks, undefined, '人权报告');
    return f.headline.map((id) => f.values.find((v) => v.id === id)!.printed);
  };
  test('a number in the introduction, a stated total and a count of what a heading names are shown; an incidental one is not', () => {
    const blocks = [
      heading('h-1', '导言'),
      para('p-1', '本报告涉及 40 个机构的工作。'),
      heading('h-2', '函件'),
      para('p-2', '讲习班提出了 12 个案例供讨论。'),
      para('p-3', '本年度共收到 250 份来文。'),
      para('p-4', '任务负责人发出了 90 份函件。'),
    ];
    assert.deepEqual(strip(blocks), ['40', '250', '90']);
  });
  test('the same number or noun is shown once', () => {
    const blocks = [
      heading('h-1', '导言'),
      para('p-1', '共发出 90 份函件。'),
      heading('h-2', '函件'),
      para('p-2', '此外还有 30 份函件。'),
      para('p-3', '结论：共 90 份。'),
    ];
    assert.deepEqual(strip(blocks), ['90']);
  });
});
