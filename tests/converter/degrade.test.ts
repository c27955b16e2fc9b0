/**
 * Degrade, never drop (issue 11): a token the model cannot hold is kept as text with a
 * warning, damaged characters are dropped alike in every encoding, and output stays a small
 * multiple of the input however many numbers one sentence holds.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import iconv from 'iconv-lite';
import { convertSeed } from '../../scripts/converter/pipeline.ts';
import type { Report } from '../../scripts/model/schema.ts';
import { ADVERSARIAL } from '../../scripts/bench/adversarial.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
const HEAD = '关于某一专题的报告\n\n一. 导言\n\n';
const codes = (r: Report) => r.warnings.map((w) => `${w.code}:${w.line ?? ''}`);

/** The same text in every encoding the converter reads. */
function encodings(text: string): Record<string, Uint8Array> {
  const utf16 = Buffer.from(text, 'utf16le');
  const be = Buffer.from(utf16);
  be.swap16();
  return {
    'UTF-8': utf8(text),
    'UTF-8 with BOM': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(text)]),
    'UTF-16LE': Buffer.concat([Buffer.from([0xff, 0xfe]), utf16]),
    'UTF-16BE': Buffer.concat([Buffer.from([0xfe, 0xff]), be]),
    GB18030: iconv.encode(text, 'gb18030'),
  };
}

describe('degrade, never drop', () => {
  test('a number of hundreds of digits stays text with a warning; the report converts', () => {
    const huge = '9'.repeat(400);
    const { report, mdx } = convertSeed('huge.txt', utf8(`${HEAD}1. 共有 ${huge} 名人员和 12 名观察员。\n\n2. 第二段。\n`));
    assert.ok(mdx.includes(huge));
    assert.deepEqual(
      report.figures!.values.map((v) => v.printed),
      ['12'],
    );
    assert.ok(codes(report).includes('number-too-long:5'), codes(report).join(' '));
    assert.ok(report.figures!.values.every((v) => Number.isFinite(v.value)));
  });

  for (const [name, mark] of [
    ['a right-to-left mark', '\u200f'],
    ['a zero-width joiner', '\u200d'],
  ] as const) {
    test(`${name} inside a URL host: the link works, the invisible mark is listed as dropped, with a warning`, () => {
      const printed = `https://www.ex${mark}ample.org/docs`;
      const { report, mdx } = convertSeed('bidi.txt', utf8(`${HEAD}1. 详见 ${printed} 所载资料。\n\n2. 第二段。\n`));
      const p1 = report.blocks.find((b) => b.id === 'p-1')!;
      assert.ok(p1.type === 'paragraph');
      const link = p1.content.find((c) => c.type === 'link');
      assert.deepEqual(link, { type: 'link', url: 'https://www.example.org/docs', text: 'https://www.example.org/docs' });
      assert.deepEqual(
        report.dropped.filter((d) => d.reason === 'control-char'),
        [{ line: 5, reason: 'control-char', text: mark }],
      );
      assert.ok(codes(report).includes('text-dropped:5'));
      assert.ok(mdx.includes('https://www.example.org/docs'));
    });
  }

  test('U+FFFD is dropped with the same warning in UTF-8, UTF-16 and GB18030', () => {
    const text = `${HEAD}1. 第一段\uFFFD文字。\n\n2. 第二段。\n`;
    const results = Object.entries(encodings(text)).map(([name, bytes]) => [name, convertSeed('fffd.txt', bytes).report] as const);
    for (const [name, report] of results) {
      assert.ok(codes(report).includes('text-dropped:5'), `${name}: ${codes(report).join(' ')}`);
      assert.deepEqual(report.blocks, results[0]![1].blocks, name);
    }
  });

  test('a NUL is stripped with the same warning in every encoding', () => {
    // One stray NUL in a page of text (many control characters would make the file binary).
    const text = `${HEAD}1. 第一段\0文字。\n\n2. ${'第二段的文字。'.repeat(30)}\n`;
    const results = Object.entries(encodings(text)).map(([name, bytes]) => [name, convertSeed('nul.txt', bytes)] as const);
    for (const [name, { report, mdx }] of results) {
      assert.ok(codes(report).includes('text-dropped:5'), `${name}: ${codes(report).join(' ')}`);
      assert.ok(!mdx.includes('\0'), name);
      assert.deepEqual(report.blocks, results[0]![1].report.blocks, name);
    }
  });

  test('bytes that are neither UTF-8 nor GB18030 are still rejected, naming the line', () => {
    const bytes = Buffer.concat([utf8(`${HEAD}1. 第一段。\n`), Buffer.from([0x81, 0x20, 0x0a])]);
    assert.throws(() => convertSeed('bad.txt', bytes), /bad\.txt:6: text is neither valid UTF-8 nor GB18030/);
  });
});

describe('bounded output', () => {
  test('a sentence with thousands of numbers: output a small multiple of the input, at every size', () => {
    const c = ADVERSARIAL.find((a) => a.name === 'numbers-in-sentence')!;
    const ratios = [500, 2000].map((n) => {
      const input = utf8(c.make(n));
      const { json, mdx, report } = convertSeed('numbers.txt', input);
      assert.equal(report.figures!.sentences.length, 1);
      assert.equal(report.figures!.values.length, n);
      return (json.length + mdx.length) / input.length;
    });
    assert.ok(ratios[1]! < 40, `output is ${ratios[1]!.toFixed(1)}× the input`);
    assert.ok(ratios[1]! < ratios[0]! * 1.25, `output/input grew from ${ratios[0]!.toFixed(1)} to ${ratios[1]!.toFixed(1)}`);
  });
});
