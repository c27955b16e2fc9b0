/**
 * The converter's regular expressions that recheck (tests/converter/regex-audit.test.ts) found
 * vulnerable to polynomial backtracking, run through the converter function that uses each on
 * recheck's attack string at 1× and 8× its size (issue 25: no input takes more than linear time).
 * The time may grow by well under the 64× a quadratic pattern shows (bound 30×; thread CPU time,
 * best of several interleaved runs, each call repeated until the small input costs ≥ 20 ms, so a
 * busy machine does not fail it).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { clean } from '../../scripts/converter/clean.ts';
import { findMentions } from '../../scripts/converter/figures/mentions.ts';
import { readFields, type FrontMeta } from '../../scripts/converter/constructs/cover-fields.ts';
import { findReferences } from '../../scripts/converter/footnotes.ts';
import { parseInline, type InlineContext } from '../../scripts/converter/inline.ts';
import { headingLine } from '../../scripts/converter/lines.ts';
import { newLedger } from '../../scripts/converter/ledger.ts';
import type { DraftNote } from '../../scripts/converter/draft.ts';

/** Time may grow up to this much for 8× the input: linear is 8, quadratic 64. */
const LINEAR_BOUND = 30;
const FACTOR = 8;

/** Thread CPU milliseconds of `reps` calls. */
function cpu(fn: (n: number) => unknown, n: number, reps: number): number {
  const t0 = process.threadCpuUsage();
  for (let i = 0; i < reps; i++) fn(n);
  const used = process.threadCpuUsage(t0);
  return (used.user + used.system) / 1000;
}

function assertLinear(fn: (n: number) => unknown, n: number) {
  fn(n);
  fn(FACTOR * n);
  let reps = 1;
  while (cpu(fn, n, reps) < 20 && reps < 1 << 20) reps *= 2;
  let small = Infinity;
  let large = Infinity;
  for (let r = 0; r < 3; r++) {
    small = Math.min(small, cpu(fn, n, reps));
    large = Math.min(large, cpu(fn, FACTOR * n, reps));
  }
  const ratio = large / small;
  assert.ok(
    ratio < LINEAR_BOUND,
    `${FACTOR}× the input took ${ratio.toFixed(1)}× the time (${small.toFixed(1)} → ${large.toFixed(1)} ms for ${reps} calls; linear ≈ 8, quadratic ≈ 64)`,
  );
}

describe('the converter’s patterns take linear time on recheck’s attack strings', () => {
  test('a chapter heading (`第一章`) followed by a long blank run and a line terminator', () => {
    // recheck: polynomial (degree 2), attack '第一章\t' + '\t'.repeat(31623) + '章' + '一章'.repeat(31623) + '\n'
    const line = (n: number) => `第一章\t${'\t'.repeat(n)}章${'一章'.repeat(n)}\n`;
    // The same pattern still reads a chapter heading with its title after a blank run.
    assert.deepEqual(headingLine('第一章\t\t导言')?.rest, '导言');
    assertLinear((n) => headingLine(line(n)), 2000);
  });

  test('a long run of Chinese numerals with no measure word after it', () => {
    // recheck: polynomial (degree 2), attack '十七'.repeat(38730) + '\x00十几' (a measure word in place of x)
    const text = (n: number) => `${'十七'.repeat(n)}\u0000十几个`;
    assert.deepEqual(
      findMentions(text(3)).map((m) => m.printed),
      ['十几'],
    );
    assertLinear((n) => findMentions(text(n)), 20_000);
  });

  test('line separators between ideographs and elsewhere, in a long line', () => {
    // recheck (with a 10 s budget): polynomial; the run of separators was backtracked over between a lookbehind and a lookahead
    const text = (n: number) => `${'中\u2028\u2029'.repeat(n)}a\u2028${'\u2028'.repeat(n)}b`;
    const lineText = (t: string) =>
      clean(t, newLedger())
        .tokens.map((k) => ('text' in k ? k.text : ''))
        .join('');
    assert.equal(lineText('中\u2028文 a\u2029\u2028b'), '中文 a  b');
    assertLinear((n) => clean(text(n), newLedger()), 20_000);
  });

  test('digits each followed by a letter, and numbers with separators', () => {
    // recheck: polynomial (degree 2), attack '0A'.repeat(38730)
    const text = (n: number) => `${'0A'.repeat(n)} 共有 1,128 名和 47 000 人及 6.08 亿`;
    assert.deepEqual(
      findMentions(text(3)).map((m) => m.printed),
      ['1,128', '47 000', '6.08 亿'],
    );
    assertLinear((n) => findMentions(text(n)), 20_000);
  });

  test('long digit runs after sentence punctuation, not followed by a blank', () => {
    // recheck (with a 10 s budget): polynomial; each run after `。` was tried at every length
    const notes: DraftNote[] = [{ line: 2, mark: '1', n: 1, style: 'bare', text: '注释。' }];
    const text = (n: number) => `${'。1234567890x'.repeat(n)}第一句。1 `;
    const found = findReferences([{ text: text(3), line: 1 }], notes);
    assert.deepEqual([...found.refs.keys()], [1]);
    assertLinear((n) => findReferences([{ text: text(n), line: 1 }], notes), 5_000);
  });

  test('a cover line with a long symbol-like run that no symbol ends', () => {
    // recheck: polynomial (degree 2), attack 'A/' + 'A/00'.repeat(27387) + '(/(\x00'
    const read = (text: string) => {
      const meta: FrontMeta = { agendaItems: [], agendaTitles: [], symbols: [] };
      readFields({ kind: 'line', no: 1, raw: text, text }, meta, newLedger());
      return meta;
    };
    assert.deepEqual(read('A/HRC/55/69* CEDAW/C/CHN/9').symbols, ['A/HRC/55/69', 'CEDAW/C/CHN/9']);
    assertLinear((n) => read(`A/${'A/00'.repeat(n)}(/(\u0000`), 20_000);
    // recheck's attack on the rewritten pattern: 'A/0A0' + '(0('.repeat(24495) + '000' + '0A'.repeat(24495) + '\x00'
    assertLinear((n) => read(`A/0A0${'(0('.repeat(n)}000${'0A'.repeat(n)}\u0000`), 20_000);
  });

  test('a running-header symbol line with a long symbol-like run that no symbol ends', () => {
    // recheck (with a 10 s budget): polynomial; the same shape as the cover's symbols above
    assert.deepEqual(clean('C EDAW/C/CHN/9*\n正文。', newLedger()).headerSymbols, [{ symbol: 'CEDAW/C/CHN/9', line: 1 }]);
    assertLinear((n) => clean(`A B/${'A/00'.repeat(n)}(/(!`, newLedger()), 20_000);
  });

  test('a long symbol-like line where no second symbol is glued on', () => {
    // `^([A-Z]{1,6}\/[…]*\d)((?:A|E|…)\/[…]+)$` (recheck: unknown) tried every cut and read the rest of the line at each
    assert.deepEqual(clean('E/2019/22E/C.12/2018/3\n正文。', newLedger()).headerSymbols, [
      { symbol: 'E/2019/22', line: 1 },
      { symbol: 'E/C.12/2018/3', line: 1 },
    ]);
    assertLinear((n) => clean(`A/${'A/00'.repeat(n)}(/(!`, newLedger()), 4_000);
  });

  test('a markdown link pattern on many unclosed brackets (left as it is: bounded, 300 + 2000 characters per `[`)', () => {
    // recheck: polynomial (degree 4), attack '[\t'.repeat(367); the bounds make it linear with a constant
    const ctx: InlineContext = { links: [], defaultBody: 'A' };
    assert.deepEqual(
      parseInline('见[报告](https://www.ohchr.org/x)。', ctx).filter((r) => r.type === 'link'),
      [{ type: 'link', url: 'https://www.ohchr.org/x', text: '报告' }],
    );
    assertLinear((n) => parseInline('[\t'.repeat(n), ctx), 2_000);
  });
});
