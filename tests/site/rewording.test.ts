/** A reworded paragraph as the site shows it (本版变更, src/lib/rewording.ts): the changed span in its context, never cutting a number or a word. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { rewording } from '../../src/lib/rewording.ts';

describe('a rewording', () => {
  test('is shown as the changed span between shared context, cut with an ellipsis', () => {
    assert.deepEqual(rewording('发送了 723 份函件。', '发送了 725 份函件。'), { before: '发送了 ', removed: '723', added: '725', after: ' 份函件。' });
    assert.deepEqual(rewording('一二三四五六七八九十甲', '一二三四五六七八九十乙', 3), { before: '…八九十', removed: '甲', added: '乙', after: '' });
    assert.deepEqual(rewording('甲乙', '甲新乙'), { before: '甲', removed: '', added: '新', after: '乙' });
  });

  test('never cuts a number, in the changed span or in its context', () => {
    assert.deepEqual(rewording('增长了 150 %。', '增长了 250 %。'), { before: '增长了 ', removed: '150 %', added: '250 %', after: '。' });
    // The context is cut 3 characters from the change; here that falls inside "50 %" and "1,234".
    const w = rewording('占总数的 50 %，即甲项，1,234 份', '占总数的 50 %，即乙项，1,234 份', 3);
    assert.deepEqual(w, { before: '…50 %，即', removed: '甲', added: '乙', after: '项，1,234…' });
    const words = (r: { before: string; after: string }) => `${r.before} ${r.after}`;
    assert.doesNotMatch(words(w), /…0|…%|…,|1,2…/);
    assert.deepEqual(rewording('见 A/HRC/55/69 号文件', '见 A/HRC/55/70 号文件'), {
      before: '见 ',
      removed: 'A/HRC/55/69',
      added: 'A/HRC/55/70',
      after: ' 号文件',
    });
  });
});
