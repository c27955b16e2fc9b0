/** Paragraph citations after a document symbol: parsing, anchors, and the real seed's notes. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { markParagraphCitations, paragraphAnchor, splitParagraphs } from '../../scripts/converter/paras.ts';
import type { Inline } from '../../scripts/model/schema.ts';
import { seed } from '../helpers.ts';

const doc: Inline = { type: 'doc', symbol: 'A/HRC/40/3', text: 'A/HRC/40/3', kind: 'document' };

/** The paraRefs found in the text after a symbol, as `text→anchor`. */
const refs = (after: string): string[] =>
  markParagraphCitations([doc, { type: 'text', value: after }]).flatMap((r) => (r.type === 'paraRef' ? [`${r.text}→${r.anchor}`] : []));

describe('paragraph citations', () => {
  test('one paragraph, a range, two paragraphs, two ranges', () => {
    assert.deepEqual(refs('，第 12 段。'), ['第 12 段→p-12']);
    assert.deepEqual(refs('，第 7-16 段。'), ['第 7-16 段→p-7']);
    assert.deepEqual(refs('，第 5 和第 6 段。'), ['第 5→p-5', '第 6 段→p-6']);
    assert.deepEqual(refs(', 第7-16和第82-83段。'), ['第7-16→p-7', '第82-83段→p-82']);
    assert.deepEqual(refs('，第 3、第 4 和第 9 段'), ['第 3→p-3', '第 4→p-4', '第 9 段→p-9']);
  });

  test('a lettered sub-paragraph links to its item; a resolution number keeps 号决议 before the comma', () => {
    assert.deepEqual(refs('，第 27(a)段。'), ['第 27(a)段→p-27-a']);
    assert.deepEqual(refs(' 号决议，第 18 段。'), ['第 18 段→p-18']);
  });

  test('sections, chapters and paragraphs far from the symbol are not paragraph citations', () => {
    assert.deepEqual(refs('，第十五节。'), []);
    assert.deepEqual(refs('，第二章。'), []);
    assert.deepEqual(refs('。第 12 段'), []);
    assert.deepEqual(refs('中提出的建议，第 12 段'), []);
    assert.deepEqual(markParagraphCitations([{ type: 'text', value: '见第 12 段。' }]), [{ type: 'text', value: '见第 12 段。' }]);
  });

  test('the printed text is kept exactly', () => {
    const out = markParagraphCitations([doc, { type: 'text', value: '，第 5 和第 6 段。其他' }]);
    assert.equal(out.map((r) => (r.type === 'text' ? r.value : r.type === 'noteRef' ? '' : r.text)).join(''), 'A/HRC/40/3，第 5 和第 6 段。其他');
    assert.deepEqual(splitParagraphs('第 5 和第 6 段'), [{ text: '第 5', anchor: 'p-5' }, ' 和', { text: '第 6 段', anchor: 'p-6' }]);
  });

  test('anchors follow the converter: p-12, p-27-a', () => {
    assert.equal(paragraphAnchor('12'), 'p-12');
    assert.equal(paragraphAnchor('27 (a)'), 'p-27-a');
    assert.throws(() => paragraphAnchor('十二'));
  });

  test('an ibid note (同上) cites paragraphs of the document it repeats', () => {
    const out = markParagraphCitations([{ type: 'text', value: '同上，第 28 段。' }], 'A/RES/75/233');
    assert.deepEqual(out, [
      { type: 'text', value: '同上，' },
      { type: 'paraRef', symbol: 'A/RES/75/233', text: '第 28 段', anchor: 'p-28' },
      { type: 'text', value: '。' },
    ]);
    assert.deepEqual(markParagraphCitations([{ type: 'text', value: '同上，第 28 段。' }]), [{ type: 'text', value: '同上，第 28 段。' }]);
  });

  test('seed 002: notes 13-15 cite paragraphs of A/RES/75/233 (two of them as 同上), note 39 of A/HRC/46/24', () => {
    const { notes } = seed('002').report;
    const paraRefs = (n: number) => notes.find((note) => note.n === n)!.content.flatMap((r) => (r.type === 'paraRef' ? [[r.symbol, r.anchor, r.text]] : []));
    assert.deepEqual(paraRefs(13), [['A/RES/75/233', 'p-18', '第 18 段']]);
    assert.deepEqual(paraRefs(14), [['A/RES/75/233', 'p-27-a', '第 27(a)段']]);
    assert.deepEqual(paraRefs(15), [['A/RES/75/233', 'p-28', '第 28 段']]);
    assert.deepEqual(paraRefs(39), [
      ['A/HRC/46/24', 'p-7', '第7-16'],
      ['A/HRC/46/24', 'p-82', '第82-83段'],
    ]);
    assert.equal(notes.flatMap((n) => n.content).filter((r) => r.type === 'paraRef').length, 5);
  });
});
