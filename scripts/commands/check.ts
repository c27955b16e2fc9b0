/**
 * `npm run check`: is the maintainer's corpus ready to publish? Holds for any corpus (it counts
 * nothing specific to the seeds), on the built site — run `npm run build` first:
 *
 * - converter: every seed converts (a rejected seed fails the check; warnings are listed, and
 *   fail it with --strict);
 * - content: content/ is what the converter makes from seeds/ now (else `npm run convert`);
 * - links: no broken internal link or anchor in dist/ (scripts/util/links.ts);
 * - reports: every report model has its page, valid (title, every block and note anchor), and
 *   dist/ has no page of a removed report;
 * - search: the Pagefind index is present and holds every report; dist/ has no offline scripts;
 * - zip: the offline zip opens and holds dist/ byte for byte (Pagefind aside), the offline search
 *   scripts made from dist/pagefind/, and its open-me page;
 * - pages: every file of dist/, and the zip, are byte for byte what a clean build of the inputs
 *   makes now (a throwaway `--force` build): a stale page an interrupted build left cannot pass.
 *
 * Flags: --seeds DIR (default seeds; content/ beside it), --dist DIR, --zip FILE, --strict,
 * --quick (skip the clean build: faster, but a stale page is not caught).
 * Prints one line per check and exits 1 if any failed. `npm test` tests the software on its own
 * pinned corpus; this checks the data.
 */
import * as fs from 'node:fs';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { diffHashes, treeHashes } from '../tasks/tree.ts';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import { checkDist, listFiles } from './check-links.ts';
import { parseCli } from '../util/cli.ts';
import { convertAll, type RunOptions } from '../converter/run.ts';
import { modelSlugs, readModels } from '../model/load.ts';
import { reportPath } from '../model/urls.ts';
import type { Report } from '../model/schema.ts';
import { defaultZipPath, excludedFromZip, openMeFiles, zipRoot } from '../zip/offline-zip.ts';
import { OFFLINE_DIR, offlineFiles } from '../search/classic.ts';

export interface CheckResult {
  name: string;
  ok: boolean;
  /** One line: what was checked, or what is wrong. */
  summary: string;
  /** The problems (and, for the converter, its warnings), one per line. */
  details: string[];
}

export interface CheckPlan {
  seedsDir: string;
  distDir: string;
  zipPath: string;
  /** Converter warnings fail the check. */
  strict?: boolean;
  /** Compare every published file with a clean build of the inputs (`checkRendered`; the CLI's default, off with --quick). */
  render?: boolean;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The converter on the seeds, writing nothing: diagnostics, and whether content/ is fresh. */
function checkConverter(plan: CheckPlan, contentDir: string): CheckResult[] {
  const lines: string[] = [];
  const result = convertAll({
    seedsDir: plan.seedsDir,
    outDir: contentDir,
    check: true,
    fs: { ...fs, join } as unknown as RunOptions['fs'],
    log: (line) => lines.push(line),
  });
  const diagnostics = lines.filter((l) => /^\s*(warning|error)\b/.test(l)).map((l) => l.trim());
  const failed = result.errors.length > 0 || (Boolean(plan.strict) && result.warnings > 0);
  return [
    {
      name: 'converter',
      ok: !failed,
      summary: `${plural(result.converted, 'seed')} converted, ${result.errors.length} rejected, ${plural(result.warnings, 'warning')}${plan.strict ? ' (--strict)' : ''}`,
      details: diagnostics,
    },
    {
      name: 'content',
      ok: result.stale.length === 0,
      summary: result.stale.length
        ? `${plural(result.stale.length, 'file')} stale: run \`npm run convert\` and commit content/`
        : 'content/ is what the converter makes from the seeds',
      details: result.stale,
    },
  ];
}

function checkLinks(distDir: string): CheckResult {
  const report = checkDist(distDir);
  return {
    name: 'links',
    ok: report.broken.length === 0 && report.pages > 0,
    summary: `${report.pages} pages, ${report.checked} internal links (${report.anchors} anchors), ${report.broken.length} broken`,
    details: report.broken.map((b) => `${b.reason} ${b.page}: <${b.tag} ${b.attr}="${b.href}">`),
  };
}

/** The ids a page defines. */
const idsOf = (html: string) => new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));

/** What is wrong with one report's page (empty when it is valid). */
export function reportPageProblems(report: Report, html: string): string[] {
  const problems: string[] = [];
  if (!/<h1[\s>]/.test(html)) problems.push('no <h1>');
  if (!/<html[^>]*\slang="zh/.test(html)) problems.push('no lang="zh…" on <html>');
  const ids = idsOf(html);
  const missing = [...report.blocks.map((b) => b.id), ...report.notes.map((n) => n.id)].filter((id) => !ids.has(id));
  if (missing.length) problems.push(`${plural(missing.length, 'anchor')} missing: ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''}`);
  return problems;
}

function checkReports(contentDir: string, distDir: string): CheckResult {
  const details: string[] = [];
  const slugs = new Set<string>();
  const models = readModels(contentDir);
  for (const report of models) {
    slugs.add(report.slug);
    const page = join(distDir, reportPath(report.slug));
    if (!existsSync(page)) {
      details.push(`reports/${report.slug}.html: missing (npm run build)`);
      continue;
    }
    for (const problem of reportPageProblems(report, readFileSync(page, 'utf8'))) details.push(`reports/${report.slug}.html: ${problem}`);
  }
  const pagesDir = join(distDir, 'reports');
  for (const file of existsSync(pagesDir) ? readdirSync(pagesDir).filter((f) => f.endsWith('.html')) : []) {
    if (!slugs.has(file.slice(0, -'.html'.length))) details.push(`reports/${file}: no report of that slug in content/ (npm run build)`);
  }
  return {
    name: 'reports',
    ok: details.length === 0 && models.length > 0,
    summary: `${plural(models.length, 'report')}, ${plural(details.length, 'problem')}`,
    details,
  };
}

/** Every fragment's text under a Pagefind bundle (each shard's fragment/ folder), unzipped. */
function fragmentTexts(pagefindDir: string): string[] {
  return listFiles(pagefindDir)
    .filter((f) => /(^|\/)fragment\/[^/]+\.pf_fragment$/.test(f))
    .map((f) => gunzipSync(readFileSync(join(pagefindDir, f))).toString('utf8'));
}

function checkSearch(contentDir: string, distDir: string): CheckResult {
  const details: string[] = [];
  for (const file of ['pagefind/pagefind.js', 'pagefind/pagefind-entry.json', 'pagefind/shards.json']) {
    if (!existsSync(join(distDir, file))) details.push(`${file}: missing`);
  }
  // The offline scripts are the zip's alone (offline-zip.ts): the hosted site never loads them.
  if (existsSync(join(distDir, OFFLINE_DIR))) details.push(`${OFFLINE_DIR}/: in ${distDir}, where only the zip should have it`);
  const pagefind = join(distDir, 'pagefind');
  const fragments = existsSync(pagefind) ? fragmentTexts(pagefind) : [];
  const indexed = fragments.join('\n');
  for (const slug of modelSlugs(contentDir))
    if (!indexed.includes(`"url":"${reportPath(slug)}`)) details.push(`the search index has no record of reports/${slug}.html`);
  return { name: 'search', ok: details.length === 0, summary: `Pagefind index, ${plural(fragments.length, 'fragment')}`, details };
}

function checkZip(zipPath: string, distDir: string): CheckResult {
  if (!existsSync(zipPath)) return { name: 'zip', ok: false, summary: `${zipPath} is missing (npm run build)`, details: [] };
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(readFileSync(zipPath));
  } catch (error) {
    return { name: 'zip', ok: false, summary: `${zipPath} does not open: ${(error as Error).message}`, details: [] };
  }
  const details: string[] = [];
  const expected = listFiles(distDir).filter((f) => !excludedFromZip(f));
  for (const path of expected) {
    const entry = entries[`${zipRoot}/${path}`];
    if (!entry) details.push(`${path}: not in the zip`);
    else if (!Buffer.from(entry).equals(readFileSync(join(distDir, path)))) details.push(`${path}: differs from ${distDir}`);
  }
  // The offline search scripts: made from dist/pagefind/ as the zip is written, so made again here.
  const offline = existsSync(join(distDir, 'pagefind')) ? [...offlineFiles(distDir)] : [];
  if (offline.length === 0) details.push(`${OFFLINE_DIR}/: no offline search scripts (no ${distDir}/pagefind/)`);
  for (const { path, data } of offline) {
    const entry = entries[`${zipRoot}/${path}`];
    if (!entry) details.push(`${path}: not in the zip`);
    else if (!Buffer.from(entry).equals(Buffer.from(data))) details.push(`${path}: differs from the scripts made from ${distDir}/pagefind/`);
  }
  expected.push(...offline.map((f) => f.path));
  // The open-me page and README.txt are the zip's own, written for the offline reader (offline-zip.ts).
  const own = new Map(openMeFiles().map((f) => [f.path, f.text]));
  for (const [path, text] of own) {
    const entry = entries[`${zipRoot}/${path}`];
    if (!entry) details.push(`${path}: not in the zip`);
    else if (Buffer.from(entry).toString('utf8') !== text) details.push(`${path}: differs from the open-me text`);
  }
  const known = new Set(expected);
  const extra = Object.keys(entries).filter((k) => !k.endsWith('/') && !known.has(k.slice(zipRoot.length + 1)) && !own.has(k.slice(zipRoot.length + 1)));
  for (const path of extra) details.push(`${path}: in the zip, not in ${distDir}`);
  return {
    name: 'zip',
    ok: details.length === 0,
    summary: `${plural(Object.keys(entries).length, 'file')} in the zip, ${plural(details.length, 'problem')}`,
    details,
  };
}

/**
 * Every published file against what its inputs render now: a clean build (`--force`, into a
 * throwaway folder with caches of its own) of the same seeds and content/, compared file by file
 * with `distDir` and the zip. The output is deterministic, so any difference is a page that is
 * not what its inputs make: a stale copy an interrupted build left, a damaged or hand-edited file.
 */
export function checkRendered(plan: CheckPlan): CheckResult {
  const dir = mkdtempSync(join(tmpdir(), 'un-hr-check-'));
  try {
    const clean = { dist: join(dir, 'dist'), zip: join(dir, 'site.zip') };
    const build = spawnSync(
      process.execPath,
      [
        fileURLToPath(new URL('./build.ts', import.meta.url)),
        '--force',
        '--seeds',
        plan.seedsDir,
        '--cache',
        join(dir, 'cache'),
        '--dist',
        clean.dist,
        '--zip',
        clean.zip,
      ],
      { encoding: 'utf8', env: { ...process.env, CI: '1' } },
    );
    if (build.status !== 0) {
      const why = `${build.stderr}`.trim().split('\n').slice(0, 3);
      return { name: 'pages', ok: false, summary: 'the clean build to compare with failed', details: why };
    }
    const details = diffHashes(treeHashes(plan.distDir), treeHashes(clean.dist)).map((path) =>
      existsSync(join(plan.distDir, path))
        ? existsSync(join(clean.dist, path))
          ? `${path}: differs from what its inputs render now`
          : `${path}: not made from the inputs any more`
        : `${path}: missing`,
    );
    if (existsSync(plan.zipPath) && !readFileSync(plan.zipPath).equals(readFileSync(clean.zip)))
      details.push(`${plan.zipPath}: differs from the zip of a clean build`);
    return {
      name: 'pages',
      ok: details.length === 0,
      summary: `${plural(listFiles(plan.distDir).length, 'file')} compared with a clean build of the inputs, ${plural(details.length, 'difference')}${details.length ? ' (npm run build -- --force)' : ''}`,
      details: details.slice(0, 50).concat(details.length > 50 ? [`… ${details.length - 50} more`] : []),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every check on a corpus and its build, in order. */
export function checkCorpus(plan: CheckPlan): CheckResult[] {
  const contentDir = join(plan.seedsDir, '..', 'content');
  const results = checkConverter(plan, contentDir);
  if (!existsSync(join(plan.distDir, 'index.html'))) {
    return [...results, { name: 'site', ok: false, summary: `${plan.distDir}/index.html is missing: run \`npm run build\` first`, details: [] }];
  }
  // Compared with a clean build only when content/ is what the seeds make (that build would rewrite it otherwise).
  const rendered = !plan.render
    ? []
    : results.every((r) => r.name !== 'content' || r.ok)
      ? [checkRendered(plan)]
      : [{ name: 'pages', ok: false, summary: 'not compared with a clean build: content/ is stale (see above)', details: [] }];
  return [
    ...results,
    checkLinks(plan.distDir),
    checkReports(contentDir, plan.distDir),
    checkSearch(contentDir, plan.distDir),
    checkZip(plan.zipPath, plan.distDir),
    ...rendered,
  ];
}

/** The check's report: one line per check, its details indented. */
export function formatChecks(results: readonly CheckResult[]): string {
  return results.map((r) => [`${r.ok ? '✓' : '✗'} ${r.name}: ${r.summary}`, ...r.details.map((d) => `    ${d}`)].join('\n')).join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const { values } = parseCli('npm run check -- [--seeds DIR] [--dist DIR] [--zip FILE] [--strict] [--quick]', {
    options: {
      seeds: { type: 'string' },
      dist: { type: 'string' },
      zip: { type: 'string' },
      strict: { type: 'boolean', default: false },
      quick: { type: 'boolean', default: false },
    },
  });
  const results = checkCorpus({
    seedsDir: resolve(root, values.seeds ?? 'seeds'),
    distDir: resolve(root, values.dist ?? 'dist'),
    zipPath: resolve(root, values.zip ?? defaultZipPath),
    strict: values.strict,
    render: !values.quick,
  });
  console.log(formatChecks(results));
  const failed = results.filter((r) => !r.ok);
  console.log(failed.length ? `✗ ${plural(failed.length, 'check')} failed: ${failed.map((r) => r.name).join(', ')}` : '✓ the corpus is ready to publish');
  process.exitCode = failed.length ? 1 : 0;
}
