/**
 * Property tests over the whole conversion (fast-check): random mutations of the real seeds and
 * random text made of the characters that matter (CJK, digits, `.．、，(（`, spaces, zero-width
 * and bidi marks, `{<`, newlines). For every input: no exception other than a SeedError (a
 * clear, one-line rejection), the MDX compiles with @mdx-js/mdx, the same bytes give the same
 * output, and the output stays a small multiple of the input. Time: tests/converter/linear.test.ts.
 *
 * Small by default (fixed seed, a few seconds); `npm run fuzz` runs many more cases with a
 * random seed (FUZZ_RUNS, FUZZ_SEED), and prints the seed to replay a failure.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { compile } from '@mdx-js/mdx';
import fc from 'fast-check';
import { SeedError } from '../../scripts/converter/errors.ts';
import { convertSeed } from '../../scripts/converter/pipeline.ts';
import { seedFiles, seedsDir } from '../helpers.ts';

const SCALE = Number(process.env.FUZZ_RUNS ?? 1);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : SCALE > 1 ? Date.now() % 2 ** 31 : 11;
const params = (numRuns: number): fc.Parameters<unknown> => ({ numRuns: numRuns * SCALE, seed: SEED, endOnFailure: true });
if (SCALE > 1) console.log(`fuzz: seed ${SEED} (replay with FUZZ_SEED=${SEED}), ${SCALE}× the CI runs`);

const seeds = seedFiles.map((f) => readFileSync(`${seedsDir}/${f}`, 'utf8'));

/** The characters that have broken converters: structure marks, CJK, digits, invisible marks, MDX syntax. */
const CHARS = [
  ...'第一二三四五六七八九十章节段号决议和及、，。．.(（)）：；',
  ...'人权报告理事会国家',
  ...'0123456789',
  ' ',
  '\u3000',
  '\t',
  '\n',
  '\n\n',
  '\u200b',
  '\u200d',
  '\u200e',
  '\u200f',
  '\u202e',
  '\u2028',
  '\ufeff',
  '{',
  '}',
  '<',
  '>',
  '*',
  '_',
  '[',
  ']',
  '#',
  '`',
  '\\',
  '¹',
  '²',
  'A/HRC/40/3',
  'https://www.ohchr.org/',
  'www.un.org',
];
const hostileText = fc.array(fc.constantFrom(...CHARS), { maxLength: 300 }).map((parts) => parts.join(''));

/** One edit of a seed: delete, duplicate or move lines, or insert hostile text at a position. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: hostileText }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(text: string, edits: Mutation[]): string {
  let lines = text.split('\n');
  for (const e of edits) {
    const at = e.at % Math.max(lines.length, 1);
    if (e.kind === 'delete') lines.splice(at, e.length);
    else if (e.kind === 'duplicate') lines.splice(at, 0, ...lines.slice(at, at + e.length));
    else {
      const line = lines[at] ?? '';
      const cut = e.at % (line.length + 1);
      lines[at] = line.slice(0, cut) + e.text + line.slice(cut);
      lines = lines.join('\n').split('\n');
    }
  }
  return lines.join('\n');
}

/** Convert and check every property; a SeedError is an accepted outcome (a clear rejection). */
async function check(file: string, text: string): Promise<void> {
  const bytes = new TextEncoder().encode(text);
  let first;
  try {
    first = convertSeed(file, bytes);
  } catch (error) {
    if (error instanceof SeedError) {
      assert.ok(!error.message.includes('\n'), 'a rejection is one line');
      return;
    }
    throw error;
  }
  const again = convertSeed(file, bytes);
  assert.equal(again.mdx, first.mdx, 'deterministic MDX');
  assert.equal(again.json, first.json, 'deterministic JSON');
  await compile(first.mdx.replace(/^---\n[\s\S]*?\n---\n/, ''));
  assert.ok(first.json.length + first.mdx.length < 60 * bytes.length + 20_000, 'output bounded by a small multiple of the input');
}

describe('fuzz: the converter on hostile input', () => {
  test('random hostile text inside a minimal report', async () => {
    await fc.assert(
      fc.asyncProperty(hostileText, hostileText, async (a, b) => check('fuzz.txt', `关于某一专题的报告\n\n${a}\n\n1. ${b}\n\n2. 第二段。${a}\n`)),
      params(40),
    );
  });

  test('random hostile text alone', async () => {
    await fc.assert(
      fc.asyncProperty(hostileText, async (a) => check('fuzz.txt', a)),
      params(40),
    );
  });

  test('random mutations of the real seeds', { timeout: 600_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: seeds.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 }), async (k, edits) =>
        check(seedFiles[k]!, mutate(seeds[k]!, edits)),
      ),
      params(6),
    );
  });
});
