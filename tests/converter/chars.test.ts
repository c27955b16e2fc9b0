/**
 * The converter's hot-path shortcuts give what the regular expressions they stand for give
 * (scripts/converter/chars.ts, `narrow`, `numbered` and `headingLine` in lines.ts), on random
 * strings over the characters that matter: every white-space code unit JavaScript's `\s` knows,
 * its neighbours that are not white space, full-width forms and the first characters of labels.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { hasSpaceRun, isSpace, nonSpaceLength } from '../../scripts/converter/chars.ts';
import { weight } from '../../scripts/converter/ledger.ts';
import { HEADING_PATTERNS, mayBeHeading, mayBeNumbered, narrow, NUMBERED } from '../../scripts/converter/lines.ts';

const SPACES = [...'\t\n\v\f\r \u00a0\u1680\u2000\u2005\u200a\u2028\u2029\u202f\u205f\u3000\ufeff'];
const NEAR = [...'\b\u000e\u001f!\u009f\u00a1\u167f\u1681\u1fff\u200b\u2027\u202a\u2030\u205e\u2060\u2fff\u3001\ufefe\uffff'];
const LABELS = [...'第附件章一二十ABZ１９０ＡＺ．.、（(a）)正文 ', '\uff01', '\uff5e', '\uff00', '\uff5f', '\ud83d', '\ude00'];
const text = fc.string({ unit: fc.constantFrom(...SPACES, ...NEAR, ...LABELS), maxLength: 40 });
const runs = { numRuns: 2000, seed: 7 };

test('isSpace is true exactly for the code units \\s matches', () => {
  for (let c = 0; c <= 0xffff; c++) assert.equal(isSpace(c), /\s/.test(String.fromCharCode(c)), `U+${c.toString(16)}`);
});

test('nonSpaceLength and weight count what removing \\s+ leaves', () => {
  fc.assert(
    fc.property(text, (s) => {
      assert.equal(nonSpaceLength(s), s.replace(/\s+/g, '').length);
      assert.equal(weight(s), s.replace(/\s+/g, '').length);
    }),
    runs,
  );
});

test('hasSpaceRun finds a run of n white-space characters when the pattern \\s{n} does', () => {
  fc.assert(
    fc.property(text, fc.integer({ min: 1, max: 6 }), (s, n) => assert.equal(hasSpaceRun(s, n), new RegExp(`\\s{${n}}`).test(s))),
    runs,
  );
});

test('narrow maps full-width forms to ASCII as the character-class replacement does', () => {
  const slow = (t: string) => t.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  fc.assert(
    fc.property(text, (s) => assert.equal(narrow(s), slow(s))),
    runs,
  );
});

test('the first-character shortcuts never turn away a line a heading or paragraph pattern matches', () => {
  const label = fc.constantFrom('第一章 ', '第 十二 章', '三、', '十．', 'A. ', 'Ｂ．', 'Z.', '附件', '附 件 二 ', '1. ', '１２．', '9999.', '12.5');
  fc.assert(
    fc.property(
      fc.oneof(
        text,
        fc.tuple(label, text).map(([l, t]) => l + t),
      ),
      (s) => {
        if (HEADING_PATTERNS.some((p) => p.test(narrow(s)))) assert.ok(mayBeHeading(s), s);
        if (NUMBERED.test(narrow(s))) assert.ok(mayBeNumbered(s), s);
      },
    ),
    runs,
  );
});
