/**
 * The site bench unpacks the offline zip as a reader's unzip would, every entry with its bytes,
 * also when the zip has more than 65 535 entries (the ZIP64 end records: a 10 000-report build
 * has 147 464) and when an entry's deflated bytes happen to hold a data-descriptor signature
 * (`PK\x07\x08`), which cut fflate's streaming unzip short at 10 000 reports.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { strToU8 } from 'fflate';
import { zipEntries } from '../../scripts/bench/offline-first.ts';
import { deflateCache } from '../../scripts/zip/deflate-cache.ts';
import { openMeFiles, zipChunks, zipLevel, zipRoot } from '../../scripts/zip/offline-zip.ts';

/** 65 540 small files: more than a 16-bit entry count holds. */
const files = 65_540;
const fileText = (i: number): string => `<p>第 ${i} 页</p>\n`;
const pathOf = (i: number): string => `p/${i % 256}/${i}.html`;

/**
 * Bytes that deflate cannot shrink (a fixed pseudo-random sequence), so the deflated entry is a
 * stored block that carries them as they are, with a data-descriptor signature in the middle.
 */
function incompressibleWithSignature(): Uint8Array {
  const bytes = new Uint8Array(8192);
  let x = 0x9e3779b9;
  for (let i = 0; i < bytes.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = x & 0xff;
  }
  bytes.set([0x50, 0x4b, 0x07, 0x08], 4000);
  return bytes;
}

test('a zip of more than 65 535 entries, one holding a descriptor signature, unpacks with every byte; a wrapped entry count is refused', async () => {
  const work = mkdtempSync(join(tmpdir(), 'offline-unpack-'));
  try {
    const odd = incompressibleWithSignature();
    const written = [...Array.from({ length: files }, (_, i) => ({ path: pathOf(i), data: strToU8(fileText(i)) })), { path: 'odd.bin', data: odd }];
    const zip = join(work, 'site.zip');
    const chunks = await zipChunks(written, deflateCache({ level: zipLevel }));
    await writeFile(zip, chunks);

    const unpacked = new Map<string, Buffer>();
    for await (const { name, data } of zipEntries(zip)) unpacked.set(name, data);
    const expected = [...openMeFiles().map(({ path, text }) => ({ path, data: strToU8(text) })), ...written];
    assert.equal(unpacked.size, expected.length, 'every entry, none twice');
    for (const { path, data } of expected) assert.deepEqual(unpacked.get(`${zipRoot}/${path}`), Buffer.from(data), path);

    // The same zip as fflate ended it alone: no ZIP64 records, the count cut to 16 bits.
    const bytes = Buffer.concat(chunks);
    const eocd = Buffer.from(bytes.subarray(-22));
    eocd.writeUInt16LE(expected.length & 0xffff, 8);
    eocd.writeUInt16LE(expected.length & 0xffff, 10);
    const cut = join(work, 'cut.zip');
    await writeFile(cut, [bytes.subarray(0, -22 - 56 - 20), eocd]);
    await assert.rejects(async () => {
      for await (const _ of zipEntries(cut));
    }, /holds more than the 7 entries its end record counts/);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
