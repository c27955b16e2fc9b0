/**
 * The zip's pack (scripts/zip/zip-pack.ts): a rebuild takes the deflated bytes of unchanged files
 * from the zip the last build wrote, checked against their digests, and never from a damaged one.
 */
import assert from 'node:assert/strict';
import {
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
  closeSync,
  existsSync,
  statSync,
  utimesSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { unzipSync } from 'fflate';
import { writeOfflineZip, zipLevel, zipRoot } from '../../scripts/zip/offline-zip.ts';
import { deflateCache } from '../../scripts/zip/deflate-cache.ts';
import { fileStamp } from '../../scripts/util/files.ts';

const PAGES: Record<string, string> = {
  'index.html': '首页。'.repeat(200),
  'reports/a.html': '报告甲的正文。'.repeat(300),
  'reports/b.html': '报告乙。'.repeat(100),
  'countries/chn.html': '中国。'.repeat(150),
};

/** When the site's files were written: long enough ago that the zip trusts their stamps (a file written within 2 s has none). */
const WRITTEN = new Date('2026-01-01T00:00:00Z');

/** A small site, the cache folders a build would keep, and a zip function that builds with them. */
function site() {
  const dir = mkdtempSync(join(tmpdir(), 'zip-pack-'));
  const dist = join(dir, 'dist');
  const entriesDir = join(dir, 'cache', 'zip-cache');
  const packDir = join(dir, 'cache', 'zip-pack');
  for (const [path, text] of Object.entries(PAGES)) {
    mkdirSync(join(dist, path, '..'), { recursive: true });
    writeFileSync(join(dist, path), text);
    utimesSync(join(dist, path), WRITTEN, WRITTEN);
  }
  const zip = async (name: string, force = false) => {
    const warnings: string[] = [];
    const cache = deflateCache({ dir: entriesDir, pack: packDir, level: zipLevel, force, warn: (m) => warnings.push(m) });
    await writeOfflineZip(dist, join(dir, name), cache);
    await cache.prune();
    return { bytes: readFileSync(join(dir, name)), ...cache.stats, warnings };
  };
  /** The same site zipped with no cache at all. */
  const plain = async () => {
    await writeOfflineZip(dist, join(dir, 'plain.zip'));
    return readFileSync(join(dir, 'plain.zip'));
  };
  /** The pack's index: entry key → [offset, length, digest], and the zip file it indexes. */
  const packed = () => {
    const id = readFileSync(join(packDir, 'current'), 'utf8').trim();
    const index = JSON.parse(readFileSync(join(packDir, `${id}.json`), 'utf8')) as { entries: Record<string, [number, number, string]> };
    return { id, entries: index.entries, zip: join(packDir, `${id}.zip`), index: join(packDir, `${id}.json`) };
  };
  return { dir, dist, entriesDir, packDir, zip, plain, packed, done: () => rmSync(dir, { recursive: true, force: true }) };
}

test('a rebuild takes the unchanged files from the last zip and compresses only the changed one; the zip equals one made without a cache', async () => {
  const s = site();
  try {
    const cold = await s.zip('cold.zip');
    assert.deepEqual([cold.misses, cold.packed], [4, 0]);
    assert.equal(Object.keys(s.packed().entries).length, 4, 'every file of the site is in the pack');
    assert.deepEqual(existsSync(s.entriesDir) ? readdirSync(s.entriesDir) : [], [], 'the per-file entries are emptied: the pack holds them');
    writeFileSync(join(s.dist, 'reports/a.html'), '报告甲改过的正文。'.repeat(300));
    const rebuilt = await s.zip('rebuilt.zip');
    assert.deepEqual([rebuilt.misses, rebuilt.packed, rebuilt.unread, rebuilt.warnings.length], [1, 3, 3, 0], 'the three unchanged files not even read');
    assert.deepEqual(rebuilt.bytes, await s.plain());
    const files = unzipSync(new Uint8Array(rebuilt.bytes));
    for (const path of Object.keys(PAGES)) assert.deepEqual(Buffer.from(files[`${zipRoot}/${path}`]!), readFileSync(join(s.dist, path)), path);
  } finally {
    s.done();
  }
});

test('a file rewritten in place is read again even when its size is the same and its time is set back, and only it', async () => {
  const s = site();
  try {
    await s.zip('cold.zip');
    const path = join(s.dist, 'reports/b.html');
    const text = '报告丙。'.repeat(100);
    assert.equal(Buffer.byteLength(text), readFileSync(path).length, 'the same size');
    writeFileSync(path, text);
    utimesSync(path, WRITTEN, new Date(WRITTEN.getTime() + 1000));
    const again = await s.zip('again.zip');
    assert.deepEqual([again.misses, again.unread], [1, 3]);
    assert.deepEqual(again.bytes, await s.plain());
    assert.equal(Buffer.from(unzipSync(new Uint8Array(again.bytes))[`${zipRoot}/reports/b.html`]!).toString(), text);
  } finally {
    s.done();
  }
});

test('an entry of the kept zip whose bytes changed (the published zip rewritten in place) is compressed again with a warning, never used', async () => {
  const s = site();
  try {
    await s.zip('first.zip');
    const { entries, zip } = s.packed();
    const [offset, length] = Object.values(entries).sort((a, b) => a[0] - b[0])[1]!;
    const fd = openSync(zip, 'r+');
    writeSync(fd, Buffer.from([0xff, 0x00, 0xff]), 0, 3, offset + Math.floor(length / 2));
    closeSync(fd);
    const again = await s.zip('again.zip');
    assert.deepEqual([again.misses, again.packed], [1, 3]);
    assert.equal(again.warnings.length, 1);
    assert.match(again.warnings[0]!, /entry of the zip pack .* is damaged .*compressed again, not used/);
    assert.deepEqual(again.bytes, await s.plain());
  } finally {
    s.done();
  }
});

test('a damaged pack index is not used: every file is compressed again, with a warning naming it', async () => {
  const s = site();
  try {
    await s.zip('first.zip');
    const { index } = s.packed();
    // An entry's key changed by one character would point it at another file's bytes: the index's own digest refuses it.
    writeFileSync(
      index,
      readFileSync(index, 'utf8').replace(/"([0-9a-f])/, (_, c: string) => `"${c === '0' ? '1' : '0'}`),
    );
    const again = await s.zip('again.zip');
    assert.deepEqual([again.misses, again.packed], [4, 0]);
    assert.equal(again.warnings.length, 1);
    assert.match(again.warnings[0]!, new RegExp(`index ${index.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is damaged`));
    assert.deepEqual(again.bytes, await s.plain());
    assert.deepEqual((await s.zip('third.zip')).packed, 4, 'the zip just written is the new pack');
  } finally {
    s.done();
  }
});

test('--force does not read the last zip, and the forced zip becomes the next pack', async () => {
  const s = site();
  try {
    const cold = await s.zip('cold.zip');
    const before = s.packed().id;
    const forced = await s.zip('forced.zip', true);
    assert.deepEqual([forced.misses, forced.packed], [4, 0]);
    assert.deepEqual(forced.bytes, cold.bytes);
    assert.equal(s.packed().id, before, 'the same entries at the same places: the same index');
    assert.deepEqual(readdirSync(s.packDir).sort(), ['current', `${before}.json`, `${before}.zip`].sort());
    assert.equal((await s.zip('warm.zip')).packed, 4);
  } finally {
    s.done();
  }
});

test('a file written less than two seconds before the zip has no stamp, so a rewrite within the same clock tick is never missed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zip-stamp-'));
  try {
    const path = join(dir, 'page.html');
    writeFileSync(path, '新写的页面。');
    assert.equal(fileStamp(path), undefined);
    const later = fileStamp(path, Date.now() + 2500);
    assert.ok(later?.endsWith(`:${Buffer.byteLength('新写的页面。')}:${statSync(path, { bigint: true }).mtimeNs}`), later);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
