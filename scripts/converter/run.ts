/**
 * Converting a whole seed folder: caching by content hash, writing, pruning, diagnostics.
 * File-system access comes in through `fs` so that the CLI stays thin and this stays testable.
 */
import { createHash } from 'node:crypto';
import { dirname, join as joinPath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeKey } from '../build/modules.ts';
import { changeSummary, updateHistory } from './changes.ts';
import { SeedError } from './errors.ts';
import { parseManifest, type Manifest, type ManifestEntry } from './manifest.ts';
import { convertSeed, type Converted } from './pipeline.ts';
import type { Diagnostic } from './schema.ts';

export interface RunFs {
  existsSync(path: string): boolean;
  mkdirSync(path: string, options: { recursive: true }): unknown;
  readdirSync(path: string): string[];
  readFileSync(path: string): Uint8Array;
  rmSync(path: string, options?: { force: true }): void;
  writeFileSync(path: string, data: string): void;
  join(...parts: string[]): string;
}

export interface RunOptions {
  seedsDir: string;
  outDir: string;
  force?: boolean;
  /** Compare instead of writing; stale outputs are listed in the result. */
  check?: boolean;
  fs: RunFs;
  log: (line: string) => void;
  /** The conversion of one seed; a test seam (defaults to `convertSeed`). */
  convert?: (file: string, bytes: Uint8Array, manifest?: ManifestEntry) => Converted;
  /** Called once per seed with what became of it, as it happens (the build's progress). */
  onSeed?: (outcome: SeedOutcome) => void;
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
}

interface IndexEntry {
  file: string;
  sha256: string;
  key: string;
  slug: string;
  line: string;
  warnings: Diagnostic[];
  figures: number;
}

/**
 * Hash of the converter's own code: a change to it reconverts every seed. The code is what the
 * pipeline and this runner import, followed through the module graph (scripts/build/modules.ts):
 * every module, the data files they import (country names) and the packages' versions.
 */
export function converterHash(): string {
  const here = fileURLToPath(import.meta.url);
  return codeKey([here, joinPath(dirname(here), 'pipeline.ts')]).slice(0, 16);
}

export function convertAll(options: RunOptions): RunResult {
  const { fs, seedsDir, outDir, log } = options;
  const started = performance.now();
  const manifestPath = fs.join(seedsDir, 'manifest.json');
  const manifest: Manifest = fs.existsSync(manifestPath) ? parseManifest(text(fs.readFileSync(manifestPath)), manifestPath) : {};
  const indexPath = fs.join(outDir, 'index.json');
  const previous: IndexEntry[] = fs.existsSync(indexPath) ? JSON.parse(text(fs.readFileSync(indexPath))).reports : [];
  const code = converterHash();
  const files = fs
    .readdirSync(seedsDir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  for (const key of Object.keys(manifest)) {
    if (!files.includes(key)) log(`warning ${manifestPath}: entry "${key}" names no seed file`);
  }

  const convert = options.convert ?? convertSeed;
  const result: RunResult = { converted: 0, unchanged: 0, errors: [], failed: 0, warnings: 0, stale: [], seeds: [] };
  const outcome = (o: SeedOutcome) => {
    result.seeds.push(o);
    options.onSeed?.(o);
  };
  const entries: IndexEntry[] = [];
  /** Paths this run produced (paths only: keeping the texts would grow memory with the corpus). */
  const outputs = new Set<string>();
  const slugs = new Map<string, string>();
  const write = (path: string, data: string) => {
    outputs.add(path);
    const current = fs.existsSync(path) ? text(fs.readFileSync(path)) : undefined;
    if (current === data) return;
    if (options.check) result.stale.push(path);
    else fs.writeFileSync(path, data);
  };
  if (!options.check) {
    fs.mkdirSync(fs.join(outDir, 'reports'), { recursive: true });
    fs.mkdirSync(fs.join(outDir, 'data'), { recursive: true });
  }

  for (const file of files) {
    let bytes: Uint8Array;
    try {
      bytes = fs.readFileSync(fs.join(seedsDir, file));
    } catch (error) {
      const message = `${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`;
      const unreadable: Diagnostic = { level: 'error', code: 'unreadable', file, message };
      result.errors.push(unreadable);
      log(`error ${message} [unreadable] — skipped; the other reports still convert`);
      outcome({ file, status: 'rejected', line: `error ${message} [unreadable]`, warnings: [], error: unreadable });
      continue;
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const key = createHash('sha256')
      .update(`${sha256}\n${code}\n${JSON.stringify(manifest[file] ?? {})}`)
      .digest('hex')
      .slice(0, 16);
    const cached = previous.find((e) => e.file === file && e.key === key && Array.isArray(e.warnings));
    const paths = (slug: string) => [fs.join(outDir, 'reports', `${slug}.mdx`), fs.join(outDir, 'data', `${slug}.json`)];
    if (cached && !options.force && !options.check && paths(cached.slug).every((p) => fs.existsSync(p))) {
      entries.push(cached);
      paths(cached.slug).forEach((p) => outputs.add(p));
      slugs.set(cached.slug, file);
      result.unchanged++;
      result.warnings += cached.warnings.length;
      log(`${cached.line} (unchanged)`);
      outcome({ file, status: 'unchanged', slug: cached.slug, line: cached.line, figures: cached.figures, warnings: cached.warnings });
      continue;
    }
    try {
      const { report, mdx, json } = convert(file, bytes, manifest[file]);
      const clash = slugs.get(report.slug);
      if (clash) throw new SeedError('slug-clash', file, `slug "${report.slug}" is already used by ${clash}; set another "slug" in seeds/manifest.json`);
      slugs.set(report.slug, file);
      const [mdxPath, jsonPath] = paths(report.slug);
      // A replaced seed: its difference from the committed model goes into content/changes/ (changes.ts).
      const historyPath = fs.join(outDir, 'changes', `${report.slug}.json`);
      const read = (path: string) => (fs.existsSync(path) ? text(fs.readFileSync(path)) : undefined);
      const history = updateHistory(read(jsonPath!), report, read(historyPath));
      const changes = history ? changeSummary(history.change) : undefined;
      if (history) {
        if (!options.check) fs.mkdirSync(fs.join(outDir, 'changes'), { recursive: true });
        write(historyPath, history.json);
        log(`  changes since the committed version of ${report.slug}: ${changes}`);
      }
      write(mdxPath!, mdx);
      write(jsonPath!, json);
      const s = report.stats;
      const headings = s.headings.chapter + s.headings.section + s.headings.subsection;
      const numbers = report.figures?.values.length ?? 0;
      const charts = report.figures?.charts.length ?? 0;
      const line = `${file} → ${report.slug}: ${s.paragraphs} paragraphs, ${s.notes} notes, ${headings} headings, ${s.figures} key figures, ${numbers} numbers, ${charts} charts, ${report.warnings.length} warnings`;
      log(line);
      const warnings = [...report.warnings];
      const before = previous.find((e) => e.file === file);
      if (before && before.slug !== report.slug) {
        // The report's address changes: every link to reports/<old>.html breaks.
        warnings.push({
          level: 'warning',
          code: 'slug-changed',
          file,
          message: `its page moves from reports/${before.slug}.html to reports/${report.slug}.html (its symbol or slug changed); to keep the old address set "slug": "${before.slug}" in seeds/manifest.json`,
        });
      }
      for (const w of warnings) log(`  warning ${w.file}${w.line ? `:${w.line}` : ''}: ${w.message} [${w.code}]`);
      result.warnings += warnings.length;
      result.converted++;
      entries.push({ file, sha256, key, slug: report.slug, line, warnings: report.warnings, figures: numbers });
      outcome({ file, status: 'converted', slug: report.slug, line, figures: numbers, warnings, ...(changes ? { changes } : {}) });
    } catch (error) {
      if (!(error instanceof SeedError)) {
        // A converter bug must not cost the other seeds: one line, the file and the step, no stack.
        const step = stepOf(error);
        const message = `${file}: unexpected ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)} in step "${step}"`;
        const crash: Diagnostic = { level: 'error', code: 'crash', file, message };
        result.errors.push(crash);
        result.failed++;
        log(`error ${message.split('\n')[0]!.slice(0, 300)} [crash] — skipped; the other reports still convert`);
        outcome({ file, status: 'failed', line: `error ${message.split('\n')[0]!.slice(0, 300)} [crash]`, warnings: [], error: crash });
        continue;
      }
      const diagnostic: Diagnostic = {
        level: 'error',
        code: error.code,
        file: error.file,
        ...(error.line ? { line: error.line } : {}),
        message: error.message,
      };
      result.errors.push(diagnostic);
      log(`error ${error.message} [${error.code}] — skipped; the other reports still convert`);
      outcome({ file, status: 'rejected', line: `error ${error.message} [${error.code}]`, warnings: [], error: diagnostic });
    }
  }

  // Outputs of removed or renamed seeds go away, so content/ mirrors seeds/.
  for (const sub of ['reports', 'data']) {
    const dir = fs.join(outDir, sub);
    if (!fs.existsSync(dir)) continue;
    for (const name of fs.readdirSync(dir).sort()) {
      const path = fs.join(dir, name);
      if (outputs.has(path)) continue;
      if (options.check) result.stale.push(path);
      else fs.rmSync(path, { force: true });
    }
  }
  write(indexPath, `${JSON.stringify({ converter: code, reports: entries }, null, 2)}\n`);

  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  log(
    `${files.length} seeds: ${result.converted} converted, ${result.unchanged} unchanged, ${result.errors.length - result.failed} rejected, ${result.failed} failed, ${result.warnings} warnings (${seconds} s)`,
  );
  return result;
}

/**
 * The pipeline step an unexpected exception came from: the innermost stack frame in the
 * converter's folder (`figures/mentions.ts` → `figures/mentions`), else `convert`.
 */
export function stepOf(error: unknown): string {
  const dir = dirname(fileURLToPath(import.meta.url));
  const stack = error instanceof Error ? (error.stack ?? '') : '';
  for (const line of stack.split('\n')) {
    const at = line.indexOf(dir);
    if (at < 0) continue;
    const m = /^[\\/]([\w/\\.-]+?)\.ts:/.exec(line.slice(at + dir.length));
    if (m) return m[1]!.replace(/\\/g, '/');
  }
  return 'convert';
}

function text(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes);
}
