/**
 * One seed's conversion in its own error boundary, as the run records it: the outputs and what
 * the log needs of the model, or the input problem, or the converter bug and the step it came
 * from. Plain data, so that it crosses from a worker thread (workers.ts) unchanged.
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SeedError } from './errors.ts';
import type { ManifestEntry } from '../model/manifest.ts';
import type { Converted } from './pipeline.ts';
import type { Diagnostic, Report } from '../model/schema.ts';

/**
 * What one seed's conversion gave, in a form that crosses a thread boundary: the outputs and
 * what the log needs of the model, or the input problem (SeedError), or the unexpected exception
 * (a converter bug) as its text and the step it came from. `attempt` makes it, in this thread
 * or in a worker (worker.ts).
 */
export type Attempt =
  /** The outputs as text, or (from a worker) as UTF-8 bytes, which cross threads without a copy. */
  | { kind: 'converted'; summary: Summary; mdx: string | Uint8Array; json: string | Uint8Array; report?: Report }
  | { kind: 'rejected'; code: string; file: string; line?: number; message: string }
  | { kind: 'crashed'; what: string; step: string };

/** What the run needs of a converted model besides its outputs (the whole model only for a replaced seed's history). */
export interface Summary {
  slug: string;
  stats: Report['stats'];
  numbers: number;
  charts: number;
  warnings: Diagnostic[];
}

export type Convert = (file: string, bytes: Uint8Array, manifest?: ManifestEntry) => Converted;

/** Convert one seed inside an error boundary; `keepReport` keeps the model itself (not sent across threads). */
export function attempt(convert: Convert, file: string, bytes: Uint8Array, manifest: ManifestEntry | undefined, keepReport: boolean): Attempt {
  try {
    const { report, mdx, json } = convert(file, bytes, manifest);
    const summary: Summary = {
      slug: report.slug,
      stats: report.stats,
      numbers: report.figures?.values.length ?? 0,
      charts: report.figures?.charts.length ?? 0,
      warnings: report.warnings,
    };
    return { kind: 'converted', summary, mdx, json, ...(keepReport ? { report } : {}) };
  } catch (error) {
    return failure(error);
  }
}

/** An exception as an attempt's outcome: a SeedError rejects the seed, anything else is a converter bug. */
export function failure(error: unknown): Exclude<Attempt, { kind: 'converted' }> {
  if (error instanceof SeedError)
    return { kind: 'rejected', code: error.code, file: error.file, ...(error.line ? { line: error.line } : {}), message: error.message };
  return { kind: 'crashed', what: error instanceof Error ? `${error.name}: ${error.message}` : String(error), step: stepOf(error) };
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
