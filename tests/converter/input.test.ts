/** Encodings and bad input: same model from every encoding; clear errors that name the file. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import iconv from 'iconv-lite';
import { SeedError } from '../../scripts/converter/errors.ts';
import { convertSeed } from '../../scripts/converter/pipeline.ts';
import { seedBytes } from '../helpers.ts';

const modelOf = (bytes: Uint8Array) => {
  const { report } = convertSeed('x.txt', bytes);
  return { ...report, source: undefined };
};

describe('encodings give the same model as the UTF-8 original', () => {
  for (const prefix of ['001', '002', '004']) {
    const utf8 = seedBytes(prefix);
    const text = utf8.toString('utf8');
    const expected = modelOf(utf8);
    const variants: Record<string, Uint8Array> = {
      'UTF-8 with BOM': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]),
      'UTF-16 LE with BOM': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
      'UTF-16 BE with BOM': Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]),
      GB18030: iconv.encode(text, 'gb18030'),
      'CRLF line ends': Buffer.from(text.replace(/\n/g, '\r\n')),
    };
    for (const [name, bytes] of Object.entries(variants)) {
      test(`seed ${prefix} as ${name}`, () => {
        assert.deepEqual(modelOf(bytes), expected);
        assert.equal(
          convertSeed('x.txt', bytes).report.source.encoding,
          { 'UTF-8 with BOM': 'utf-8-bom', 'UTF-16 LE with BOM': 'utf-16le', 'UTF-16 BE with BOM': 'utf-16be', GB18030: 'gb18030', 'CRLF line ends': 'utf-8' }[
            name
          ],
        );
      });
    }
  }
});

describe('bad input gets one clear error naming the file', () => {
  const rejects = (bytes: Uint8Array, code: string, message: RegExp) => {
    assert.throws(
      () => convertSeed('bad.txt', bytes),
      (e: unknown) => {
        assert.ok(e instanceof SeedError);
        assert.equal(e.code, code);
        assert.equal(e.file, 'bad.txt');
        assert.match(e.message, /^bad\.txt/);
        assert.match(e.message, message);
        return true;
      },
    );
  };
  test('an empty file', () => rejects(new Uint8Array(), 'empty', /empty/));
  test('a file of white space', () => rejects(Buffer.from(' \n\n \r\n'), 'empty', /white space/));
  test('a binary file', () => rejects(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), 'binary', /binary/));
  test('bytes that are neither UTF-8 nor GB18030, with the line', () => {
    rejects(
      Buffer.concat([Buffer.from('第一行\n第二行\n'), Buffer.from([0x81, 0x20, 0xff, 0xfe, 0x80])]),
      'encoding',
      /^bad\.txt:3: .*neither valid UTF-8 nor GB18030/,
    );
  });
});
