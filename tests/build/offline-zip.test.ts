/**
 * The pinned build's offline zip as Info-ZIP's `unzip` on Linux shows and unpacks it: every
 * name as written (打开我.html, not a DOS code page's reading of its UTF-8 bytes), every file
 * readable after unpacking. Needs `unzip` (CI installs it in .ci/run).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { unzipSync } from 'fflate';
import { openMeFiles, writeOfflineZip, zipLevel, zipRoot } from '../../scripts/zip/offline-zip.ts';
import { deflateCache, type DeflateCache } from '../../scripts/zip/deflate-cache.ts';
import { built, zipPath } from '../pinned.ts';

/** `unzip` with a UTF-8 locale, as a Linux desktop runs it. */
const unzip = (...args: string[]): string => execFileSync('unzip', args, { encoding: 'utf8', env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' } });

/** The entry names `unzip -l` prints, in order. */
function listedNames(zip: string): string[] {
  const lines = unzip('-l', zip).split('\n');
  const rule = lines.findIndex((l) => /^-+\s+-+/.test(l));
  const end = lines.findIndex((l, i) => i > rule && /^-+\s+-+$/.test(l.trim()));
  return lines.slice(rule + 1, end).map((l) => {
    const m = /^\s*\d+\s+\S+\s+\S+\s+(.*)$/.exec(l);
    if (!m) throw new Error(`unzip -l line: ${l}`);
    return m[1]!;
  });
}

const zip = built(zipPath);
const names = Object.keys(unzipSync(new Uint8Array(readFileSync(zip))));

test('unzip -l shows every entry name as written, the open-me page as 打开我.html', () => {
  const listed = listedNames(zip);
  assert.ok(listed.includes(`${zipRoot}/打开我.html`), listed.slice(0, 3).join('\n'));
  assert.deepEqual(listed, names);
  assert.deepEqual(
    listed.slice(0, openMeFiles().length),
    openMeFiles().map((f) => `${zipRoot}/${f.path}`),
  );
});

test('every entry is marked as made on Unix, a regular file readable by all (unzip -Z)', () => {
  const lines = unzip('-Z', zip)
    .split('\n')
    .filter((l) => /^[-d]/.test(l));
  assert.equal(lines.length, names.length);
  const odd = lines.filter((l) => !/^-rw-r--r--\s+\S+\s+unx\s/.test(l));
  assert.deepEqual(odd, []);
});

test('unzip unpacks 打开我.html under its name, readable, beside index.html', () => {
  const dir = mkdtempSync(join(tmpdir(), 'unzip-'));
  try {
    unzip('-q', zip, '-d', dir);
    const open = join(dir, zipRoot, '打开我.html');
    assert.equal(statSync(open).mode & 0o777, 0o644);
    assert.match(readFileSync(open, 'utf8'), /href="index\.html"/);
    assert.ok(statSync(join(dir, zipRoot, 'index.html')).isFile());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the zip is written as it is made, under a temporary name: a zip that fails halfway leaves no file at its path, and an earlier zip there as it was', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'zip-fail-'));
  try {
    mkdirSync(join(dir, 'dist'));
    for (const name of ['a.html', 'b.html', 'c.html']) writeFileSync(join(dir, 'dist', name), `<p>${name}</p>`);
    const real = deflateCache({ level: zipLevel });
    let asked = 0;
    // The disk fills on the second file: the cache's answer fails as a write would.
    const failing: DeflateCache = {
      entry: (data) => (++asked === 2 ? Promise.reject(new Error('ENOSPC: no space left on device')) : real.entry(data)),
      warm: (data) => real.warm(data),
      known: (stamp) => real.known(stamp),
      stamped: (stamp) => real.stamped(stamp),
      placed: (entry, offset, file) => real.placed(entry, offset, file),
      keep: (path) => real.keep(path),
      prune: () => real.prune(),
      stats: real.stats,
    };
    const out = join(dir, 'site.zip');
    await assert.rejects(writeOfflineZip(join(dir, 'dist'), out, failing), /ENOSPC/);
    assert.deepEqual(readdirSync(dir).sort(), ['dist'], 'no zip and no partial file');
    writeFileSync(out, 'the earlier zip');
    asked = 0;
    await assert.rejects(writeOfflineZip(join(dir, 'dist'), out, failing), /ENOSPC/);
    assert.equal(readFileSync(out, 'utf8'), 'the earlier zip');
    const { files, bytes } = await writeOfflineZip(join(dir, 'dist'), out, real);
    assert.equal(files, 3);
    assert.equal(statSync(out).size, bytes);
    assert.deepEqual(
      Object.keys(unzipSync(readFileSync(out))).sort(),
      [...openMeFiles().map((f) => `${zipRoot}/${f.path}`), ...['a', 'b', 'c'].map((n) => `${zipRoot}/${n}.html`)].sort(),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
