/**
 * `npm run realdocs -- --dir .realdocs`: how well the converter reads real documents it has never
 * seen. The folder holds `<name>.txt` (a document's opening as a maintainer receives it) and
 * `<name>.expect.json` (what a correct conversion gives, written down before converting it). The
 * folder stays out of git (real text); this scorer and the list of symbols may be committed.
 *
 * Each key of an expectation file is one check (see `check` below for the keys). Prints each
 * failed check with what was expected and what came out, the warnings the converter gave for that
 * document (a failure the build warns about is not a silent one), then checks passed / total and
 * documents fully right, by kind. `--json FILE` writes the same as data; `--list` prints the
 * symbols only.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCli } from '../util/cli.ts';
import { convertSeed } from '../converter/pipeline.ts';
import type { Inline, Report } from '../model/schema.ts';
import { reportInlines } from '../model/inline.ts';

/** What a correct conversion of one document gives; every key is optional and is one check. */
export interface Expectation {
  /** Document kind (`concluding-observations`, `resolution`, `views` …). */
  kind?: string;
  /** Meta fields compared whole (whitespace and the width of punctuation ignored). */
  title?: string;
  symbol?: string;
  date?: string;
  original?: string;
  body?: string;
  session?: string;
  author?: string;
  speaker?: string;
  occasion?: string;
  place?: string;
  distribution?: string;
  /** Meta fields that must contain the given text. */
  titleNoteIncludes?: string;
  treatyIncludes?: string;
  adoptionIncludes?: string;
  summaryIncludes?: string;
  /** Every one of these among meta.symbols. */
  symbols?: string[];
  agendaItems?: string[];
  /** The numbers of the first numbered paragraphs, in order. */
  paragraphs?: number[];
  /** The printed numbers of the first numbered paragraphs (`1`, `2.1`), in order. */
  paragraphLabels?: string[];
  /** How given numbered paragraphs begin (by their first number). */
  paragraphStarts?: Record<string, string>;
  /** The first headings, label and text, in order. */
  headings?: string[];
  /** Symbols that must be linked somewhere (document or resolution links). */
  links?: string[];
  /** Symbols that must not be linked (a wrong series). */
  notLinks?: string[];
  /** Number of notes. */
  notes?: number;
  /** Label/value fields of the cover table (Views on communications: 提交人, 所涉缔约国 …). */
  fields?: Record<string, string>;
  /** Text that must be on the page (blocks, notes or shown meta), e.g. a label the page must not lose. */
  shown?: string[];
  /** Warning codes the build must give (where the right outcome is a precise warning). */
  warns?: string[];
  /** Free-text remark for the reader of the set; not checked. */
  remark?: string;
}

export interface CheckResult {
  key: string;
  ok: boolean;
  expected: unknown;
  actual: unknown;
}

export interface DocResult {
  name: string;
  kind: string;
  checks: CheckResult[];
  warnings: string[];
  error?: string;
}

const WIDE: Record<string, string> = { '（': '(', '）': ')', '：': ':', '；': ';', '，': ',', '．': '.', '［': '[', '］': ']', '！': '!', '？': '?' };

/** Compare text as a reader would: no whitespace, punctuation of either width. */
export function norm(s: string | undefined): string {
  return (s ?? '').replace(/\s+/g, '').replace(/[（）：；，．［］！？]/g, (c) => WIDE[c] ?? c);
}

function text(content: Inline[]): string {
  return content.map((i) => ('value' in i ? i.value : 'text' in i ? i.text : '')).join('');
}

/** Every text a reader sees on the page: blocks, notes and the meta fields the page shows. */
function pageText(report: Report): string {
  const parts: string[] = [];
  for (const b of report.blocks) {
    if (b.type === 'heading') parts.push(b.label + text(b.content));
    else if (b.type === 'paragraph') parts.push(text(b.content));
    else if (b.type === 'list') for (const item of b.items) parts.push(item.label + text(item.content));
    else parts.push(b.value + b.caption);
  }
  for (const n of report.notes) parts.push(text(n.content));
  const m = report.meta as Record<string, unknown>;
  for (const v of Object.values(m)) {
    if (typeof v === 'string') parts.push(v);
    else if (Array.isArray(v)) for (const x of v) parts.push(typeof x === 'string' ? x : JSON.stringify(x));
  }
  return norm(parts.join('\n'));
}

/** Run every check of one expectation against one converted report. */
export function check(expect: Expectation, report: Report): CheckResult[] {
  const out: CheckResult[] = [];
  const meta = report.meta as Record<string, unknown>;
  const push = (key: string, ok: boolean, expected: unknown, actual: unknown) => out.push({ key, ok, expected, actual });
  const paragraphs = report.blocks.filter((b) => b.type === 'paragraph' && b.n !== undefined) as Extract<Report['blocks'][number], { type: 'paragraph' }>[];
  const headings = report.blocks.filter((b) => b.type === 'heading') as Extract<Report['blocks'][number], { type: 'heading' }>[];
  const linked = new Set(reportInlines(report).flatMap((i) => (i.type === 'doc' ? [i.symbol] : [])));
  for (const [key, value] of Object.entries(expect)) {
    if (key === 'remark') continue;
    switch (key) {
      case 'kind':
      case 'title':
      case 'symbol':
      case 'date':
      case 'original':
      case 'body':
      case 'session':
      case 'author':
      case 'speaker':
      case 'occasion':
      case 'place':
      case 'distribution': {
        const actual = meta[key] as string | undefined;
        push(key, norm(actual) === norm(value as string), value, actual);
        break;
      }
      case 'titleNoteIncludes':
      case 'treatyIncludes':
      case 'adoptionIncludes':
      case 'summaryIncludes': {
        const field = key.replace('Includes', '');
        const actual = meta[field] as string | undefined;
        push(key, actual !== undefined && norm(actual).includes(norm(value as string)), value, actual);
        break;
      }
      case 'symbols': {
        const actual = report.meta.symbols;
        push(
          key,
          (value as string[]).every((s) => actual.includes(s)),
          value,
          actual,
        );
        break;
      }
      case 'agendaItems': {
        const actual = report.meta.agendaItems;
        push(key, JSON.stringify(actual) === JSON.stringify(value), value, actual);
        break;
      }
      case 'paragraphs': {
        const want = value as number[];
        const actual = paragraphs.slice(0, want.length + 2).map((p) => p.n);
        push(key, JSON.stringify(actual.slice(0, want.length)) === JSON.stringify(want), want, actual);
        break;
      }
      case 'paragraphLabels': {
        const want = value as string[];
        const actual = paragraphs.slice(0, want.length).map((p) => p.label ?? String(p.n));
        push(key, JSON.stringify(actual) === JSON.stringify(want), want, actual);
        break;
      }
      case 'paragraphStarts': {
        const wrong: string[] = [];
        for (const [n, start] of Object.entries(value as Record<string, string>)) {
          const p = paragraphs.find((x) => x.n === Number(n));
          if (!p || !norm(text(p.content)).startsWith(norm(start))) wrong.push(`${n}: ${p ? text(p.content).slice(0, 30) : '(none)'}`);
        }
        push(key, !wrong.length, value, wrong);
        break;
      }
      case 'headings': {
        const want = (value as string[]).map(norm);
        const actual = headings.slice(0, want.length).map((h) => norm(h.label + text(h.content)));
        push(key, JSON.stringify(actual) === JSON.stringify(want), value, actual);
        break;
      }
      case 'links': {
        const missing = (value as string[]).filter((s) => !linked.has(s));
        push(key, !missing.length, value, missing.length ? { missing, linked: [...linked] } : 'all linked');
        break;
      }
      case 'notLinks': {
        const present = (value as string[]).filter((s) => linked.has(s));
        push(key, !present.length, value, present);
        break;
      }
      case 'notes':
        push(key, report.notes.length === value, value, report.notes.length);
        break;
      case 'fields': {
        const fields = (meta.fields as { label: string; value: string }[] | undefined) ?? [];
        const wrong = Object.entries(value as Record<string, string>).filter(
          ([label, v]) => !fields.some((f) => norm(f.label) === norm(label) && norm(f.value) === norm(v)),
        );
        push(key, !wrong.length, value, fields);
        break;
      }
      case 'shown': {
        const page = pageText(report);
        const missing = (value as string[]).filter((s) => !page.includes(norm(s)));
        push(key, !missing.length, value, missing);
        break;
      }
      case 'warns': {
        const codes = report.warnings.map((w) => w.code);
        const missing = (value as string[]).filter((c) => !codes.includes(c));
        push(key, !missing.length, value, codes);
        break;
      }
      default:
        push(key, false, value, `unknown expectation key "${key}"`);
    }
  }
  return out;
}

/** Convert and score every `<name>.txt` that has a `<name>.expect.json` in `dir`. */
export function scoreDir(dir: string): DocResult[] {
  const results: DocResult[] = [];
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith('.expect.json')) continue;
    const name = file.slice(0, -'.expect.json'.length);
    const expect = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Expectation;
    const kind = expect.kind ?? 'report';
    try {
      const { report } = convertSeed(`${name}.txt`, readFileSync(join(dir, `${name}.txt`)));
      results.push({ name, kind, checks: check(expect, report), warnings: report.warnings.map((w) => `${w.line ?? '-'} ${w.code}: ${w.message}`) });
    } catch (error) {
      const checks = Object.keys(expect)
        .filter((k) => k !== 'remark')
        .map((key) => ({ key, ok: false, expected: (expect as Record<string, unknown>)[key], actual: 'conversion failed' }));
      results.push({ name, kind, checks, warnings: [], error: String(error) });
    }
  }
  return results;
}

function summary(results: DocResult[]): string {
  const lines: string[] = [];
  const checks = results.flatMap((r) => r.checks);
  const passed = checks.filter((c) => c.ok).length;
  const right = results.filter((r) => !r.error && r.checks.every((c) => c.ok)).length;
  const byKind = new Map<string, DocResult[]>();
  for (const r of results) byKind.set(r.kind, [...(byKind.get(r.kind) ?? []), r]);
  for (const [kind, rs] of [...byKind].sort()) {
    const c = rs.flatMap((r) => r.checks);
    lines.push(
      `  ${kind.padEnd(26)} ${String(rs.length).padStart(3)} docs  ${c.filter((x) => x.ok).length}/${c.length} checks  ${rs.filter((r) => r.checks.every((x) => x.ok)).length} fully right`,
    );
  }
  lines.push(
    `checks passed ${passed}/${checks.length} (${((100 * passed) / Math.max(1, checks.length)).toFixed(1)} %), documents fully right ${right}/${results.length}`,
  );
  return lines.join('\n');
}

if (import.meta.main) {
  const { values } = parseCli('npm run realdocs -- --dir DIR [--json FILE] [--quiet] [--list]', {
    options: {
      dir: { type: 'string', default: '.realdocs' },
      json: { type: 'string' },
      quiet: { type: 'boolean', default: false },
      list: { type: 'boolean', default: false },
    },
  });
  if (values.list) {
    for (const file of readdirSync(values.dir).sort()) if (file.endsWith('.expect.json')) console.log(file.slice(0, -'.expect.json'.length));
    process.exit(0);
  }
  const results = scoreDir(values.dir);
  if (!values.quiet) {
    for (const r of results) {
      const failed = r.checks.filter((c) => !c.ok);
      if (!failed.length && !r.error) continue;
      console.log(`✗ ${r.name} (${r.kind}) ${r.checks.length - failed.length}/${r.checks.length}${r.error ? `  ERROR ${r.error}` : ''}`);
      for (const c of failed) console.log(`    ${c.key}: expected ${JSON.stringify(c.expected)}\n      got ${JSON.stringify(c.actual)}`);
      for (const w of r.warnings) console.log(`    warning ${w}`);
    }
  }
  console.log(summary(results));
  if (values.json) writeFileSync(values.json, `${JSON.stringify(results, null, 2)}\n`);
}
