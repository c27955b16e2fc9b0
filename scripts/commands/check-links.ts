/**
 * `node scripts/commands/check-links.ts [dist] [--base /path/]`: check every internal link and anchor of
 * a built site (see `scripts/util/links.ts`). Prints the counts and each broken link; exit 1 if any.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseCli } from '../util/cli.ts';
import { checkLinks, type LinkReport } from '../util/links.ts';

/** Every file under `dir` as a site-root path with `/` separators. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** Read a built site from disk and check it. */
export function checkDist(dir: string, base = process.env.BASE_PATH ?? '/'): LinkReport {
  const files = listFiles(dir);
  const pages = files.filter((f) => f.endsWith('.html')).map((path) => ({ path, html: readFileSync(join(dir, path), 'utf8') }));
  return checkLinks(pages, new Set(files), base);
}

if (import.meta.main) {
  const { values, positionals } = parseCli(
    'npm run check-links -- [--base /path/]  (or node scripts/commands/check-links.ts [DIST] [--base /path/])',
    { allowPositionals: true, options: { base: { type: 'string' } } },
    1,
  );
  const base = values.base;
  const dir = positionals[0] ?? 'dist';
  const report = checkDist(dir, base);
  for (const b of report.broken) console.log(`${b.reason} ${b.page}: <${b.tag} ${b.attr}="${b.href}">`);
  console.log(
    `${report.pages} pages, ${report.checked} internal links checked (${report.anchors} with anchors), ` +
      `${report.external} external not fetched, ${report.broken.length} broken`,
  );
  process.exitCode = report.broken.length > 0 ? 1 : 0;
}
