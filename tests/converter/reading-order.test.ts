/** The infographic's reading order (constructs/infographic.ts `readingOrder`): columns put back only where the text says so. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readingOrder } from '../../scripts/converter/constructs/infographic.ts';
import type { DraftBlock } from '../../scripts/converter/draft.ts';

const para = (line: number, text: string): DraftBlock => ({ type: 'paragraph', line, text });
const texts = (blocks: DraftBlock[]) => blocks.map((b) => (b.type === 'paragraph' ? b.text : b.type));

test('a continuation read before its start is joined to it, at the place of the first of the two', () => {
  const heading: DraftBlock = { type: 'heading', line: 1, level: 1, kind: 'chapter', label: '', key: '', text: '标题' };
  const { blocks, diagnostics } = readingOrder([heading, para(2, '续完。另一句话。'), para(5, '旁栏里的完整段落。'), para(8, '开头的一句话没有写')]);
  assert.deepEqual(texts(blocks), ['heading', '开头的一句话没有写续完。另一句话。', '旁栏里的完整段落。']);
  assert.deepEqual(
    diagnostics.map((d) => [d.code, d.line]),
    [['reading-order', 8]],
  );
});

test('a paragraph ending mid-sentence with no single continuation is left in place, with a warning', () => {
  const none = readingOrder([para(1, '没有续文的段落'), para(2, '这是完整的一段话。')]);
  assert.deepEqual(texts(none.blocks), ['没有续文的段落', '这是完整的一段话。']);
  assert.match(none.diagnostics[0]!.message, /no paragraph begins mid-sentence to continue it: the page may read out of order there/);
  const two = readingOrder([para(1, '有两个可能续文的段落'), para(2, '续一。后文。'), para(3, '续二。后文。')]);
  assert.equal(two.blocks.length, 3);
  assert.match(two.diagnostics[0]!.message, /2 paragraphs \(lines 2, 3\) could continue it/);
});

test('closed paragraphs and photo captions are never joined', () => {
  const input: DraftBlock[] = [
    para(1, '这是完整的一段话。'),
    { type: 'paragraph', line: 2, photo: true, text: '图片说明 © 人权高专办' },
    para(3, '这是另外的一段话。'),
  ];
  assert.deepEqual(readingOrder(input), { blocks: input, diagnostics: [] });
});
