/**
 * What changed between two versions of a report: when a seed is replaced by a corrected or
 * final version, the new model is compared with the one last committed in git (published.ts),
 * and the difference heads the report's history, `content/changes/<slug>.json`. Committing it
 * records it: a clean clone shows the changes git holds and nothing else. Paragraphs are matched by their
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
  /** The day the change was recorded (YYYY-MM-DD): when the new version was converted against the committed one. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
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

/**
 * A report's history, newest first: the changes committed in git, and first, when the seed differs
 * from the committed one, its change against the committed version (not yet committed).
 */
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
export function diffReports(before: Report, after: Report): Omit<VersionChange, 'date'> {
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
export function changeSummary(change: Omit<VersionChange, 'date'>): string {
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

/** Whether a difference has anything in it. */
export function isEmptyChange(change: Omit<VersionChange, 'date'>): boolean {
  const g = (x: VersionChange['paragraphs']) => x.added.length + x.removed.length + x.reworded.length;
  return g(change.paragraphs) + g(change.notes) + change.figures.length + change.meta.length === 0;
}

/** What the history of a report becomes after converting it (`nextHistory`). */
export interface NextHistory {
  /** The history file's text, or undefined when the report has no recorded change (no file). */
  json: string | undefined;
  /** The change against the committed version, when there is one. */
  change?: VersionChange;
}

/**
 * A report's history after converting `after`: the history committed in git, plus (first) its
 * difference from the committed model when the seed is not the committed one. The pending change
 * is always measured against the committed model, so converting after each of three edits
 * records one change, and a seed put back to its committed text records none. It is dated the
 * day it was first recorded (`today`), and keeps that date while it stays the same change.
 * Converting the same seed with a new converter is not a new version. A committed model that
 * no longer reads with the current schema cannot be compared: the committed history stays.
 */
export function nextHistory(input: {
  /** The committed model of the report (text), or undefined when the report is not committed yet. */
  committed: string | undefined;
  /** The committed history file (text), if any. */
  committedHistory: string | undefined;
  /** The history file on disk now (text), if any: its pending change keeps its date. */
  current: string | undefined;
  after: Report;
  /** YYYY-MM-DD. */
  today: string;
}): NextHistory {
  const { committed, committedHistory, current, after, today } = input;
  const recorded = committedHistory ? historySchema.parse(JSON.parse(committedHistory)).versions : [];
  const file = (versions: VersionChange[]) => (versions.length ? `${JSON.stringify({ slug: after.slug, versions }, null, 2)}\n` : undefined);
  if (committed === undefined) return { json: file(recorded) };
  let before: Report;
  try {
    before = reportSchema.parse(JSON.parse(committed));
  } catch {
    return { json: file(recorded) };
  }
  if (before.source.sha256 === after.source.sha256) return { json: file(recorded) };
  const diff = diffReports(before, after);
  if (isEmptyChange(diff)) return { json: file(recorded) };
  const pending = current ? historySchema.safeParse(JSON.parse(current)).data?.versions[0] : undefined;
  const same =
    pending &&
    pending.from.sha256 === diff.from.sha256 &&
    pending.to.sha256 === diff.to.sha256 &&
    !recorded.some((v) => v.to.sha256 === pending.to.sha256 && v.date === pending.date);
  const change: VersionChange = { date: same ? pending.date : today, ...diff };
  return { json: file([change, ...recorded]), change };
}
