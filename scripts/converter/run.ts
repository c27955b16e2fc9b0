/**
 * Converting a whole seed folder: caching by content hash, writing, pruning, diagnostics.
 * File-system access comes in through `fs` so that the CLI stays thin and this stays testable.
 */
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { dirname, join as joinPath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeKey } from '../util/modules.ts';
import { changeSummary, nextHistory } from '../model/changes.ts';
import { gitPublished, type Published } from './published.ts';
import { attempt, failure, stepOf, type Attempt, type Convert } from './attempt.ts';
import { SeedError } from './errors.ts';
import { parseManifest, type Manifest } from '../model/manifest.ts';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic, type FlushSet } from '../util/atomic.ts';
import { convertSeed } from './pipeline.ts';
import { isSeedFile } from './readers/index.ts';
import type { Diagnostic, Report } from '../model/schema.ts';
import { inspectSeed, type SeedStatFs } from './seed-file.ts';
import { WorkerPool } from './workers.ts';

export { attempt, stepOf, type Attempt, type Convert };

export interface RunFs {
  existsSync(path: string): boolean;
  mkdirSync(path: string, options: { recursive: true }): unknown;
  readdirSync(path: string): string[];
  readFileSync(path: string): Uint8Array;
  rmSync(path: string, options?: { force: true }): void;
  writeFileSync(path: string, data: string | Uint8Array): void;
  join(...parts: string[]): string;
  /** With these, each seed is inspected before it is read (seed-file.ts: regular files of bounded size and name only). */
  lstatSync?: SeedStatFs['lstatSync'];
  statSync?: SeedStatFs['statSync'];
  realpathSync?: SeedStatFs['realpathSync'];
}

/**
 * Node's file system for a conversion, writes made atomic (a conversion killed mid-write leaves
 * the old file or the new one, never half) and collected in `written`, to be flushed to the disk
 * all together at the end (scripts/util/atomic.ts).
 */
export function atomicRunFs(written: FlushSet): RunFs {
  return {
    existsSync,
    mkdirSync,
    readdirSync,
    readFileSync,
    rmSync,
    writeFileSync: (path, data) => writeFileAtomic(path, data, written),
    join,
    lstatSync,
    statSync,
    realpathSync,
  };
}

export interface RunOptions {
  seedsDir: string;
  outDir: string;
  force?: boolean;
  /** Compare instead of writing; stale outputs are listed in the result. */
  check?: boolean;
  fs: RunFs;
  log: (line: string) => void;
  /** The conversion of one seed; a test seam (defaults to `convertSeed`; with it, nothing runs on worker threads). */
  convert?: Convert;
  /** Called once per seed with what became of it, as it happens (the build's progress). */
  onSeed?: (outcome: SeedOutcome) => void;
  /**
   * The published content that changes are measured against (default: `outDir` as committed in
   * git, `gitPublished`); null, or no git repository: no change is recorded and histories stay as they are.
   */
  published?: Published | null;
  /** The day a new change is dated (YYYY-MM-DD; default: today, UTC). */
  today?: string;
}

/** What became of one seed: the typed form of its log lines, for the build and the dev server. */
export interface SeedOutcome {
  file: string;
  status: 'converted' | 'unchanged' | 'rejected' | 'failed';
  /** The report's page name (converted or unchanged seeds). */
  slug?: string;
  /** The one-line summary the log prints for it. */
  line: string;
  /** Quantities found in its text (converted or unchanged seeds). */
  figures?: number;
  /** Its warnings; for an unchanged seed, the ones its conversion recorded. */
  warnings: Diagnostic[];
  /** For a rejected or failed seed, why. */
  error?: Diagnostic;
  /** For a replaced seed, its difference from the committed version, in one line. */
  changes?: string;
}

export interface RunResult {
  converted: number;
  unchanged: number;
  /** Rejected seeds (input problems, SeedError) and failed ones (unexpected exceptions, code `crash`). */
  errors: Diagnostic[];
  /** Seeds whose conversion threw an unexpected exception: a converter bug; the CLIs exit non-zero. */
  failed: number;
  warnings: number;
  stale: string[];
  /** Every seed's outcome, in file order. */
  seeds: SeedOutcome[];
  /** Reports whose seed is gone, with the line the log printed for each (their outputs are removed). */
  removed: { slug: string; file?: string; line: string }[];
  /** Warnings about the run rather than a seed (a damaged index or output, a manifest entry naming no seed), as printed; counted in `warnings`. */
  notices: string[];
}

interface IndexEntry {
  file: string;
  sha256: string;
  key: string;
  slug: string;
  line: string;
  warnings: Diagnostic[];
  figures: number;
  /** The SHA-256 of the report's page text and model as written: outputs that differ (damaged, edited) are made again. */
  outputs?: string;
}

/** The SHA-256 of a seed's outputs (its MDX and its model), as `IndexEntry.outputs` records them. */
function outputsDigest(mdx: string | Uint8Array, json: string | Uint8Array): string {
  return createHash('sha256').update(mdx).update('\0').update(json).digest('hex');
}

/**
 * The entries of the last run's index, or none (every seed converts again) when the index is
 * damaged: a truncated or hand-edited index is a warning, never a failure.
 */
function readIndex(fs: RunFs, indexPath: string, log: (line: string) => void): IndexEntry[] {
  if (!fs.existsSync(indexPath)) return [];
  try {
    const reports = (JSON.parse(text(fs.readFileSync(indexPath))) as { reports?: unknown }).reports;
    if (!Array.isArray(reports)) throw new Error('it has no list of reports');
    return reports as IndexEntry[];
  } catch (error) {
    log(`warning ${indexPath}: damaged (${(error as Error).message}); every seed is converted again and the index rewritten`);
    return [];
  }
}

/**
 * Hash of the converter's own code: a change to it reconverts every seed. The code is what the
 * pipeline and this runner import, followed through the module graph (scripts/util/modules.ts):
 * every module, the data files they import (country names) and the packages' versions.
 */
export function converterHash(): string {
  const here = fileURLToPath(import.meta.url);
  const dir = dirname(here);
  // The official-file reader's worker thread is started by URL, not imported: named here.
  return codeKey([here, joinPath(dir, 'pipeline.ts'), joinPath(dir, 'worker.ts'), joinPath(dir, 'readers', 'extract-worker.ts')]).slice(0, 16);
}

/** A seed read and hashed: unreadable, or with its cache key and its entry in the last index if that key matches. */
type Prepared =
  | { file: string; unreadable: string }
  | { file: string; rejected: Diagnostic }
  | { file: string; bytes: Uint8Array; sha256: string; key: string; cached?: IndexEntry; fresh: boolean; notices: Diagnostic[] };

/**
 * Convert every seed of `seedsDir` into `outDir`, in this thread, one seed after the other.
 * Log lines, outcomes and outputs are those of `convertAllParallel`, which spreads the work over
 * worker threads; this one is for callers that need an answer synchronously (and the test seam
 * `convert`).
 */
export function convertAll(options: RunOptions): RunResult {
  const run = startRun(options);
  const convert = options.convert ?? convertSeed;
  // One seed read at a time: the folder's text is never all in memory.
  for (const file of run.files) settleHere(run, prepare(run, file), convert);
  return end(run);
}

/** Convert a prepared seed in this thread (if it has to be) and record what became of it. */
function settleHere(run: Run, seed: Prepared, convert: Convert): void {
  settle(run, seed, () => ('bytes' in seed ? attempt(convert, seed.file, seed.bytes, run.manifest[seed.file], true) : undefined));
}

export interface ParallelOptions {
  /** At most this many worker threads (default `defaultWorkers()`); fewer than 2: none. */
  workers?: number;
  /** Fewer seeds to convert than this: no workers (default PARALLEL_MIN_SEEDS). */
  minSeeds?: number;
  /** The worker's module (default worker.ts); a test seam. */
  workerUrl?: URL;
}

/**
 * Seeds to convert below which the conversion stays in this thread. Each worker first loads the
 * converter and warms up (about 0.15–0.35 CPU s), and handing seeds over costs a little more: in
 * paired runs on 2 shared CPUs (README, Benchmarks), 16 to 100 seeds were slower on workers.
 */
export const PARALLEL_MIN_SEEDS = 200;

/**
 * Worker threads by default: one per CPU but one, which this thread keeps for reading, hashing
 * and writing. Each worker costs CPU time of its own (loading, warming up, handing seeds over),
 * won back only if the workers and this thread run at once: on 2 shared CPUs, two workers made
 * 1000 reports take a tenth to a half more CPU time and, in five pairs of six, more wall-clock time (README,
 * Benchmarks), so with fewer than 3 CPUs there are none. The output is the same either way.
 */
export function defaultWorkers(cpus = availableParallelism()): number {
  return cpus - 1;
}

/**
 * `convertAll` on worker threads (scripts/converter/worker.ts, `defaultWorkers`), for
 * corpora where that pays: each seed converts on its own in a worker; this thread reads and
 * hashes the seeds, then takes the results in file order and writes them, so the log lines,
 * outcomes (`onSeed`), outputs and index are the same as `convertAll`'s, in the same order. A
 * seed's error, or an unexpected exception, costs that seed only; a worker that dies costs the
 * seeds it held (each reported as a crash) and the others carry on. Under `PARALLEL_MIN_SEEDS`
 * seeds to convert, with fewer than 2 workers, or with the `convert` seam, it is `convertAll`.
 */
export async function convertAllParallel(options: RunOptions & { parallel?: ParallelOptions }): Promise<RunResult> {
  const { workers: most = defaultWorkers(), minSeeds = PARALLEL_MIN_SEEDS, workerUrl = new URL('./worker.ts', import.meta.url) } = options.parallel ?? {};
  const run = startRun(options);
  const seeds = run.files.map((file) => prepare(run, file));
  const todo = seeds.filter((s): s is Extract<Prepared, { bytes: Uint8Array }> => 'bytes' in s && !s.fresh);
  const workers = Math.min(most, Math.ceil(todo.length / (minSeeds / 2)));
  if (options.convert || todo.length < minSeeds || workers < 2) {
    for (const seed of seeds) settleHere(run, seed, options.convert ?? convertSeed);
    return end(run);
  }
  const pool = new WorkerPool(workerUrl, workers, convertSeed);
  try {
    const pending = new Map(todo.map((seed) => [seed.file, pool.convert(seed.file, seed.bytes, run.manifest[seed.file])]));
    for (const seed of seeds) {
      const result = await pending.get(seed.file);
      settle(run, seed, () => result);
    }
  } finally {
    await pool.close();
  }
  return end(run);
}

/**
 * The state of one run over a seed folder, shared by `convertAll` and `convertAllParallel`:
 * `prepare` reads and hashes a seed (no log line), `settle` records what became of it (log
 * lines, outcome, outputs) in file order, `end` prunes, writes the index and prints the summary.
 */
interface Run {
  readonly options: RunOptions;
  readonly started: number;
  readonly manifest: Manifest;
  readonly indexPath: string;
  /** The entries of the last run's index: the cache. */
  readonly previous: IndexEntry[];
  /** The converter's code hash (`converterHash`). */
  readonly code: string;
  /** The seed files, in order. */
  readonly files: string[];
  readonly result: RunResult;
  readonly entries: IndexEntry[];
  /** Paths this run produced (paths only: keeping the texts would grow memory with the corpus). */
  readonly outputs: Set<string>;
  /** Which seed has taken each slug so far. */
  readonly slugs: Map<string, string>;
  /** Whether each cached slug's outputs were found to be the bytes its index entry records (hashed once a run). */
  readonly intact: Map<string, boolean>;
  /** The committed content (read once, when first needed), null without git. */
  published?: Published | null;
}

/** Read the manifest, the last index and the seed list; make the output folders. */
function startRun(options: RunOptions): Run {
  const { fs, seedsDir, outDir, log } = options;
  const started = performance.now();
  const manifestPath = fs.join(seedsDir, 'manifest.json');
  const manifest: Manifest = fs.existsSync(manifestPath) ? parseManifest(text(fs.readFileSync(manifestPath)), manifestPath) : {};
  const indexPath = fs.join(outDir, 'index.json');
  const result: RunResult = { converted: 0, unchanged: 0, errors: [], failed: 0, warnings: 0, stale: [], seeds: [], removed: [], notices: [] };
  const previous = readIndex(fs, indexPath, (line) => notice(result, log, line));
  const code = converterHash();
  const files = fs.readdirSync(seedsDir).filter(isSeedFile).sort();
  for (const key of Object.keys(manifest)) {
    if (files.includes(key)) continue;
    notice(
      result,
      log,
      `warning ${manifestPath}: entry "${key}" names no seed file (a removed or renamed seed?): remove the entry or rename it to the seed's file name [manifest-orphan]`,
    );
  }
  if (!options.check) {
    fs.mkdirSync(fs.join(outDir, 'reports'), { recursive: true });
    fs.mkdirSync(fs.join(outDir, 'data'), { recursive: true });
  }
  return { options, started, manifest, indexPath, previous, code, files, result, entries: [], outputs: new Set(), slugs: new Map(), intact: new Map() };
}

/** A warning about the run rather than one seed (a damaged index or output, a manifest entry without a seed): logged once, listed, counted. */
function notice(result: RunResult, log: (line: string) => void, line: string): void {
  result.notices.push(line);
  result.warnings++;
  log(line);
}

function outcome(run: Run, o: SeedOutcome): void {
  run.result.seeds.push(o);
  run.options.onSeed?.(o);
}

/** Write an output (or, checking, list it as stale) unless the file already holds `data`. */
function write(run: Run, path: string, data: string | Uint8Array): void {
  const { fs, check } = run.options;
  run.outputs.add(path);
  if (fs.existsSync(path) && same(fs.readFileSync(path), data)) return;
  if (check) run.result.stale.push(path);
  else fs.writeFileSync(path, data);
}

/** A report's outputs: its MDX page and its model. */
function paths(run: Run, slug: string): string[] {
  const { fs, outDir } = run.options;
  return [fs.join(outDir, 'reports', `${slug}.mdx`), fs.join(outDir, 'data', `${slug}.json`)];
}

/** A report's history of changes (changes.ts). */
function historyPath(run: Run, slug: string): string {
  return run.options.fs.join(run.options.outDir, 'changes', `${slug}.json`);
}

/** The committed content, read from git once per run (`gitPublished`), unless the options give it. */
function published(run: Run): Published | null {
  if (run.published === undefined) run.published = run.options.published !== undefined ? run.options.published : (gitPublished(run.options.outDir) ?? null);
  return run.published;
}

/** Whether a cached seed's outputs can be kept as they are: there, and the bytes the index recorded. */
function fresh(run: Run, cached: IndexEntry | undefined): cached is IndexEntry {
  const { force, check } = run.options;
  return !!cached && !force && !check && verified(run, cached);
}

/** Whether a cached seed's outputs are there and are the bytes the index recorded (a damaged one is made again, with a warning). */
function verified(run: Run, cached: IndexEntry): boolean {
  const { fs, log } = run.options;
  const [mdxPath, jsonPath] = paths(run, cached.slug) as [string, string];
  if (!fs.existsSync(mdxPath) || !fs.existsSync(jsonPath)) return false;
  let ok = run.intact.get(cached.slug);
  if (ok === undefined) {
    ok = cached.outputs === outputsDigest(fs.readFileSync(mdxPath), fs.readFileSync(jsonPath));
    run.intact.set(cached.slug, ok);
    if (!ok) notice(run.result, log, `warning ${mdxPath} or ${jsonPath} is not what ${cached.file} was converted to (damaged or edited): converted again`);
  }
  return ok;
}

/** Read and hash a seed: its cache key covers its bytes, the converter's code and its manifest entry. */
function prepare(run: Run, file: string): Prepared {
  const { fs, seedsDir } = run.options;
  const notices: Diagnostic[] = [];
  // Inspected before it is opened: a FIFO would block the read forever (seed-file.ts).
  if (fs.lstatSync && fs.statSync && fs.realpathSync) {
    const checked = inspectSeed(fs as SeedStatFs, seedsDir, file, fs.join(seedsDir, file));
    if (!checked.ok) return { file, rejected: checked.error };
    if (checked.warning) notices.push(checked.warning);
  }
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(fs.join(seedsDir, file));
  } catch (error) {
    return { file, unreadable: (error as NodeJS.ErrnoException).code ?? String(error) };
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const key = createHash('sha256')
    .update(`${sha256}\n${run.code}\n${JSON.stringify(run.manifest[file] ?? {})}`)
    .digest('hex')
    .slice(0, 16);
  const cached = run.previous.find((e) => e.file === file && e.key === key && Array.isArray(e.warnings));
  return { file, bytes, sha256, key, ...(cached ? { cached } : {}), fresh: fresh(run, cached), notices };
}

/** Record a prepared seed; `convert` is called only if it has to be converted. */
function settle(run: Run, seed: Prepared, convert: () => Attempt | undefined): void {
  const { file } = seed;
  if ('unreadable' in seed) return settleUnreadable(run, file, seed.unreadable);
  if ('rejected' in seed) return settleRejected(run, file, seed.rejected);
  const { cached } = seed;
  // Checked again here: an earlier seed of this run may have written the outputs since `prepare`.
  if (fresh(run, cached)) return settleUnchanged(run, file, cached, seed.notices);
  const done = convert()!;
  if (done.kind === 'converted') {
    // Writing and the history are in the seed's error boundary too, as the conversion is.
    try {
      record(run, seed, done);
    } catch (error) {
      fail(run, file, failure(error));
    }
  } else fail(run, file, done);
}

function settleUnreadable(run: Run, file: string, why: string): void {
  const message = `${file}: cannot be read (${why})`;
  const unreadable: Diagnostic = { level: 'error', code: 'unreadable', file, message };
  run.result.errors.push(unreadable);
  run.options.log(`error ${message} [unreadable] — skipped; the other reports still convert`);
  outcome(run, { file, status: 'rejected', line: `error ${message} [unreadable]`, warnings: [], error: unreadable });
}

/** A seed refused before it was read (seed-file.ts: not a regular file, too large, a name too long). */
function settleRejected(run: Run, file: string, rejected: Diagnostic): void {
  run.result.errors.push(rejected);
  run.options.log(`error ${rejected.message} [${rejected.code}] — skipped; the other reports still convert`);
  outcome(run, { file, status: 'rejected', line: `error ${rejected.message} [${rejected.code}]`, warnings: [], error: rejected });
}

/** A seed whose outputs are current: its index entry and outputs are kept, its warnings counted again. */
function settleUnchanged(run: Run, file: string, cached: IndexEntry, notices: Diagnostic[]): void {
  run.entries.push(cached);
  paths(run, cached.slug).forEach((p) => run.outputs.add(p));
  if (run.options.fs.existsSync(historyPath(run, cached.slug))) run.outputs.add(historyPath(run, cached.slug));
  run.slugs.set(cached.slug, file);
  run.result.unchanged++;
  const warnings = [...notices, ...cached.warnings];
  run.result.warnings += warnings.length;
  run.options.log(`${cached.line} (unchanged)`);
  for (const w of notices) run.options.log(`  warning ${w.file}: ${w.message} [${w.code}]`);
  outcome(run, { file, status: 'unchanged', slug: cached.slug, line: cached.line, figures: cached.figures, warnings });
}

function fail(run: Run, file: string, done: Exclude<Attempt, { kind: 'converted' }>): void {
  const { result, options } = run;
  if (done.kind === 'crashed') {
    // A converter bug must not cost the other seeds: one line, the file and the step, no stack.
    const message = `${file}: unexpected ${done.what} in step "${done.step}"`;
    const crash: Diagnostic = { level: 'error', code: 'crash', file, message };
    result.errors.push(crash);
    result.failed++;
    options.log(`error ${message.split('\n')[0]!.slice(0, 300)} [crash] — skipped; the other reports still convert`);
    outcome(run, { file, status: 'failed', line: `error ${message.split('\n')[0]!.slice(0, 300)} [crash]`, warnings: [], error: crash });
    return;
  }
  const diagnostic: Diagnostic = { level: 'error', code: done.code, file: done.file, ...(done.line ? { line: done.line } : {}), message: done.message };
  result.errors.push(diagnostic);
  options.log(`error ${done.message} [${done.code}] — skipped; the other reports still convert`);
  outcome(run, { file, status: 'rejected', line: `error ${done.message} [${done.code}]`, warnings: [], error: diagnostic });
}

/** A converted seed: its slug claimed, its history, page and model written, its log lines and outcome. */
function record(run: Run, { file, sha256, key, notices }: Extract<Prepared, { bytes: Uint8Array }>, done: Extract<Attempt, { kind: 'converted' }>): void {
  const { summary, mdx, json } = done;
  const { slug } = summary;
  const clash = run.slugs.get(slug);
  if (clash) throw new SeedError('slug-clash', file, `slug "${slug}" is already used by ${clash}; set another "slug" in seeds/manifest.json`);
  run.slugs.set(slug, file);
  const [mdxPath, jsonPath] = paths(run, slug);
  const changes = recordHistory(run, slug, sha256, () => done.report ?? (JSON.parse(asText(done.json)) as Report));
  write(run, mdxPath!, mdx);
  write(run, jsonPath!, json);
  const s = summary.stats;
  const headings = s.headings.chapter + s.headings.section + s.headings.subsection;
  const numbers = summary.numbers;
  const line = `${file} → ${slug}: ${s.paragraphs} paragraphs, ${s.notes} notes, ${headings} headings, ${s.figures} key figures, ${numbers} numbers, ${summary.charts} charts, ${summary.warnings.length} warnings`;
  run.options.log(line);
  const warnings = [...notices, ...summary.warnings, ...slugChanged(run, file, slug)];
  for (const w of warnings) run.options.log(`  warning ${w.file}${w.line ? `:${w.line}` : ''}: ${w.message} [${w.code}]`);
  run.result.warnings += warnings.length;
  run.result.converted++;
  run.entries.push({ file, sha256, key, slug, line, warnings: summary.warnings, figures: numbers, outputs: outputsDigest(mdx, json) });
  outcome(run, { file, status: 'converted', slug, line, figures: numbers, warnings, ...(changes ? { changes } : {}) });
}

/**
 * A converted report's history (changes.ts), against the committed content: the committed
 * history, headed by the change from the committed model when the seed is not the committed one;
 * no file when there is no change; left as it is without git. Returns the change in one line.
 */
function recordHistory(run: Run, slug: string, sha256: string, report: () => Report): string | undefined {
  const { fs, outDir, check, log, today } = run.options;
  const path = historyPath(run, slug);
  const current = fs.existsSync(path) ? text(fs.readFileSync(path)) : undefined;
  const pub = published(run);
  if (!pub) {
    if (current !== undefined) run.outputs.add(path);
    return undefined;
  }
  const seedSha = pub.seedSha(slug);
  const { json, change } =
    seedSha === undefined || seedSha === sha256
      ? { json: pub.history(slug), change: undefined }
      : nextHistory({
          committed: pub.model(slug),
          committedHistory: pub.history(slug),
          current,
          after: report(),
          today: today ?? new Date().toISOString().slice(0, 10),
        });
  if (json !== undefined) {
    if (!check) fs.mkdirSync(fs.join(outDir, 'changes'), { recursive: true });
    write(run, path, json);
  }
  if (change) {
    const summary = changeSummary(change);
    log(`  changes since the committed version of ${slug}: ${summary}`);
    return summary;
  }
  if (current !== undefined && current !== json && seedSha !== undefined)
    log(`  no changes since the committed version of ${slug} (its seed is the committed one again)`);
  return undefined;
}

/** The report's address changes: every link to reports/<old>.html breaks. */
function slugChanged(run: Run, file: string, slug: string): Diagnostic[] {
  const before = run.previous.find((e) => e.file === file);
  if (!before || before.slug === slug) return [];
  return [
    {
      level: 'warning',
      code: 'slug-changed',
      file,
      message: `its page moves from reports/${before.slug}.html to reports/${slug}.html (its symbol or slug changed); to keep the old address set "slug": "${before.slug}" in seeds/manifest.json`,
    },
  ];
}

/** Prune the outputs of removed or renamed seeds, write the index and print the summary line. */
function end(run: Run): RunResult {
  const { fs, outDir, check, log } = run.options;
  const { result } = run;
  // Outputs of removed or renamed seeds go away, so content/ mirrors seeds/.
  for (const sub of ['reports', 'data', 'changes']) {
    const dir = fs.join(outDir, sub);
    if (!fs.existsSync(dir)) continue;
    for (const name of fs.readdirSync(dir).sort()) {
      const path = fs.join(dir, name);
      if (run.outputs.has(path)) continue;
      if (sub === 'data' && name.endsWith('.json')) removed(run, name.slice(0, -'.json'.length));
      if (check) result.stale.push(path);
      else fs.rmSync(path, { force: true });
    }
  }
  write(run, run.indexPath, `${JSON.stringify({ converter: run.code, reports: run.entries }, null, 2)}\n`);
  const seconds = ((performance.now() - run.started) / 1000).toFixed(2);
  log(
    `${run.files.length} seeds: ${result.converted} converted, ${result.unchanged} unchanged, ${result.errors.length - result.failed} rejected, ${result.failed} failed, ${result.removed.length} removed, ${result.warnings} warnings (${seconds} s)`,
  );
  return result;
}

/** A report whose model is about to go: said, unless its seed is still here under another page name (`slug-changed` says that). */
function removed(run: Run, slug: string): void {
  const { seedsDir, check, log } = run.options;
  const file = run.previous.find((e) => e.slug === slug)?.file;
  if (file !== undefined && run.files.includes(file) && run.result.seeds.some((o) => o.file === file && o.slug)) return;
  const line = `report removed: ${slug}${file ? ` (its seed ${file} is no longer in ${seedsDir})` : ''}: reports/${slug}.html and its content go${check ? ' once you run `npm run convert`' : ''}`;
  run.result.removed.push({ slug, ...(file ? { file } : {}), line });
  log(line);
}

function text(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes);
}

function asText(data: string | Uint8Array): string {
  return typeof data === 'string' ? data : text(data);
}

/** Whether a file's bytes are `data` (text: as UTF-8). */
function same(current: Uint8Array, data: string | Uint8Array): boolean {
  if (typeof data === 'string') return text(current) === data;
  // Equal bytes are equal text; unequal bytes may still decode alike (a byte-order mark), as text compares them.
  return Buffer.from(current.buffer, current.byteOffset, current.byteLength).equals(data) || text(current) === text(data);
}
