/**
 * What changed between two versions of a report (issue 15): when a seed is replaced by a
 * corrected or final version, the new model is compared with the one committed in `content/`
 * and the difference is added to the report's history, `content/changes/<slug>.json`
 * (committed, so the site stays static and reproducible). Paragraphs are matched by their
 * anchor (`p-12`), notes by number, figures by id. Pure functions; run.ts does the file work.
 */
import { z } from 'zod';
import { plainText } from './plain.ts';
import { reportSchema, type Report } from './schema.ts';

const passageSchema = z.object({ id: z.string(), n: z.number().int().optional(), text: z.string() });
const rewordSchema = z.object({ id: z.string(), n: z.number().int().optional(), old: z.string(), new: z.string() });
const figureChangeSchema = z.object({ id: z.string(), block: z.string(), old: z.string().optional(), new: z.string().optional() });

/** The difference between two versions of one report. */
export const versionChangeSchema = z.object({
  /** The seed files compared: the committed version and the new one. */
  from: z.object({ file: z.string(), sha256: z.string() }),
  to: z.object({ file: z.string(), sha256: z.string() }),
  paragraphs: z.object({ added: z.array(passageSchema), removed: z.array(passageSchema), reworded: z.array(rewordSchema) }),
  notes: z.object({ added: z.array(passageSchema), removed: z.array(passageSchema), reworded: z.array(rewordSchema) }),
  /** Numbers the figures step found: added, removed, or printed differently (`723` → `725`). */
  figures: z.array(figureChangeSchema),
  /** Metadata fields whose value changed (`title`, `symbol`, `date` …). */
  meta: z.array(z.object({ field: z.string(), old: z.string().optional(), new: z.string().optional() })),
});
export type VersionChange = z.output<typeof versionChangeSchema>;

/** A report's history: every recorded change, newest first. */
export const historySchema = z.object({ slug: z.string(), versions: z.array(versionChangeSchema) });
export type History = z.output<typeof historySchema>;

type Passage = z.output<typeof passageSchema>;

function passages(report: Report): Map<string, Passage> {
  const out = new Map<string, Passage>();
  for (const b of report.blocks) {
    if (b.type === 'paragraph') out.set(b.id, { id: b.id, ...(b.n === undefined ? {} : { n: b.n }), text: plainText(b.content) });
    else if (b.type === 'list') for (const item of b.items) out.set(item.id, { id: item.id, text: `(${item.label}) ${plainText(item.content)}` });
  }
  return out;
}

function notes(report: Report): Map<string, Passage> {
  return new Map(report.notes.map((n) => [n.id, { id: n.id, n: n.n, text: plainText(n.content) }]));
}

/** Added, removed and reworded passages between two maps keyed by anchor, in the new (or old) order. */
function compare(before: Map<string, Passage>, after: Map<string, Passage>): VersionChange['paragraphs'] {
  const added = [...after.values()].filter((p) => !before.has(p.id));
  const removed = [...before.values()].filter((p) => !after.has(p.id));
  const reworded = [...after.values()].flatMap((p) => {
    const old = before.get(p.id);
    return old && old.text !== p.text ? [{ id: p.id, ...(p.n === undefined ? {} : { n: p.n }), old: old.text, new: p.text }] : [];
  });
  return { added, removed, reworded };
}

const META_FIELDS = ['title', 'titleNote', 'kind', 'symbol', 'date', 'distribution', 'original', 'session', 'summary', 'period'] as const;

/** The difference between the committed model and the new one. */
export function diffReports(before: Report, after: Report): VersionChange {
  const figuresOf = (r: Report) => new Map((r.figures?.values ?? []).map((v) => [v.id, v]));
  const fb = figuresOf(before);
  const fa = figuresOf(after);
  const figures = [
    ...[...fa.values()].flatMap((v) => {
      const old = fb.get(v.id);
      if (old && old.printed === v.printed && old.noun === v.noun) return [];
      return [{ id: v.id, block: v.block, ...(old ? { old: `${old.printed} ${old.noun}` } : {}), new: `${v.printed} ${v.noun}` }];
    }),
    ...[...fb.values()].filter((v) => !fa.has(v.id)).map((v) => ({ id: v.id, block: v.block, old: `${v.printed} ${v.noun}` })),
  ];
  const meta = META_FIELDS.flatMap((field) => {
    const old = before.meta[field];
    const now = after.meta[field];
    return old === now ? [] : [{ field, ...(old === undefined ? {} : { old: String(old) }), ...(now === undefined ? {} : { new: String(now) }) }];
  });
  return {
    from: { file: before.source.file, sha256: before.source.sha256 },
    to: { file: after.source.file, sha256: after.source.sha256 },
    paragraphs: compare(passages(before), passages(after)),
    notes: compare(notes(before), notes(after)),
    figures,
    meta,
  };
}

/** `3 段改写，1 段新增，1 条注释删除`: one line for the build output and the pages. */
export function changeSummary(change: VersionChange): string {
  const parts = [
    [change.paragraphs.reworded.length, '段改写'],
    [change.paragraphs.added.length, '段新增'],
    [change.paragraphs.removed.length, '段删除'],
    [change.notes.reworded.length, '条注释改写'],
    [change.notes.added.length, '条注释新增'],
    [change.notes.removed.length, '条注释删除'],
    [change.figures.length, '个数字变化'],
    [change.meta.length, '项文件信息变化'],
  ] as const;
  const said = parts.filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}`);
  return said.length > 0 ? said.join('，') : '文字未变';
}

/**
 * The new text of the history file after converting `after`, or undefined when there is
 * nothing to record: no committed model, the same seed (a converter change is not a new
 * version), or a committed model that no longer reads with the current schema.
 */
export function updateHistory(
  committedJson: string | undefined,
  after: Report,
  historyJson: string | undefined,
): { json: string; change: VersionChange } | undefined {
  if (committedJson === undefined) return undefined;
  let before: Report;
  try {
    before = reportSchema.parse(JSON.parse(committedJson));
  } catch {
    return undefined;
  }
  if (before.source.sha256 === after.source.sha256) return undefined;
  const history: History = historyJson ? historySchema.parse(JSON.parse(historyJson)) : { slug: after.slug, versions: [] };
  if (history.versions[0]?.to.sha256 === after.source.sha256) return undefined;
  const change = diffReports(before, after);
  const next: History = { slug: after.slug, versions: [change, ...history.versions] };
  return { json: `${JSON.stringify(next, null, 2)}\n`, change };
}

/** A rewording shown as the changed middle between the shared beginning and end. */
export interface Rewording {
  /** Shared text before the change, cut to its last `context` characters (`…` when cut). */
  before: string;
  removed: string;
  added: string;
  after: string;
}

/**
 * Where two wordings differ: the longest shared prefix and suffix are kept as context around
 * the one changed span, so a reader sees `…人权高专办<del></del><ins>（修订本）</ins>为庆祝…`
 * instead of two whole paragraphs.
 */
export function rewording(old: string, now: string, context = 24): Rewording {
  const a = [...old];
  const b = [...now];
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end += 1;
  const head = a.slice(0, start);
  const tail = a.slice(a.length - end);
  return {
    before: (head.length > context ? '…' : '') + head.slice(-context).join(''),
    removed: a.slice(start, a.length - end).join(''),
    added: b.slice(start, b.length - end).join(''),
    after: tail.slice(0, context).join('') + (tail.length > context ? '…' : ''),
  };
}
