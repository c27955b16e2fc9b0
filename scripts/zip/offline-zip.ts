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
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32 } from 'node:zlib';
import { deflateSync, strToU8, Zip, type ZipInputFile } from 'fflate';
import { parseCli } from '../util/cli.ts';
import { deflateCache, type DeflateCache, type DeflateLevel } from './deflate-cache.ts';
import { OFFLINE_DIR, offlineFiles, type OfflineFile } from '../search/classic.ts';

/** How many files are being read and deflated at once while the zip is written. */
const WINDOW = 32;

/** The folder the zip unpacks into. */
export const zipRoot = 'un-hr-reports';

/**
 * Every entry is marked as made on Unix (`os` 3) as a regular file, rw-r--r--. Made on MS-DOS
 * (fflate's default), Info-ZIP's `unzip` on Linux reads the names as a DOS code page despite the
 * UTF-8 flag (打开我.html became `����+ǵ��.html`); made on Unix with no mode, it unpacks files
 * nobody may read.
 */
export const zipAttributes = { os: 3, attrs: (0o100644 << 16) >>> 0 } as const;

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
 * Zip `distDir` into `zipPath`, taking deflated entries from `cache` when given (else
 * compressing every file). DOS timestamps are local time, so the fixed date is built from local
 * fields: 1980-01-01 00:00 in every time zone.
 */
export async function writeOfflineZip(
  distDir: string,
  zipPath = defaultZipPath,
  cache: DeflateCache = deflateCache({ level: zipLevel }),
): Promise<{ files: number; offline: number; bytes: number }> {
  const mtime = new Date(1980, 0, 1, 0, 0, 0);
  const files = await listFiles(distDir);
  const chunks: Uint8Array[] = [];
  // Zip calls back synchronously, within add() and end(): no file is ever half-written.
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  for (const { path, text } of openMeFiles()) {
    const data = strToU8(text);
    const entry: ZipInputFile = { filename: `${zipRoot}/${path}`, mtime, ...zipAttributes, compression: 8, size: data.length, crc: crc32(data) };
    zip.add(entry);
    entry.ondata!(null, deflateSync(data, { level: zipLevel }), true);
  }
  // Files are read and deflated up to WINDOW at a time (on the deflate threads, or from the
  // cache), and added to the zip in order as each one is ready.
  const pending: Promise<{ entry: ZipInputFile; deflated: Uint8Array<ArrayBuffer> }>[] = [];
  const flush = async (keep: number) => {
    while (pending.length > keep) {
      const { entry, deflated } = await pending.shift()!;
      zip.add(entry);
      entry.ondata!(null, deflated, true);
    }
  };
  const add = async ({ path, data }: OfflineFile) => {
    const entry: ZipInputFile = { filename: `${zipRoot}/${path}`, mtime, ...zipAttributes, compression: 8, size: data.length, crc: crc32(data) };
    pending.push(cache.deflate(data).then((deflated) => ({ entry, deflated })));
    await flush(WINDOW);
  };
  const fromDist = async (path: string) => add({ path, data: new Uint8Array(await readFile(join(distDir, path))) });
  // dist/ has nothing under search/offline/, so the offline bundle sorts as one block among its files.
  const offlineFirst = files.findIndex((path) => path > `${OFFLINE_DIR}/`);
  const cut = offlineFirst === -1 ? files.length : offlineFirst;
  let offline = 0;
  for (const path of files.slice(0, cut)) await fromDist(path);
  if (existsSync(join(distDir, 'pagefind'))) {
    for (const file of offlineFiles(distDir)) {
      await add(file);
      offline++;
    }
  }
  for (const path of files.slice(cut)) await fromDist(path);
  await flush(0);
  zip.end();
  await mkdir(dirname(zipPath), { recursive: true });
  const bytes = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  await writeFile(zipPath, chunks);
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
