/**
 * The offline reader's first search, as the site bench measures it: the zip unpacked into a
 * temporary folder, `打开我.html` opened from disk in Chromium, its link to the catalogue
 * followed, the query typed into the header's search box and sent; timed until the results are
 * drawn (the search page sets `data-search-done`), with the scripts the search loaded from disk
 * (it must load only what the query needs, not the whole index).
 */
import { closeSync, fstatSync, mkdirSync, mkdtempSync, openSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { crc32, inflateRawSync } from 'node:zlib';
import yauzl from 'yauzl';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../util/chromium.ts';
import { zipRoot } from '../zip/offline-zip.ts';

export interface OfflineFirst {
  /** 打开我.html opened → catalogue → query sent → results drawn. */
  ms: number;
  /** Script files the pages loaded from disk on the way, and their bytes. */
  scripts: number;
  KB: number;
}

/**
 * Unpack `zip` into `dir` as a reader's unzip would: by its central directory (yauzl, which
 * reads ZIP64), one entry at a time from its offset, since the zip of 10 000 reports is about a
 * gigabyte, more than a benchmark should hold in memory at once. Not fflate's streaming `Unzip`:
 * it finds where an entry with a data descriptor ends by scanning its compressed bytes for a
 * descriptor or header signature, and one of the 147 464 deflated entries at 10 000 reports
 * holds `PK\x07\x08` by chance (one of the signatures it looks for turns up about once per
 * 1.4 GB of deflated data), so it cut that entry short ("unexpected EOF"). The zip is right; the
 * central directory says where each entry ends.
 */
export async function unpackZip(zip: string, dir: string): Promise<void> {
  const made = new Set<string>();
  for await (const { name, data } of zipEntries(zip)) {
    const path = join(dir, name);
    if (!made.has(dirname(path))) {
      mkdirSync(dirname(path), { recursive: true });
      made.add(dirname(path));
    }
    writeFileSync(path, data);
  }
}

/**
 * The files in `zip`, in the central directory's order, each inflated on its own (folders left
 * out) and checked against its size and CRC; names with `..` or an absolute path are refused.
 * yauzl reads the directory and each entry's bytes; one inflate call per entry is several times
 * faster than a zlib stream per entry over 147 464 small files.
 */
export async function* zipEntries(zip: string): AsyncGenerator<{ name: string; data: Buffer }> {
  const reader = new SyncFileReader(zip);
  const zipfile = await yauzl.fromRandomAccessReaderPromise(reader, fstatSync(reader.fd).size, { lazyEntries: true, strictFileNames: true });
  try {
    for await (const entry of centralDirectory(zipfile)) {
      if (entry.fileName.endsWith('/')) continue;
      const stored = compressedBytes(zip, reader, entry);
      const data = entry.compressionMethod === 8 ? inflateRawSync(stored) : stored;
      if (data.length !== entry.uncompressedSize || crc32(data) !== entry.crc32) throw new Error(`${zip}: ${entry.fileName} does not match its size or CRC`);
      yield { name: entry.fileName, data };
    }
    wholeCentralDirectory(zip, reader, zipfile);
  } finally {
    zipfile.close();
  }
}

/**
 * The zip file for yauzl, read with `readSync` through two 1 MiB windows (one follows the central
 * directory, the other the entries). yauzl's own reader makes a read through libuv's thread pool
 * for every header and every entry's bytes: five for each small entry, 220 µs an entry on a loaded
 * 2-CPU machine, mostly waiting (15 s for 65 542 entries, against about a fifth of that here).
 */
class SyncFileReader extends yauzl.RandomAccessReader {
  readonly fd: number;
  /** The two windows, the one used last first. */
  private windows: { start: number; bytes: Buffer }[] = [];
  constructor(path: string) {
    super();
    this.fd = openSync(path, 'r');
  }
  bytes(start: number, end: number): Buffer {
    const hit = this.windows.findIndex((w) => start >= w.start && end <= w.start + w.bytes.length);
    if (hit !== -1) {
      const [w] = this.windows.splice(hit, 1);
      this.windows.unshift(w!);
      return Buffer.from(w!.bytes.subarray(start - w!.start, end - w!.start));
    }
    const buffer = Buffer.alloc(Math.max(end - start, 1 << 20));
    const got = readSync(this.fd, buffer, 0, buffer.length, start);
    if (got < end - start) throw new Error(`zip: short read at ${start}`);
    this.windows = [{ start, bytes: buffer.subarray(0, got) }, ...this.windows.slice(0, 1)];
    return buffer.subarray(0, end - start);
  }
  override _readStreamForRange(start: number, end: number): Readable {
    return Readable.from([this.bytes(start, end)]);
  }
  override read(buffer: Buffer, offset: number, length: number, position: number, callback: (error: Error | null) => void): void {
    let error: Error | null = null;
    try {
      this.bytes(position, position + length).copy(buffer, offset);
    } catch (e) {
      error = e as Error;
    }
    process.nextTick(callback, error);
  }
  override close(callback: (error: Error | null) => void): void {
    closeSync(this.fd);
    process.nextTick(callback, null);
  }
}

/**
 * An entry's bytes as stored, found by its local header (whose name and extra field lengths may
 * differ from the central directory's). Read here, not through yauzl's `openReadStream`: a stream
 * for each of 147 464 small entries cost more than inflating them.
 */
function compressedBytes(zip: string, reader: SyncFileReader, entry: yauzl.Entry): Buffer {
  if (entry.isEncrypted() || (entry.compressionMethod !== 0 && entry.compressionMethod !== 8))
    throw new Error(`${zip}: ${entry.fileName} is encrypted or compressed by method ${entry.compressionMethod}`);
  const at = entry.relativeOffsetOfLocalHeader;
  const header = reader.bytes(at, at + 30);
  if (header.readUInt32LE(0) !== 0x04034b50) throw new Error(`${zip}: no local header for ${entry.fileName} at ${at}`);
  const start = at + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  return reader.bytes(start, start + entry.compressedSize);
}

/**
 * Refuse a zip whose end record counts fewer entries than its central directory holds: yauzl
 * reads as many as the count says, and a count cut to 16 bits (as fflate wrote it before the
 * ZIP64 end records) would leave most of the site out without a word. After the last entry the
 * directory must end: a ZIP64 end record or the end record follows. `readEntryCursor` is where
 * yauzl's next entry would start (not in its types; checked to be there).
 */
function wholeCentralDirectory(zip: string, reader: SyncFileReader, zipfile: yauzl.ZipFile): void {
  const cursor = (zipfile as unknown as { readEntryCursor?: unknown }).readEntryCursor;
  if (typeof cursor !== 'number') throw new Error('zip: this yauzl does not say where its central directory reading stopped');
  const next = reader.bytes(cursor, cursor + 4).readUInt32LE(0);
  if (next !== 0x06064b50 && next !== 0x06054b50)
    throw new Error(
      `${zip}: the central directory holds more than the ${zipfile.entryCount} entries its end record counts (a count past 65 535 needs ZIP64 end records)`,
    );
}

/** A lazy yauzl zip's entries in order, each read only once the previous one is done with. */
async function* centralDirectory(zipfile: yauzl.ZipFile): AsyncGenerator<yauzl.Entry> {
  for (;;) {
    const next = new Promise<yauzl.Entry | undefined>((resolve, reject) => {
      const off = () => zipfile.off('entry', onEntry).off('end', onEnd).off('error', onError);
      const onEntry = (entry: yauzl.Entry) => (off(), resolve(entry));
      const onEnd = () => (off(), resolve(undefined));
      const onError = (error: Error) => (off(), reject(error));
      zipfile.on('entry', onEntry).on('end', onEnd).on('error', onError);
    });
    zipfile.readEntry();
    const entry = await next;
    if (!entry) return;
    yield entry;
  }
}

/** Unpack `zip` and time its first search for `query` from 打开我.html. */
export async function offlineFirstResult(zip: string, query = '函件'): Promise<OfflineFirst> {
  const dir = mkdtempSync(join(tmpdir(), 'un-hr-offline-first-'));
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    await unpackZip(zip, dir);
    const page = await browser.newPage({ locale: 'zh-CN' });
    let scripts = 0;
    let bytes = 0;
    page.on('requestfinished', (req) => {
      if (req.resourceType() !== 'script' || !req.url().startsWith('file://')) return;
      scripts += 1;
      bytes += statSync(fileURLToPath(req.url().split('?')[0]!)).size;
    });
    const started = performance.now();
    await page.goto(pathToFileURL(join(dir, zipRoot, '打开我.html')).href);
    await page.locator('a.go').click();
    await page.locator('#site-q').fill(query);
    await page.locator('#site-q').press('Enter');
    await page.waitForFunction(() => document.documentElement.dataset.searchDone, null, { polling: 5, timeout: 120_000 });
    const ms = Math.round(performance.now() - started);
    if ((await page.locator('#search-results > li').count()) === 0) throw new Error(`offline search for ${query} found nothing`);
    return { ms, scripts, KB: Math.round(bytes / 1024) };
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url))
  console.log(await offlineFirstResult(process.argv[2] ?? join('artifacts', 'un-hr-reports-offline.zip')));
