/**
 * Structure is decided from the whole document (docs/un-document-anatomy.md): one small change
 * to a report never collapses it into unstructured text (issue 11, "structure collapses").
 * Minimal inputs written here, and the same mutations on a real report.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { convertSeed } from '../../scripts/converter/pipeline.ts';
import type { Report } from '../../scripts/model/schema.ts';
import { plain, seed, seedBytes } from '../helpers.ts';

const convert = (text: string) => convertSeed('input.txt', Buffer.from(text)).report;
const paragraphs = (r: Report) => r.blocks.flatMap((b) => (b.type === 'paragraph' && b.n ? [b.n] : []));
const codes = (r: Report) => r.warnings.map((w) => w.code);
/** The text of a block that has inline content (paragraph or heading). */
const textOf = (r: Report, at: number | string) => {
  const b = typeof at === 'number' ? r.blocks[at] : r.blocks.find((x) => x.id === at);
  return b && 'content' in b ? plain(b.content) : undefined;
};

const REPORT = ['一. 导言', '', '1. 第一段正文。', '', '2. 第二段正文。', '', '3. 第三段正文。', '', '二. 结论', '', '4. 第四段正文。'];

describe('minimal inputs', () => {
  test('a report whose paragraph 1 is missing keeps paragraphs 2…4 and says where the gap is', () => {
    const r = convert(REPORT.filter((l) => !l.startsWith('1. ')).join('\n'));
    assert.deepEqual(paragraphs(r), [2, 3, 4]);
    assert.deepEqual(
      r.warnings.filter((w) => w.code === 'paragraph-gap').map((w) => w.line),
      [4],
    );
  });

  test('a line separator (U+2028) inside a numbered line leaves it a paragraph', () => {
    const r = convert(REPORT.map((l) => (l.startsWith('2. ') ? '2. 第二段\u2028正文。' : l)).join('\n'));
    assert.deepEqual(paragraphs(r), [1, 2, 3, 4]);
    assert.equal(textOf(r, 'p-2'), '第二段正文。');
  });

  test('zero-width and bidi marks at line starts are dropped and listed, the structure stays', () => {
    const r = convert(REPORT.map((l) => (l ? `\u200b\u200e${l}` : l)).join('\n'));
    assert.deepEqual(paragraphs(r), [1, 2, 3, 4]);
    assert.equal(r.blocks.filter((b) => b.type === 'heading').length, 2);
    assert.equal(r.dropped.filter((d) => d.reason === 'control-char').length, 12);
    assert.ok(codes(r).includes('text-dropped'));
  });

  test('text between the title block and the first heading is kept, with a warning naming its line', () => {
    const r = convert(['人权理事会', '第五十届会议', '某一专题', '秘书长的报告', '', '这一行不是任何字段，也不是标题。', '', ...REPORT].join('\n'));
    assert.equal(r.meta.title, '某一专题');
    assert.equal(textOf(r, 0), '这一行不是任何字段，也不是标题。');
    assert.deepEqual(
      r.warnings.filter((w) => w.code === 'cover-text').map((w) => w.line),
      [6],
    );
  });

  test('the * note under a title is attached to the title, not left as text', () => {
    const r = convert(['人权理事会', '某一专题', '秘书处的报告*', '', '* 本报告逾期提交。', '', ...REPORT].join('\n'));
    assert.equal(r.meta.title, '某一专题');
    assert.equal(r.meta.author, '秘书处的报告');
    assert.equal(r.meta.titleNote, '本报告逾期提交。');
    assert.ok(!r.blocks.some((b) => b.type === 'paragraph' && plain(b.content).includes('逾期')));
  });

  test('numbered lines that never become paragraphs are a warning, not silence', () => {
    const r = convert(['一. 导言', '', '1) 第一段正文。', '', '2) 第二段正文。', '', '3) 第三段正文。'].join('\n'));
    assert.deepEqual(paragraphs(r), []);
    assert.ok(codes(r).includes('no-paragraphs'), codes(r).join());
  });
});

describe('the same mutations on a real report (seed 004: 82 paragraphs, 88 notes)', () => {
  const text = seedBytes('004').toString('utf8');
  const lines = text.split('\n');
  const counts = (r: Report) => [r.stats.paragraphs, r.stats.notes];
  test('unchanged', () => assert.deepEqual(counts(seed('004').report), [82, 88]));
  test('paragraph 1 deleted: 81 paragraphs, 88 notes', () => {
    assert.deepEqual(counts(convertSeed('004.txt', Buffer.from(lines.filter((l) => !/^1\. /.test(l)).join('\n'))).report), [81, 88]);
  });
  test('a U+2028 inside paragraph 7: 82 paragraphs, 88 notes', () => {
    const mutated = lines.map((l) => (/^7\. /.test(l) ? `${l.slice(0, 10)}\u2028${l.slice(10)}` : l)).join('\n');
    assert.deepEqual(counts(convertSeed('004.txt', Buffer.from(mutated)).report), [82, 88]);
  });
  test('a zero-width space at every line start: 82 paragraphs, 88 notes', () => {
    const mutated = lines.map((l) => (l.trim() ? `\u200b${l}` : l)).join('\n');
    assert.deepEqual(counts(convertSeed('004.txt', Buffer.from(mutated)).report), [82, 88]);
  });
  test('its * notice is the title note', () => {
    assert.match(seed('004').report.meta.titleNote ?? '', /^由于提交单位无法控制的技术原因/);
  });
});
