/**
 * The offline build: the built site as one zip that readers unzip anywhere and open from disk
 * (`un-hr-reports/index.html`). Everything in `dist/` except the Pagefind bundle, which cannot
 * run from file:// (the search page uses the offline index there instead).
 *
 * Deterministic: entries sorted by path, every timestamp fixed, so the same `dist/` always
 * gives the same bytes.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync, type Zippable } from 'fflate';

/** The folder the zip unpacks into. */
export const zipRoot = 'un-hr-reports';

/** Where `npm run build` writes the zip (outside dist/, ignored by git). */
export const defaultZipPath = join('artifacts', 'un-hr-reports-offline.zip');

/** Paths under dist/ left out of the zip. */
export const excludedFromZip = (path: string): boolean => path === 'pagefind' || path.startsWith('pagefind/');

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .filter((p) => !excludedFromZip(p))
    .sort();
}

/**
 * Zip `distDir` into `zipPath`. DOS timestamps are local time, so the fixed date is built from
 * local fields: 1980-01-01 00:00 in every time zone.
 */
export async function writeOfflineZip(distDir: string, zipPath = defaultZipPath): Promise<{ files: number; bytes: number }> {
  const mtime = new Date(1980, 0, 1, 0, 0, 0);
  const files = await listFiles(distDir);
  const tree: Zippable = {};
  for (const path of files) tree[`${zipRoot}/${path}`] = [new Uint8Array(await readFile(join(distDir, path))), { mtime, level: 9 }];
  const zip = zipSync(tree, { mtime });
  await mkdir(dirname(zipPath), { recursive: true });
  await writeFile(zipPath, zip);
  return { files: files.length, bytes: zip.length };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dist = process.argv[2] ?? 'dist';
  const out = process.argv[3] ?? defaultZipPath;
  const { files, bytes } = await writeOfflineZip(dist, out);
  console.log(`offline zip: ${files} files, ${(bytes / 1e6).toFixed(2)} MB → ${out}`);
}
