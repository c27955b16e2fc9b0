/**
 * Steps that once took quadratic time on a pathological input (issue 11) now take linear time:
 * each test runs the step on a minimal input at 1× and 8× its size and requires the time to
 * grow by well under the 64× a quadratic step shows (bound 32×, best of several runs, so a
 * busy machine does not fail it; CPU time, not wall time). The whole pipeline on the same classes: `npm run bench`.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assemble } from '../../scripts/converter/assemble.ts';
import { clean } from '../../scripts/converter/clean.ts';
import { newLedger } from '../../scripts/converter/ledger.ts';
import type { DraftBlock, DraftNote } from '../../scripts/converter/draft.ts';
import { findReferences } from '../../scripts/converter/footnotes.ts';
import { lineJoiner } from '../../scripts/converter/join.ts';
import { toMdx } from '../../scripts/converter/serialize.ts';
import { convertSeed } from '../../scripts/converter/pipeline.ts';

/** Time may grow up to this much for 8× the input: linear is 8, quadratic 64. */
const LINEAR_BOUND = 32;
const FACTOR = 8;

/** CPU milliseconds of one call: on a shared machine wall time mostly measures the other processes. */
function once(fn: (n: number) => unknown, n: number): number {
  const t0 = process.cpuUsage();
  fn(n);
  const used = process.cpuUsage(t0);
  return (used.user + used.system) / 1000;
}

/**
 * Time at 8n over time at n: best of five runs each, interleaved so that a load spike on the
 * shared machine hits both sizes alike, after warm-up runs (compilation is not counted).
 */
function growth(fn: (n: number) => unknown, n: number): { ratio: number; small: number; large: number } {
  fn(n);
  fn(FACTOR * n);
  let small = Infinity;
  let large = Infinity;
  for (let r = 0; r < 5; r++) {
    small = Math.min(small, once(fn, n));
    large = Math.min(large, once(fn, FACTOR * n));
  }
  return { ratio: large / Math.max(small, 0.5), small, large };
}

function assertLinear(fn: (n: number) => unknown, n: number) {
  const { ratio, small, large } = growth(fn, n);
  assert.ok(
    ratio < LINEAR_BOUND,
    `${FACTOR}× the input took ${ratio.toFixed(1)}× the time (${small.toFixed(1)} → ${large.toFixed(1)} ms; linear ≈ 8, quadratic ≈ 64)`,
  );
}

describe('linear time on pathological input', () => {
  test('clean: a long run of spaces inside a line', () => {
    assertLinear((n) => clean(`第一段${' '.repeat(n)}文字。`, newLedger()), 1_000_000);
  });

  test('serialize: a long run of spaces inside a paragraph', () => {
    const { report } = convertSeed('spaces.txt', new TextEncoder().encode('标题\n\n1. 第一段。\n\n2. 第二段。\n'));
    const withSpaces = (n: number) => ({
      ...report,
      blocks: report.blocks.map((b) => (b.type === 'paragraph' ? { ...b, content: [{ type: 'text' as const, value: `甲${' '.repeat(n)}乙` }] } : b)),
    });
    assertLinear((n) => toMdx(withSpaces(n)), 50_000);
  });

  test('footnotes: one paragraph with thousands of references, bare and superscript', () => {
    const input = (n: number) => {
      const notes: DraftNote[] = Array.from({ length: n }, (_, i) => ({
        line: i + 2,
        mark: String(i + 1),
        n: i + 1,
        style: i % 2 ? 'bare' : 'superscript',
        text: '注释。',
      }));
      const sup = (k: number) => String(k).replace(/\d/g, (d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(d)]!);
      const text = Array.from({ length: n }, (_, i) => (i % 2 ? `第${i + 1}句。${i + 1} ` : `第${i + 1}句${sup(i + 1)}。`)).join('');
      return { texts: [{ text, line: 1 }], notes };
    };
    const refs = findReferences(input(50).texts, input(50).notes);
    assert.equal([...refs.refs.keys()].length, 50, 'every reference is found');
    assertLinear((n) => {
      const { texts, notes } = input(n);
      return findReferences(texts, notes);
    }, 1_000);
  });

  test('assemble: thousands of paragraphs under one number get -2, -3 … without probing each again', () => {
    const drafts = (n: number): DraftBlock[] => Array.from({ length: n }, (_, i) => ({ type: 'paragraph', line: i + 1, n: 1, text: '重复。' }));
    const ids = assemble(drafts(4), [], { links: [], defaultBody: 'A' }).blocks.map((b) => b.id);
    assert.deepEqual(ids, ['p-1', 'p-1-2', 'p-1-3', 'p-1-4']);
    assertLinear((n) => assemble(drafts(n), [], { links: [], defaultBody: 'A' }), 2_000);
  });

  test('join: URL re-joining against thousands of known link targets', () => {
    const urls = (n: number) => new Set(Array.from({ length: n }, (_, i) => `https://www.example.org/documents/report-${i}/index.html`));
    const withKnown = (n: number) => {
      const known = urls(n);
      const joiner = lineJoiner('见', known);
      for (const url of known) {
        joiner.add(url.slice(0, 29));
        joiner.add(`${url.slice(29)} 载有资料。`);
      }
      return joiner.text();
    };
    assert.match(withKnown(2), /https:\/\/www\.example\.org\/documents\/report-1\/index\.html 载有资料。/);
    assertLinear(withKnown, 500);
  });
});
