/**
 * docs/benchmarks.md is generated, never edited: `npm run bench` (and `npm run bench:search`)
 * write each measurement to bench/results/*.json, keeping sizes measured in earlier runs, and
 * then {@link writeBenchmarksDoc} renders every results file into that one page, with the
 * machine it was measured on. `npx node scripts/bench/doc.ts` re-renders it from the files alone.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { curveTable, type Curve } from './adversarial.ts';
import { siteTable, type SiteMeasure } from './site-bench.ts';
import { starlightTable, type StarlightMeasure } from './starlight-bench.ts';

/** What one child measures for one seed folder. */
export interface ConvertMeasure {
  case: string;
  reports: number;
  seedMB: number;
  /** Load average of the machine when the child started: wall-clock times stretch under load. */
  load1: number;
  cold: { seconds: number; cpuSeconds: number; mbPerSecond: number; mbPerCpuSecond: number; converted: number; errors: number; warnings: number };
  warm: { seconds: number; cpuSeconds: number; converted: number; unchanged: number };
  rssMB: { baseline: number; peak: number };
  output: { files: number; MB: number };
}

/** A plain-text table, also pasted into the README. */
export function convertTable(results: ConvertMeasure[]): string {
  const head = [
    'case',
    'reports',
    'seed MB',
    'cold s',
    'cold CPU s',
    'MB/s',
    'MB/CPU s',
    'warm s',
    'warm skipped',
    'RSS base MB',
    'RSS peak MB',
    'out files',
    'out MB',
    'errors',
    'load',
  ];
  const rows = results.map((r) =>
    [
      r.case,
      r.reports,
      r.seedMB.toFixed(2),
      r.cold.seconds.toFixed(2),
      r.cold.cpuSeconds.toFixed(2),
      r.cold.mbPerSecond.toFixed(2),
      r.cold.mbPerCpuSecond.toFixed(2),
      r.warm.seconds.toFixed(2),
      `${r.warm.unchanged}/${r.reports}`,
      r.rssMB.baseline.toFixed(0),
      r.rssMB.peak.toFixed(0),
      r.output.files,
      r.output.MB.toFixed(2),
      r.cold.errors,
      r.load1.toFixed(1),
    ].map(String),
  );
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  return [line(head), `|${widths.map((w, i) => (i === 0 ? `${'-'.repeat(w + 1)}-` : `${'-'.repeat(w + 1)}:`)).join('|')}|`, ...rows.map(line)].join('\n');
}

/** What `npm run bench:search` measures of one query on one side (hosted, or offline from the zip). */
export interface QueryCost {
  /** Bytes of scripts, wasm, index and fragment files from opening the page to the first results (not the page's HTML, CSS). */
  firstKB: number;
  firstRequests: number;
  /** Page opened with ?q= → results drawn. */
  firstMs: number;
  warmMedianMs: number;
  warmMaxMs: number;
}

/** One site of `npm run bench:search` (bench/results/search.json). */
export interface SearchMeasure {
  reports: number;
  load1: number;
  blocks: number;
  textMB: number;
  index: { files: number; KB: number };
  offlineIndex: { files: number; KB: number };
  zipMB: number;
  hosted: QueryCost;
  offline: QueryCost;
  /** Build step times (synthetic sizes): the offline scripts are made while zipping (`zip`); `pagefind` its indexing seconds (not counting its wait for Astro), `searchShare` their share of the build's wall time. */
  build?: { seconds: number; pagefind: number; zip: number; searchShare: number };
}

export function searchTable(results: readonly SearchMeasure[]): string {
  const cost = (c: QueryCost) => `${c.firstKB} KB / ${c.firstRequests} req / ${c.firstMs} ms`;
  const rows = results.map((r) =>
    [
      r.reports,
      `${r.textMB} MB, ${r.blocks}`,
      `${r.index.KB} KB / ${r.index.files}`,
      `${r.offlineIndex.KB} KB / ${r.offlineIndex.files}`,
      cost(r.hosted),
      cost(r.offline),
      `${r.hosted.warmMedianMs} / ${r.hosted.warmMaxMs}`,
      `${r.offline.warmMedianMs} / ${r.offline.warmMaxMs}`,
      r.zipMB,
      r.build ? `pagefind ${r.build.pagefind} of ${r.build.seconds} s = ${r.build.searchShare} % (zip ${r.build.zip} s)` : '',
      r.load1,
    ].join(' | '),
  );
  return [
    '| reports | text, records | Pagefind index (KB / files) | offline index | first query hosted (gzip) | first query offline | warm ms hosted (median / worst) | warm ms offline | zip MB | search steps of build | load |',
    '|--:|--|--|--|--|--|--|--|--:|--|--:|',
    ...rows.map((r) => `| ${r} |`),
  ].join('\n');
}

const read = <T>(root: string, name: string): T | undefined => {
  const file = join(root, 'bench', 'results', `${name}.json`);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : undefined;
};

/** docs/benchmarks.md from the results files under `root`/bench/results/. Pure but for reading them. */
/** One format's row of bench/results/files.json (files-bench.ts). */
interface FilesRow {
  format: string;
  files: number;
  pages: number;
  MB: number;
  pagesPerSecondRead: number;
  pagesPerCpuSecondRead: number;
  pagesPerSecondConvert: number;
  pagesPerCpuSecondConvert: number;
}

export function benchmarksDoc(root: string): string {
  const site = read<{ node: string; cpus: number; results: SiteMeasure[] }>(root, 'site');
  const convert = read<{ node: string; results: ConvertMeasure[] }>(root, 'convert');
  const hostile = read<{ node: string; curves: Curve[] }>(root, 'hostile');
  const starlight = read<{ node: string; cpus: number; pairs: number; results: StarlightMeasure[] }>(root, 'starlight');
  const search = read<{ node: string; results: SearchMeasure[] }>(root, 'search');
  const cpu = cpus();
  const out = [
    '<!-- Generated by `npm run bench` (scripts/bench/doc.ts) from bench/results/*.json. Do not edit: run the bench, or `npx node scripts/bench/doc.ts` to re-render. -->',
    '',
    '# Benchmarks',
    '',
    `Rendered on ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB; the machine is usually shared with other jobs, so each row gives the load average when it started and the CPU seconds, which stretch less than wall time under load. Synthetic corpora are copies of the seeds (scripts/bench/synthetic.ts). How the site stays bounded as the corpus grows: docs/scale.md.`,
    '',
    '```sh',
    'npm run bench                  # converter, whole-site builds (10, 100, 1000 reports), then against Starlight',
    'npm run bench -- --only site --sizes 100,1000',
    'npm run bench -- --only starlight --starlight 100 --pairs 3',
    'npm run bench:search -- --sizes 4,100',
    'npx node scripts/bench/page-weight.ts dist   # the report pages of a build',
    '```',
    '',
  ];
  if (site) {
    out.push(
      '## Whole-site builds',
      '',
      `\`npm run bench -- --only site\` (scripts/bench/site-bench.ts; ${site.node}, ${site.cpus} CPUs): a cold build of each synthetic corpus in a throwaway copy of the project, then a rebuild after one seed changed. Each step's seconds with its share of the wall time (steps overlap: Pagefind indexes while Astro writes pages, so shares can add up past 100 %; above 500 reports the pagefind step waits for Astro's memory peak first, and its time counts the wait), and search indexing: the pagefind step's time less that wait, with its share of the wall time (the issue's measure: at most 20 %), and how long after Astro the index was done (what indexing adds to the wall time: it runs beside Astro, above 500 reports beside the report parts of a split render); peak RSS of the build process, of Astro's child, of the largest process (GNU time), and of the whole process tree (sampled); \`dist/\` and the offline zip, and the zip's first search (unpacked, \`打开我.html\` opened from disk, the catalogue, \`函件\` sent from the search box, until the results are drawn: milliseconds, and the scripts and KB it loaded, which must be what the query needs, not the whole index); the largest page, and the largest page that lists the corpus (catalogue, figures, country, document, search pages: the bound is 300 KB, gzip 60 KB).`,
      '',
      siteTable(site.results),
      '',
    );
  }
  if (search) {
    out.push(
      '## Search',
      '',
      `\`npm run bench:search\` (scripts/bench/bench-search.ts; ${search.node}): the Pagefind bundle and its offline form, the first query (\`函件\`, from opening the page to the results: bytes and requests, hosted gzip and offline from disk), typing → results on a warm page.`,
      '',
      searchTable(search.results),
      '',
    );
  }
  if (starlight) {
    out.push(
      '## Against Starlight',
      '',
      `\`npm run bench -- --only starlight\` (scripts/bench/starlight-bench.ts; ${starlight.node}, ${starlight.pairs} alternating pair(s)): the same reports built by our build and by a Starlight site.`,
      '',
      starlightTable(starlight.results),
      '',
    );
  }
  if (convert) {
    out.push(
      '## Converter',
      '',
      `\`npm run bench -- --only convert\` (${convert.node}): a cold conversion of each corpus in a child process, then a warm one that the cache should skip entirely.`,
      '',
      convertTable(convert.results),
      '',
    );
  }
  const files = read<{ node: string; load1: number; startupSeconds?: number; startupCpuSeconds?: number; firstReadSeconds?: number; rows: FilesRow[] }>(
    root,
    'files',
  );
  if (files) {
    out.push(
      '## Official files',
      '',
      `\`npm run bench -- --only files\` (scripts/bench/files-bench.ts; ${files.node}, load ${files.load1}): each seed printed in the UN layout and read back, median of 3 reads; pages per second of wall and of CPU time (docs/input-formats.md). ${
        files.startupSeconds === undefined
          ? `First read of the run's PDFs, starting the reader's worker and pdf.js: ${files.firstReadSeconds} s.`
          : `Start-up (starting the reader's worker thread and loading pdf.js, the run's first read less the same file's later reads): ${files.startupSeconds} s, ${files.startupCpuSeconds} CPU s.`
      }`,
      '',
      '| format | files | pages | MB | pages/s read | pages/CPU s read | pages/s convert | pages/CPU s convert |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...files.rows.map(
        (r) =>
          `| ${r.format} | ${r.files} | ${r.pages} | ${r.MB} | ${r.pagesPerSecondRead} | ${r.pagesPerCpuSecondRead} | ${r.pagesPerSecondConvert} | ${r.pagesPerCpuSecondConvert} |`,
      ),
      '',
    );
  }
  if (hostile) {
    out.push(
      '## Adversarial inputs',
      '',
      'CPU ms to convert one seed with each adversarial pattern at 1×, 2× and 4× its size (scripts/bench/adversarial.ts); linear time gives 4×/1× ≈ 4.',
      '',
      curveTable(hostile.curves),
      '',
    );
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** Write docs/benchmarks.md. */
export function writeBenchmarksDoc(root: string): void {
  writeFileSync(join(root, 'docs', 'benchmarks.md'), benchmarksDoc(root));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) writeBenchmarksDoc(fileURLToPath(new URL('../../', import.meta.url)));
