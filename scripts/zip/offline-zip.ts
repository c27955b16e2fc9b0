/**
 * The offline build: the built site as one zip that readers unzip anywhere and open from disk
 * (`un-hr-reports/index.html`). Everything in `dist/` except the Pagefind bundle, which cannot
 * run from file://, and in its place the same bundle as classic scripts (`search/offline/`,
 * made here from `dist/pagefind/` by `offlineFiles`: they exist only in the zip).
 *
 * The open-me page and README.txt (openMeFiles) come first, then the site.
 * Deterministic: entries sorted by path, every timestamp fixed, so the same `dist/` always
 * gives the same bytes. Each entry is deflated on its own (fflate, level 6, on worker threads:
 * `scripts/zip/deflate-pool.ts`) and may come from a
 * cache of deflated entries (`scripts/zip/deflate-cache.ts`), so a rebuild compresses only the files
 * whose bytes changed; the entries go through fflate's streaming `Zip`, which takes
 * already-compressed data with its CRC and size (and therefore writes a data descriptor after
 * each entry, unlike `zipSync`).
 */
import { closeSync, existsSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32 } from 'node:zlib';
import { deflateSync, strToU8, Zip, type ZipInputFile } from 'fflate';
import { parseCli } from '../util/cli.ts';
import { deflateCache, type DeflateCache, type DeflatedEntry, type DeflateLevel } from './deflate-cache.ts';
import { OFFLINE_DIR, offlineSources, type OfflineFile, type OfflineSource } from '../search/classic.ts';
import { fileStamp } from '../util/files.ts';

/** How many files are being read and deflated at once while the zip is written. */
const WINDOW = 32;

/** The zip is written in pieces of this many bytes (a write per entry's chunk was 440 000 writes at 10 000 reports). */
const WRITE_BYTES = 4 << 20;

/** The folder the zip unpacks into. */
export const zipRoot = 'un-hr-reports';

/**
 * Every entry is marked as made on Unix (`os` 3) as a regular file, rw-r--r--. Made on MS-DOS
 * (fflate's default), Info-ZIP's `unzip` on Linux reads the names as a DOS code page despite the
 * UTF-8 flag (打开我.html became `����+ǵ��.html`); made on Unix with no mode, it unpacks files
 * nobody may read.
 */
export const zipAttributes = { os: 3, attrs: (0o100644 << 16) >>> 0 } as const;

/**
 * The end of the zip as APPNOTE 4.4.1.4 wants it when there are more than 65 535 entries.
 * fflate's `Zip` writes the end-of-central-directory record with the entry count cut to 16 bits
 * (147 464 entries became 16 392) and no ZIP64 records: readers that trust the count (yauzl,
 * for one) saw a ninth of the site. `last` is fflate's final chunk, the central
 * directory and its 22-byte end record; when the count does not fit, the end record is replaced
 * by a ZIP64 end record and its locator with the true count, then an end record that says 0xFFFF
 * ("see ZIP64"). Otherwise `last` is returned as it is (so the seeds' zip keeps its bytes).
 * Offsets past 4 GiB would need ZIP64 fields in every entry, which fflate does not write: refused.
 */
export function zip64End(last: Uint8Array, entries: number): Uint8Array {
  const end = last.length - 22;
  const view = new DataView(last.buffer, last.byteOffset, last.byteLength);
  if (view.getUint32(end, true) !== 0x06054b50) throw new Error('zip64End: the last chunk does not end with an end-of-central-directory record');
  if (entries <= 0xffff) return last;
  const cdSize = view.getUint32(end + 12, true);
  const cdOffset = view.getUint32(end + 16, true);
  if (cdOffset + cdSize > 0xffffffff) throw new Error('offline zip: more than 4 GiB before its end, which fflate cannot write (ZIP64 entries)');
  const out = new Uint8Array(end + 56 + 20 + 22);
  out.set(last.subarray(0, end));
  const w = new DataView(out.buffer);
  const record = end; // ZIP64 end of central directory record (APPNOTE 4.3.14)
  w.setUint32(record, 0x06064b50, true);
  w.setBigUint64(record + 4, 44n, true); // size of the rest of the record
  w.setUint16(record + 12, (zipAttributes.os << 8) | 45, true); // made by: Unix, spec 4.5
  w.setUint16(record + 14, 45, true); // needed to extract: 4.5 (ZIP64)
  // disk numbers (+16, +20) stay 0
  w.setBigUint64(record + 24, BigInt(entries), true);
  w.setBigUint64(record + 32, BigInt(entries), true);
  w.setBigUint64(record + 40, BigInt(cdSize), true);
  w.setBigUint64(record + 48, BigInt(cdOffset), true);
  const locator = record + 56; // ZIP64 end of central directory locator (APPNOTE 4.3.15)
  w.setUint32(locator, 0x07064b50, true);
  w.setBigUint64(locator + 8, BigInt(cdOffset + cdSize), true);
  w.setUint32(locator + 16, 1, true); // one disk
  const eocd = locator + 20;
  out.set(last.subarray(end), eocd);
  w.setUint16(eocd + 8, 0xffff, true);
  w.setUint16(eocd + 10, 0xffff, true);
  return out;
}

/** Where `npm run build` writes the zip (outside dist/, ignored by git). */
export const defaultZipPath = join('artifacts', 'un-hr-reports-offline.zip');

/**
 * Level 6, zlib's default: at 100 reports the zip is 0.02 % larger than at level 9 (10.39 MB
 * either way) for three quarters of the CPU time (1.8 against 2.3 s in one run, the same
 * site), and a cold build deflates every file.
 */
export const zipLevel: DeflateLevel = 6;

/**
 * What an offline reader sees first in the unpacked folder, among hundreds of files: a page
 * named 打开我 ("open me") that says what to open and links to the catalogue, and the same as
 * plain text for anyone whose file manager opens .txt files first. Both go first in the zip.
 */
export function openMeFiles(): { path: string; text: string }[] {
  const html = `<!doctype html>
<html lang="zh-Hans">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>打开我 · 联合国人权报告（离线版）</title>
<style>body{font-family:system-ui,sans-serif;line-height:1.8;max-width:36em;margin:2em auto;padding:0 1em}a.go{font-size:1.25em;font-weight:bold}</style>
</head>
<body>
<h1>联合国人权报告（离线版）</h1>
<p><a class="go" href="index.html">打开报告目录 →</a></p>
<p>这是网站的完整副本，不联网也能阅读：在浏览器中打开本文件夹里的 <b>index.html</b>（报告目录），从那里进入每份报告。</p>
<ul>
<li>请保持文件夹完整：页面之间的链接依赖文件夹结构，不要单独移动某个文件。</li>
<li>搜索（search.html）在离线时使用随附的索引，无需网络。</li>
<li>每份报告的数据（JSON、CSV）和引文（CSL-JSON、BibTeX）在 data 文件夹。</li>
<li>指向 undocs.org 的联合国正式文件链接需要联网。</li>
</ul>
<p lang="en">Offline copy of the site: open <a href="index.html">index.html</a> in a browser. Keep the folder together.</p>
</body>
</html>
`;
  const text = `联合国人权报告（离线版）

用浏览器打开本文件夹里的 index.html（报告目录），或打开“打开我.html”。
不联网也能阅读和搜索；请保持文件夹完整，不要单独移动某个文件。
每份报告的数据和引文文件（CSL-JSON、BibTeX）在 data 文件夹。

Offline copy of the site: open index.html in a browser. Keep the folder together.
`;
  return [
    { path: 'README.txt', text },
    { path: '打开我.html', text: html },
  ];
}

/**
 * Paths under dist/ left out of the zip: the hosted Pagefind bundle, and any offline bundle (the
 * zip writes its own from the Pagefind bundle, `offlineFiles`).
 */
export const excludedFromZip = (path: string): boolean => path === 'pagefind' || path.startsWith('pagefind/') || path.startsWith(`${OFFLINE_DIR}/`);

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .filter((p) => !excludedFromZip(p))
    .sort();
}

/**
 * The zip of `files` (paths under the zip's root folder, in the order given) after the open-me
 * files, as the chunks to write, deflated through `cache`. DOS timestamps are local time, so the
 * fixed date is built from local fields: 1980-01-01 00:00 in every time zone.
 */
export async function zipChunks(files: Iterable<OfflineFile>, cache: DeflateCache): Promise<Uint8Array[]> {
  const chunks: Uint8Array[] = [];
  const sources = [...files].map(({ path, data }): OfflineSource => ({ path, stamp: undefined, read: () => data }));
  await zipInto(sources, cache, (chunk) => chunks.push(chunk));
  return chunks;
}

/** An entry ready to be added: its header, its deflated bytes, and what the pack records of its file. */
interface ReadyEntry {
  entry: ZipInputFile;
  deflated: DeflatedEntry;
  file: { stamp: string | undefined; size: number; crc: number };
}

/**
 * {@link zipChunks} of `files`, each chunk handed to `write` as soon as it is made (in order,
 * synchronously). A file whose stamp the cache knows is not read: its size, CRC and deflated
 * bytes are the last zip's.
 */
async function zipInto(files: Iterable<OfflineSource>, cache: DeflateCache, write: (chunk: Uint8Array) => void): Promise<void> {
  const mtime = new Date(1980, 0, 1, 0, 0, 0);
  let entries = 0;
  let offset = 0;
  /** The entry being added: Zip passes its deflated bytes on as they are, so the cache learns where they lie (its pack, zip-pack.ts). */
  let adding: ReadyEntry | undefined;
  // Zip calls back synchronously, within add() and end().
  const zip = new Zip((error, chunk, final) => {
    if (error) throw error;
    const out = final ? zip64End(chunk, entries) : chunk;
    if (adding && out === adding.deflated.deflated) cache.placed(adding.deflated, offset, adding.file);
    offset += out.length;
    write(out);
  });
  const entryOf = (path: string, size: number, crc: number): ZipInputFile => {
    entries++;
    return { filename: `${zipRoot}/${path}`, mtime, ...zipAttributes, compression: 8, size, crc };
  };
  const ready = (source: OfflineSource): Promise<ReadyEntry> => {
    const known = source.stamp === undefined ? undefined : cache.known(source.stamp);
    if (known) {
      const { entry, size, crc } = known;
      return Promise.resolve({ entry: entryOf(source.path, size, crc), deflated: entry, file: { stamp: source.stamp, size, crc } });
    }
    const data = source.read();
    const file = { stamp: source.stamp, size: data.length, crc: crc32(data) };
    const entry = entryOf(source.path, file.size, file.crc);
    return cache.entry(data).then((deflated) => ({ entry, deflated, file }));
  };
  for (const { path, text } of openMeFiles()) {
    const data = strToU8(text);
    const entry = entryOf(path, data.length, crc32(data));
    zip.add(entry);
    entry.ondata!(null, deflateSync(data, { level: zipLevel }), true);
  }
  // Files are deflated up to WINDOW at a time (on the deflate threads, or from the cache), and
  // added to the zip in order as each one is ready.
  const pending: Promise<ReadyEntry>[] = [];
  const flush = async (keep: number) => {
    while (pending.length > keep) {
      adding = await pending.shift()!;
      zip.add(adding.entry);
      adding.entry.ondata!(null, adding.deflated.deflated, true);
      adding = undefined;
    }
  };
  for (const source of files) {
    const next = ready(source);
    // A failure is thrown when its turn comes (flush); until then it must not count as unhandled,
    // which would stop the build's process instead of failing its zip step.
    next.catch(() => {});
    pending.push(next);
    await flush(WINDOW);
  }
  await flush(0);
  zip.end();
}

/**
 * Zip `distDir` into `zipPath`, taking deflated entries from `cache` when given (else
 * compressing every file); the finished zip is then the cache's pack for the next build (`keep`).
 */
export async function writeOfflineZip(
  distDir: string,
  zipPath = defaultZipPath,
  cache: DeflateCache = deflateCache({ level: zipLevel }),
): Promise<{ files: number; offline: number; bytes: number }> {
  const files = await listFiles(distDir);
  // dist/ has nothing under search/offline/, so the offline bundle sorts as one block among its files.
  const offlineFirst = files.findIndex((path) => path > `${OFFLINE_DIR}/`);
  const cut = offlineFirst === -1 ? files.length : offlineFirst;
  let offline = 0;
  const now = Date.now();
  function* site(): Generator<OfflineSource> {
    // Read at once: the zip waits for each file in turn anyway, and a promise per file was garbage for 147 000.
    const fromDist = (path: string): OfflineSource => {
      const file = join(distDir, path);
      return { path, stamp: fileStamp(file, now), read: () => new Uint8Array(readFileSync(file)) };
    };
    for (const path of files.slice(0, cut)) yield fromDist(path);
    if (existsSync(join(distDir, 'pagefind'))) {
      for (const source of offlineSources(distDir, now)) {
        yield source;
        offline++;
      }
    }
    for (const path of files.slice(cut)) yield fromDist(path);
  }
  // Written as it is made (the zip of 10 000 reports is 0.9 GB, too much to hold), under a
  // temporary name renamed into place at the end: no zip is ever half-written.
  await mkdir(dirname(zipPath), { recursive: true });
  const part = `${zipPath}.${process.pid}.part`;
  const fd = openSync(part, 'w');
  let bytes = 0;
  // Chunks (three per entry: header, data, descriptor) gathered into writes of WRITE_BYTES.
  const buffer = Buffer.allocUnsafe(WRITE_BYTES);
  let used = 0;
  const drain = (bytes: Uint8Array) => {
    for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at);
  };
  try {
    await zipInto(site(), cache, (chunk) => {
      bytes += chunk.length;
      if (used + chunk.length > WRITE_BYTES) {
        drain(buffer.subarray(0, used));
        used = 0;
      }
      if (chunk.length >= WRITE_BYTES) drain(chunk);
      else {
        buffer.set(chunk, used);
        used += chunk.length;
      }
    });
    drain(buffer.subarray(0, used));
    closeSync(fd);
    renameSync(part, zipPath);
    cache.keep(zipPath);
  } catch (error) {
    try {
      closeSync(fd);
    } catch {
      // Closed already: the rename failed.
    }
    rmSync(part, { force: true });
    throw error;
  }
  return { files: files.length + offline, offline, bytes };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dist = 'dist', out = defaultZipPath] = parseCli(
    'npx node scripts/zip/offline-zip.ts [DIST] [ZIP]',
    { allowPositionals: true, options: {} },
    2,
  ).positionals;
  const { files, bytes } = await writeOfflineZip(dist, out);
  console.log(`offline zip: ${files} files, ${(bytes / 1e6).toFixed(2)} MB → ${out}`);
}
