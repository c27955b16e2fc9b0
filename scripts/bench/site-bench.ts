/**
 * The whole-site benchmark (`npm run bench`, after the converter's): for each size, a
 * synthetic corpus is put in a throwaway copy of the project (src/, scripts/, config; its own
 * seeds/, content/ and Astro cache) and built with `scripts/commands/build.ts --json` there, so the
 * numbers are the real build's: per-step time, peak RSS (the build process and Astro's
 * child), output size and file count. From 100 reports up, one seed is then changed and the
 * site rebuilt, to time the incremental rebuild against the full one (target: 0.15 at 100 reports).
 * Prints a table and writes bench/results/site.json.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BuildOutcome } from '../tasks/steps.ts';
import { makeCorpus, readSeeds, writeCorpus } from './synthetic.ts';
import { sampleTreeRss } from './tree-rss.ts';
import { largestPages, type PageSize } from './page-weight.ts';
import { offlineFirstResult, type OfflineFirst } from './offline-first.ts';
import { defaultZipPath } from '../zip/offline-zip.ts';
import { indexingSeconds } from '../tasks/search.ts';

const MB = 1e6;
/** Targets from the issues: a 2-core machine builds 1000 reports in 10 min under 4 GB, under 20 000 files; a rebuild after one seed change at 100 reports takes at most 0.15 of the full build. */
const TARGETS = { seconds1000: 600, peakMB: 4000, files: 20_000, incrementalRatio: 0.15, listPageKB: 300, listPageGzipKB: 60 };

interface SiteRun {
  seconds: number;
  /** CPU seconds of the build and Astro's child: steadier than wall-clock time on a loaded machine. */
  cpuSeconds: number;
  steps: Record<string, number>;
  /**
   * Seconds the pagefind step indexed: its time less what it waited for Astro (above
   * PAGEFIND_BESIDE_ASTRO_MAX reports it starts after Astro, and its step time counts the wait).
   */
  indexing?: number;
  /**
   * Peak RSS of the build process, of Astro's child, and of the largest process of the whole
   * tree (GNU time's %M: Linux keeps the largest waited-for descendant's peak, which is how the
   * Pagefind binary, spawned by the pagefind package, is measured); null where not measurable.
   * `tree`: the peak of the whole tree's summed RSS, sampled every 100 ms (tree-rss.ts): Astro
   * and the Pagefind binary run at the same time.
   */
  peakMB: { build: number; astro: number | null; largest: number | null; tree?: number | null };
  /** A split render (docs/scale.md): each Astro run's part, reports, seconds, peak MB and CPU seconds. */
  parts?: { name: string; reports: number; seconds: number; peakMB: number; cpuSeconds: number }[];
}

export interface SiteMeasure {
  reports: number;
  load1: number;
  full: SiteRun;
  pages: number;
  files: number;
  outputMB: number;
  figures: number;
  warnings: number;
  /** Bytes of the offline zip, MB. */
  zipMB?: number;
  /** The offline zip's first search: 打开我.html opened from disk → results (offline-first.ts). */
  offlineFirst?: OfflineFirst;
  /** The largest HTML page, and the largest that lists the corpus (outside reports/): bounded at any size (docs/scale.md). */
  largest?: { any: PageSize; list: PageSize | undefined };
  /** One seed changed, site rebuilt (measured from 100 reports up, or at the only size given). */
  incremental?: SiteRun & { ratio: number; cpuRatio: number };
}

/**
 * A throwaway copy of the project in `dir` (no seeds/ or content/): the code is copied,
 * node_modules linked entry by entry, leaving out its caches (.astro, .vite), so the copy's
 * builds never share a cache with the real project. Also used by the dev-server test.
 */
export function projectCopy(root: string, dir: string): void {
  for (const f of ['astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json']) cpSync(join(root, f), join(dir, f));
  for (const d of ['src', 'scripts', 'public']) cpSync(join(root, d), join(dir, d), { recursive: true });
  mkdirSync(join(dir, 'node_modules'));
  for (const name of readdirSync(join(root, 'node_modules')).filter((n) => n !== '.astro' && n !== '.vite')) {
    symlinkSync(join(root, 'node_modules', name), join(dir, 'node_modules', name));
  }
}

/** GNU time, when installed (Debian's `time` package): measures the largest process of the build's tree. */
const GNU_TIME = '/usr/bin/time';

async function build(dir: string, force: boolean): Promise<{ outcome: BuildOutcome; run: SiteRun }> {
  const json = join(dir, 'build.json');
  const rss = join(dir, 'rss.txt');
  const command = [process.execPath, join(dir, 'scripts', 'commands', 'build.ts'), '--json', json, ...(force ? ['--force'] : [])];
  const timed = existsSync(GNU_TIME);
  rmSync(rss, { force: true });
  const child = spawn(timed ? GNU_TIME : command[0]!, timed ? ['-f', '%M', '-o', rss, ...command] : command.slice(1), {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, CI: '1' },
  });
  const sampler = sampleTreeRss(child.pid!);
  const [code] = (await once(child, 'close')) as [number | null];
  const treeKiB = sampler.stop();
  if (code !== 0) throw new Error(`build in ${dir} exited with ${code}`);
  const result = JSON.parse(readFileSync(json, 'utf8')) as BuildOutcome & {
    maxRSSKiB: { build: number; astro: number | null };
    cpuSeconds: { build: number; astro: number | null };
    astroParts?: { name: string; reports: number; seconds: number; maxRSSKiB?: number; cpuSeconds?: number }[];
  };
  const mb = (kib: number) => Math.round((kib * 1024) / MB);
  return {
    outcome: result,
    run: {
      seconds: round(result.seconds),
      cpuSeconds: round(result.cpuSeconds.build + (result.cpuSeconds.astro ?? 0)),
      steps: Object.fromEntries(result.steps.map((s) => [s.name, round(s.seconds)])),
      ...indexingOf(result.steps),
      peakMB: {
        build: mb(result.maxRSSKiB.build),
        astro: result.maxRSSKiB.astro === null ? null : mb(result.maxRSSKiB.astro),
        largest: timed && existsSync(rss) ? mb(Number(readFileSync(rss, 'utf8').trim().split('\n').pop())) : null,
        tree: treeKiB === null ? null : mb(treeKiB),
      },
      ...(result.astroParts
        ? {
            parts: result.astroParts.map((p) => ({
              name: p.name,
              reports: p.reports,
              seconds: round(p.seconds),
              peakMB: mb(p.maxRSSKiB ?? 0),
              cpuSeconds: round(p.cpuSeconds ?? 0),
            })),
          }
        : {}),
    },
  };
}

export async function benchSites(root: string, sizes: number[]): Promise<SiteMeasure[]> {
  const seeds = readSeeds(join(root, 'seeds'));
  const results: SiteMeasure[] = [];
  for (const n of sizes) {
    const dir = mkdtempSync(join(tmpdir(), `un-hr-site-${n}-`));
    try {
      projectCopy(root, dir);
      const corpus = makeCorpus(seeds, n);
      writeCorpus(corpus, join(dir, 'seeds'));
      const load1 = round(loadavg()[0]!, 1);
      console.error(`site ${n}: full build (load ${load1})…`);
      const { outcome, run } = await build(dir, false);
      const measure: SiteMeasure = {
        reports: outcome.counts.reports,
        load1,
        full: run,
        pages: outcome.tree.pages,
        files: outcome.tree.files,
        outputMB: round(outcome.tree.bytes / MB),
        figures: outcome.counts.figures,
        warnings: outcome.counts.warnings,
        ...(outcome.zipBytes === undefined ? {} : { zipMB: round(outcome.zipBytes / MB) }),
        largest: largestPages(join(dir, 'dist')),
      };
      if (existsSync(join(dir, defaultZipPath))) measure.offlineFirst = await offlineFirstResult(join(dir, defaultZipPath));
      if (n >= 100 || sizes.length === 1) {
        const first = corpus.files.find((f) => /^\d+_001_/.test(f.file)) ?? corpus.files[0]!;
        appendFileSync(join(dir, 'seeds', first.file), '\n122. 基准测试新增的一段，用来衡量增量构建。\n');
        console.error(`site ${n}: rebuild after changing ${first.file}…`);
        const again = (await build(dir, false)).run;
        measure.incremental = { ...again, ratio: round(again.seconds / run.seconds), cpuRatio: round(again.cpuSeconds / run.cpuSeconds) };
      }
      results.push(measure);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  console.log(`\n${siteTable(results)}`);
  // Sizes measured in separate runs (the 1000 case is slow) are kept: a size measured now replaces its old entry.
  const file = join(root, 'bench', 'results', 'site.json');
  mkdirSync(join(root, 'bench', 'results'), { recursive: true });
  const previous: SiteMeasure[] = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')).results ?? []) : [];
  const all = [...previous.filter((p) => !results.some((r) => r.reports === p.reports)), ...results].sort((a, b) => a.reports - b.reports);
  writeFileSync(file, `${JSON.stringify({ node: process.version, cpus: cpus().length, targets: TARGETS, results: all }, null, 2)}\n`);
  console.log(`wrote bench/results/site.json (${all.map((r) => r.reports).join(', ')} reports)`);
  const misses = results.flatMap((r) => [
    ...(r.reports >= 1000 && r.full.seconds > TARGETS.seconds1000 ? [`${r.reports}: ${r.full.seconds} s > ${TARGETS.seconds1000} s`] : []),
    ...(Math.max(r.full.peakMB.build, r.full.peakMB.astro ?? 0, r.full.peakMB.largest ?? 0, r.full.peakMB.tree ?? 0) > TARGETS.peakMB
      ? [`${r.reports}: peak over ${TARGETS.peakMB} MB`]
      : []),
    ...(r.largest?.list && (r.largest.list.bytes > TARGETS.listPageKB * 1024 || r.largest.list.gzipBytes > TARGETS.listPageGzipKB * 1024)
      ? [`${r.reports}: ${r.largest.list.page} is ${Math.round(r.largest.list.bytes / 1024)} KB (gzip ${Math.round(r.largest.list.gzipBytes / 1024)} KB)`]
      : []),
    ...(r.files > TARGETS.files ? [`${r.reports}: ${r.files} files > ${TARGETS.files}`] : []),
    // The rebuild target is the 100-report site's; smaller sites are mostly fixed cost.
    ...(r.reports >= 100 && r.incremental && r.incremental.ratio > TARGETS.incrementalRatio
      ? [`${r.reports}: incremental rebuild ${r.incremental.ratio} of the full build (CPU ${r.incremental.cpuRatio})`]
      : []),
  ]);
  if (misses.length) console.log(`targets missed: ${misses.join('; ')}`);
  return results;
}

/** The pagefind step's indexing seconds, when the build had one. */
function indexingOf(steps: BuildOutcome['steps']): { indexing?: number } {
  const step = steps.find((s) => s.name === 'pagefind');
  return step ? { indexing: round(indexingSeconds(step)) } : {};
}

/**
 * Seconds the build waited for the search index after Astro was done: what indexing adds to the
 * wall time when it runs beside Astro (both steps start when the conversion ends, so the
 * difference of their times is how much later the index was done).
 */
export function searchAfterAstro(steps: Readonly<Record<string, number>>): number | undefined {
  const { pagefind, astro } = steps;
  return pagefind === undefined || astro === undefined ? undefined : round(Math.max(0, pagefind - astro));
}

function round(x: number, digits = 2): number {
  return Number(x.toFixed(digits));
}

const pageCell = (p: PageSize) => `${(p.bytes / 1024).toFixed(0)} (${(p.gzipBytes / 1024).toFixed(0)}) ${p.page}`;

/** The table printed after a run and written into docs/benchmarks.md. */
export function siteTable(results: SiteMeasure[]): string {
  const names = [...new Set(results.flatMap((r) => Object.keys(r.full.steps)))];
  const head = [
    'reports',
    'full s',
    'full CPU s',
    ...names.map((n) => `${n} s (share)`),
    'search indexing s (share)',
    'search after Astro s (share)',
    'peak MB (build / astro / largest / tree sum)',
    'pages',
    'files',
    'out MB',
    'zip MB',
    'zip: 打开我 → first result ms (scripts, KB)',
    'largest page KB (gzip)',
    'largest list page KB (gzip)',
    'rebuild s',
    'rebuild CPU s',
    'rebuild / full (wall, CPU)',
    'load',
  ];
  const rows = results.map((r) => [
    String(r.reports),
    r.full.seconds.toFixed(1),
    r.full.cpuSeconds.toFixed(1),
    ...names.map((n) => `${(r.full.steps[n] ?? 0).toFixed(1)} (${Math.round((100 * (r.full.steps[n] ?? 0)) / r.full.seconds)} %)`),
    r.full.indexing === undefined ? '—' : `${r.full.indexing.toFixed(1)} (${Math.round((100 * r.full.indexing) / r.full.seconds)} %)`,
    ((after) => (after === undefined ? '—' : `${after.toFixed(1)} (${Math.round((100 * after) / r.full.seconds)} %)`))(searchAfterAstro(r.full.steps)),
    `${r.full.peakMB.build} / ${r.full.peakMB.astro ?? '?'} / ${r.full.peakMB.largest ?? '?'} / ${r.full.peakMB.tree ?? '?'}`,
    String(r.pages),
    String(r.files),
    r.outputMB.toFixed(1),
    r.zipMB === undefined ? '—' : r.zipMB.toFixed(1),
    r.offlineFirst ? `${r.offlineFirst.ms} (${r.offlineFirst.scripts}, ${r.offlineFirst.KB})` : '—',
    r.largest ? pageCell(r.largest.any) : '—',
    r.largest?.list ? pageCell(r.largest.list) : '—',
    r.incremental ? r.incremental.seconds.toFixed(1) : '—',
    r.incremental ? r.incremental.cpuSeconds.toFixed(1) : '—',
    r.incremental ? `${r.incremental.ratio.toFixed(2)}, ${r.incremental.cpuRatio.toFixed(2)}` : '—',
    r.load1.toFixed(1),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padStart(widths[i]!)).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => `${'-'.repeat(w + 1)}:`).join('|')}|`, ...rows.map(line)].join('\n');
}
