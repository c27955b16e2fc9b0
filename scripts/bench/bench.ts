/**
 * `npm run bench`: how fast the converter is and how much memory it takes, on the real seeds
 * and on synthetic corpora of 10, 100 and 1000 reports (`--sizes 10,100` to choose); then
 * the whole site build at the same sizes (`site-bench.ts`); then our build against a Starlight
 * build of the same reports, on the seeds and 100 reports (`starlight-bench.ts`; `--starlight
 * 100` for its sizes, `--pairs 3` to alternate more), and the same report pages of both loaded in
 * Chromium (`page-compare.ts`). First, the 1×/2×/4× curve of the converter
 * on adversarial inputs; last, the official-file readers in pages per second (`files-bench.ts`).
 * `--only hostile|convert|site|starlight|files` runs one.
 *
 * The parent writes each corpus into a temporary folder, then converts it in a child process
 * (`--child`), so that each size's peak RSS is its own. The child times a cold `convertAll`
 * into an empty folder and a warm one that should skip every report through the cache.
 * Prints a table and writes bench/results/convert.json; temporary folders are removed.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { curves, curveTable } from './adversarial.ts';
import { convertAllParallel, converterHash } from '../converter/run.ts';
import { makeCorpus, readSeeds, writeCorpus } from './synthetic.ts';
import { pageWeightTable, reportPageWeights } from './page-weight.ts';
import { benchSites } from './site-bench.ts';
import { parseCli } from '../util/cli.ts';
import { benchStarlight } from './starlight-bench.ts';
import { benchFiles } from './files-bench.ts';
import { convertTable, writeBenchmarksDoc } from './doc.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const MB = 1e6;

import type { ConvertMeasure as Measure } from './doc.ts';

const { values: flags } = parseCli('npm run bench -- [--sizes 10,100,1000] [--only hostile|convert|site|starlight|files] [--starlight 100] [--pairs 1]', {
  options: {
    sizes: { type: 'string', default: '10,100,1000' },
    only: { type: 'string' },
    starlight: { type: 'string', default: '100' },
    pairs: { type: 'string', default: '1' },
    // The measuring child process (run by this script, not by hand).
    child: { type: 'boolean', default: false },
    case: { type: 'string' },
    seeds: { type: 'string' },
    out: { type: 'string' },
  },
});
const ONLY = ['hostile', 'convert', 'site', 'starlight', 'files'];
if (flags.only !== undefined && !ONLY.includes(flags.only)) throw new Error(`--only ${flags.only}: expected one of ${ONLY.join(', ')}`);
const only = flags.only;
const sizes = flags.sizes.split(',').map(Number);
if (flags.child) await child(flags.case!, flags.seeds!, flags.out!);
else {
  if (!only || only === 'hostile') hostile();
  if (!only || only === 'convert') parent(sizes);
  if (!only || only === 'site') await benchSites(root, sizes);
  if (!only || only === 'starlight') await benchStarlight(root, flags.starlight.split(',').filter(Boolean).map(Number), Number(flags.pairs));
  if (!only || only === 'files') await benchFiles(root);
  writeBenchmarksDoc(root);
  console.log('wrote docs/benchmarks.md');
}

/** The converter on adversarial inputs of each class (scripts/bench/adversarial.ts) at 1×, 2× and 4×. */
function hostile() {
  console.log('Adversarial inputs (CPU ms to convert one seed; linear time: 4×/1× ≈ 4):');
  const rows = curves();
  console.log(curveTable(rows));
  mkdirSync(join(root, 'bench', 'results'), { recursive: true });
  writeFileSync(
    join(root, 'bench', 'results', 'hostile.json'),
    `${JSON.stringify({ node: process.version, curves: rows }, null, 2)}
`,
  );
  console.log('');
}

function parent(sizes: number[]) {
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--sizes: comma-separated positive integers, e.g. --sizes 10,100');
  const tmp = mkdtempSync(join(tmpdir(), 'un-hr-bench-'));
  try {
    const seeds = readSeeds(join(root, 'seeds'));
    const results = [measure('seeds', join(root, 'seeds'), tmp)];
    for (const n of sizes) {
      const dir = join(tmp, `seeds-${n}`);
      writeCorpus(makeCorpus(seeds, n), dir);
      results.push(measure(String(n), dir, tmp));
      rmSync(dir, { recursive: true, force: true });
    }
    console.log(convertTable(results));
    const file = join(root, 'bench', 'results', 'convert.json');
    mkdirSync(join(root, 'bench', 'results'), { recursive: true });
    writeFileSync(file, `${JSON.stringify({ node: process.version, results }, null, 2)}\n`);
    console.log(`\nwrote ${file.slice(root.length)}`);
    if (existsSync(join(root, 'dist', 'reports'))) {
      console.log(`\nReport pages in dist/ (run \`npm run build\` first to refresh):\n${pageWeightTable(reportPageWeights(join(root, 'dist')))}`);
    }
    const odd = results.filter((r) => r.cold.errors || r.warm.converted || r.cold.converted !== r.reports);
    if (odd.length) {
      console.error(`unexpected: errors, or reports not converted cold / reconverted warm, in ${odd.map((r) => r.case).join(', ')}`);
      process.exitCode = 1;
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

function measure(name: string, seedsDir: string, tmp: string): Measure {
  const out = join(tmp, `out-${name}`);
  const script = fileURLToPath(import.meta.url);
  // Someone editing scripts/converter/ during a run changes the converter's hash, so the warm run
  // reconverts everything; the child then prints nothing and the case is measured again.
  for (let attempt = 1; attempt <= 3; attempt++) {
    const stdout = execFileSync(process.execPath, [...process.execArgv, script, '--child', '--case', name, '--seeds', seedsDir, '--out', out], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 1 << 20,
    });
    rmSync(out, { recursive: true, force: true });
    if (stdout) return JSON.parse(stdout) as Measure;
    console.error(`${name}: the converter changed during the run; measuring again`);
  }
  throw new Error(`${name}: the converter kept changing during the run`);
}

async function child(name: string, seedsDir: string, outDir: string) {
  const fs = { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, join };
  const baseline = process.resourceUsage().maxRSS;
  const seedBytes = readdirSync(seedsDir)
    .filter((f) => f.endsWith('.txt'))
    .reduce((sum, f) => sum + statSync(join(seedsDir, f)).size, 0);

  const timed = async () => {
    const wall = performance.now();
    const cpu = process.cpuUsage();
    // As `npm run convert` and the build run it: on worker threads from PARALLEL_MIN_SEEDS seeds up.
    const result = await convertAllParallel({ seedsDir, outDir, fs, log: () => {} });
    const used = process.cpuUsage(cpu);
    return { result, seconds: (performance.now() - wall) / 1000, cpuSeconds: (used.user + used.system) / 1e6 };
  };
  const load1 = loadavg()[0]!;
  const code = converterHash();
  const { result: cold, seconds: coldSeconds, cpuSeconds: coldCpu } = await timed();
  const { result: warm, seconds: warmSeconds, cpuSeconds: warmCpu } = await timed();
  const peak = process.resourceUsage().maxRSS;
  if (converterHash() !== code) return;

  const files = walk(outDir);
  const result: Measure = {
    case: name,
    reports: cold.converted + cold.unchanged + cold.errors.length,
    seedMB: round(seedBytes / MB),
    load1: round(load1, 2),
    cold: {
      seconds: round(coldSeconds),
      cpuSeconds: round(coldCpu),
      mbPerSecond: round(seedBytes / MB / coldSeconds),
      mbPerCpuSecond: round(seedBytes / MB / coldCpu),
      converted: cold.converted,
      errors: cold.errors.length,
      warnings: cold.warnings,
    },
    warm: { seconds: round(warmSeconds), cpuSeconds: round(warmCpu), converted: warm.converted, unchanged: warm.unchanged },
    // maxRSS is in kilobytes (KiB).
    rssMB: { baseline: round((baseline * 1024) / MB, 1), peak: round((peak * 1024) / MB, 1) },
    output: { files: files.length, MB: round(files.reduce((sum, f) => sum + statSync(f).size, 0) / MB) },
  };
  process.stdout.write(JSON.stringify(result));
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

function round(x: number, digits = 3): number {
  return Number(x.toFixed(digits));
}
