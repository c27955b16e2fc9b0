import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Block, Report } from '../../scripts/model/schema.ts';
import { buildToc } from '../../src/lib/toc.ts';
import { citedDocuments, sentenceAround } from '../../scripts/model/citations.ts';
import { sortCatalogue } from '../../src/lib/catalogue.ts';

const heading = (id: string, level: number, label: string, text: string): Block => ({
  type: 'heading',
  id,
  line: 0,
  level,
  kind: level === 1 ? 'chapter' : level === 2 ? 'section' : 'subsection',
  label,
  content: [{ type: 'text', value: text }],
});

test('the contents nest sections under their chapter', () => {
  const toc = buildToc([
    heading('h-1', 1, '一.', '导言'),
    { type: 'paragraph', id: 'p-1', line: 0, n: 1, content: [] },
    heading('h-2', 1, '二.', '活动'),
    heading('h-2-a', 2, 'A.', '机制'),
    heading('h-2-a-1', 3, '1.', '条约机构'),
    heading('h-2-b', 2, 'B.', '外地'),
  ]);
  assert.deepEqual(
    toc.map((e) => [e.id, e.children.map((c) => [c.id, c.children.map((g) => g.id)])]),
    [
      ['h-1', []],
      [
        'h-2',
        [
          ['h-2-a', ['h-2-a-1']],
          ['h-2-b', []],
        ],
      ],
    ],
  );
});

test('a section before any chapter stays at the top of the contents', () => {
  const toc = buildToc([heading('h-a', 2, 'A.', '甲'), heading('h-1', 1, '一.', '乙')]);
  assert.deepEqual(
    toc.map((e) => e.id),
    ['h-a', 'h-1'],
  );
});

test('a citation is quoted with the sentence around it', () => {
  const text = '第一句。本报告根据第 48/141 号决议提交；其余。';
  const start = text.indexOf('第 48');
  assert.equal(sentenceAround(text, start, start + 11), '本报告根据第 48/141 号决议提交；');
});

test('a very long sentence is shortened around the citation', () => {
  const text = `${'甲'.repeat(400)}A/HRC/40/3${'乙'.repeat(400)}。`;
  const start = 400;
  const s = sentenceAround(text, start, start + 10);
  assert.ok(s.length <= 242, `length ${s.length}`);
  assert.match(s, /^…甲+A\/HRC\/40\/3乙+…$/);
});

const report = (slug: string, symbol: string, blocks: Block[], notes: Report['notes'] = []): Report => ({
  slug,
  source: { file: `${slug}.txt`, sha256: '', encoding: 'utf-8' },
  meta: { title: slug, kind: 'report', symbol, symbols: [symbol], agendaItems: [], agendaTitles: [], sources: {} },
  blocks,
  notes,
  stats: { paragraphs: 0, notes: 0, headings: { chapter: 0, section: 0, subsection: 0 }, figures: 0, dropped: {} },
  dropped: [],
  warnings: [],
});
const doc = (symbol: string) => ({ type: 'doc' as const, symbol, text: symbol, kind: 'document' as const });

test('documents list every citing paragraph, list item and note across reports', () => {
  const a = report(
    'a',
    'A/1',
    [
      { type: 'paragraph', id: 'p-4', line: 0, n: 4, content: [{ type: 'text', value: '见' }, doc('A/HRC/40/10')] },
      { type: 'list', id: 'p-4-list', line: 0, items: [{ id: 'p-4-a', line: 0, label: 'a', content: [doc('A/HRC/40/3')] }] },
    ],
    [{ id: 'fn-2', line: 0, n: 2, mark: '2', refs: ['fnref-2'], content: [doc('A/HRC/40/3')] }],
  );
  const b = report('b', 'A/2', [{ type: 'paragraph', id: 'p-1', line: 0, n: 1, content: [doc('A/HRC/40/3')] }]);
  const docs = citedDocuments([a, b]);
  assert.deepEqual(
    docs.map((d) => d.symbol),
    ['A/HRC/40/3', 'A/HRC/40/10'],
  );
  assert.deepEqual(
    docs[0]?.citations.map((c) => `${c.report.symbol} ${c.place} #${c.anchor}`),
    ['A/1 第 4 段 (a) #p-4-a', 'A/1 注 2 #fn-2', 'A/2 第 1 段 #p-1'],
  );
});

test('the catalogue puts the newest year first and undated reports last', () => {
  const sorted = sortCatalogue([
    { title: 'x', symbol: 'A/73/36', year: 2018 },
    { title: 'y' },
    { title: 'z', symbol: 'A/HRC/43/3', year: 2020 },
    { title: 'w', symbol: 'A/74/36', year: 2019 },
  ]);
  assert.deepEqual(
    sorted.map((r) => r.title),
    ['z', 'w', 'x', 'y'],
  );
});
