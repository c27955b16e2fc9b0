/**
 * Step 4 — the cover page and title block: the lines before the report body → metadata stated
 * by the text (docs/un-document-anatomy.md, "Cover page").
 *
 * UN documents print, in order: organ and body, symbol(s), distribution, date, languages (often
 * two columns that extraction merges on one line: `大 会 Distr.: General`), session, session
 * dates, agenda items and their titles, the title (maybe with a `*` note), who reports
 * (`…的报告`), then `概要` and the summary. A field is recognised by its own shape, so the same
 * fields come out whether or not blank lines separate them. Lines that are no field are the title
 * (and agenda titles before it); what is left over comes back as `rest`, to be shown as text.
 * The fields of one line are read by constructs/cover-fields.ts, the free text in units by
 * constructs/cover-units.ts, the summary by constructs/summary.ts.
 */
import type { Token, TextLine } from '../clean.ts';
import { keep, type Ledger } from '../ledger.ts';
import { bodyRank, readFields, TREATY, type FrontMeta } from './cover-fields.ts';
import { AUTHOR, isProse, joinUnit, takeUnit, unitsOf, type Field, type Unit } from './cover-units.ts';
import { readSummary } from './summary.ts';

export type { FrontMeta };

export interface Front {
  meta: FrontMeta;
  /** The official-records note: its heading (`说明`) and text, shown before the body. */
  explanatory: TextLine[];
  /** Cover lines that are no field and not the title: kept as text before the body. */
  rest: TextLine[];
}

const SUMMARY = /^(?:概\s*要|摘\s*要)$/;
/** The official-records note heading (`说明`): what follows it is text, never the title. */
const NOTE_HEADING = /^说\s*明$/;
const RESOLUTION = /^(\d{1,3}\/\d{1,4})\s*[.．]\s*\S/;

export function readFront(tokens: Token[], ledger: Ledger): Front {
  const meta: FrontMeta = { agendaItems: [], agendaTitles: [], symbols: [] };
  const { items, summary } = readLines(tokens, meta, ledger);
  // Free text: runs of lines between fields (or blank lines) are units; wrapped lines join.
  const { units, explanatory } = withoutExplanatory(unitsOf(items));
  const rest = readTitleBlock(withoutTreaty(units, meta, ledger), meta, ledger);
  if (summary !== undefined) readSummary(summary, meta, ledger);
  rest.sort((a, b) => a.no - b.no);
  return { meta, rest, explanatory };
}

/** Each cover line read for its fields, up to `概要`; the lines after it (blank lines as `'gap'`) are the summary. */
function readLines(tokens: Token[], meta: FrontMeta, ledger: Ledger): { items: (Field | 'gap')[]; summary?: (TextLine | 'gap')[] } {
  const items: (Field | 'gap')[] = [];
  let summary: (TextLine | 'gap')[] | undefined;
  for (const t of tokens) {
    if (summary) {
      summary.push(t.kind === 'line' ? t : 'gap');
      continue;
    }
    if (t.kind !== 'line') {
      items.push('gap');
      continue;
    }
    if (SUMMARY.test(t.text)) {
      keep(ledger, t.no, t.text);
      summary = [];
      continue;
    }
    const free = readFields(t, meta, ledger);
    items.push(free === undefined ? { line: t, kind: 'field' } : { line: t, kind: 'free', text: free });
  }
  return summary ? { items, summary } : { items };
}

const asLines = (unit: Unit[]): TextLine[] => unit.map((u) => ({ ...u.line, text: u.text }));

/** The official-records note (`说明` and its text) is text, never a title. */
function withoutExplanatory(units: Unit[][]): { units: Unit[][]; explanatory: TextLine[] } {
  const noteAt = units.findIndex((u) => u.length === 1 && NOTE_HEADING.test(u[0]!.text));
  if (noteAt < 0) return { units, explanatory: [] };
  return { units: units.slice(0, noteAt), explanatory: units.slice(noteAt).flatMap(asLines) };
}

/** A treaty name the layout wrapped over lines. */
function withoutTreaty(units: Unit[][], meta: FrontMeta, ledger: Ledger): Unit[][] {
  return units.filter((u) => {
    const text = joinUnit(u);
    if (meta.treaty || !TREATY.test(text)) return true;
    meta.treaty = takeUnit(u, ledger);
    return false;
  });
}

/** The title, the author line and the agenda titles among the free units; returns the lines that are none (`rest`). */
function readTitleBlock(units: Unit[][], meta: FrontMeta, ledger: Ledger): TextLine[] {
  const rest: TextLine[] = [];
  const toRest = (unit: Unit[]) => rest.push(...asLines(unit));
  // An annual report's title is printed as body, session and `报告` on lines of their own.
  const reportAt = units.findIndex((u) => u.length === 1 && /^报\s*告$/.test(u[0]!.text));
  if (reportAt >= 0 && meta.body) {
    takeUnit(units[reportAt]!, ledger);
    meta.title = `${meta.body}${meta.session ?? ''}报告`;
    units.splice(reportAt, 1);
  }
  splitHeadUnits(units, meta);
  const authorNow = units.findLastIndex((u) => u.length === 1 && AUTHOR.test(u[0]!.text));
  let titleAt = meta.title ? -1 : authorNow > 0 ? authorNow - 1 : authorNow < 0 ? units.findLastIndex((u) => !isProse(u)) : -1;
  if (authorNow >= 0) meta.author = takeUnit(units[authorNow]!, ledger).replace(/\s*\*$/, '');
  // A title that only says who reports (`联合国人权事务高级专员的报告`) is the title too.
  if (titleAt < 0 && !meta.title && meta.author) meta.title = meta.author;
  if (titleAt >= 0) {
    readTitle(units[titleAt]!, meta, ledger);
    const agendaCount = meta.agendaItems.length;
    units.slice(0, titleAt).forEach((unit, i) => {
      if (i < agendaCount || (agendaCount && !isProse(unit))) meta.agendaTitles.push(takeUnit(unit, ledger));
      else toRest(unit);
    });
  } else {
    titleAt = authorNow;
    units.slice(0, Math.max(0, authorNow)).forEach(toRest);
  }
  units.slice(Math.max(titleAt, authorNow) + 1).forEach(toRest);
  return rest;
}

/** Agenda titles and the title, each on one line with nothing between them: split what the wrap heuristic joined. */
function splitHeadUnits(units: Unit[][], meta: FrontMeta): void {
  const authorAt = units.findLastIndex((u) => u.length === 1 && AUTHOR.test(u[0]!.text));
  const wanted = meta.agendaItems.length + 1;
  const headEnd = authorAt >= 0 ? authorAt : units.length;
  while (!meta.title && units.slice(0, headEnd).filter((u) => !isProse(u)).length < wanted) {
    const at = units.slice(0, headEnd).findLastIndex((u) => u.length > 1);
    if (at < 0) break;
    const unit = units[at]!;
    units.splice(at, 1, unit.slice(0, -1), unit.slice(-1));
  }
}

/** The title unit: `78/215．标题` gives the resolution number; a committee's `第…届会议报告` gets its name. */
function readTitle(unit: Unit[], meta: FrontMeta, ledger: Ledger): void {
  const title = takeUnit(unit, ledger);
  const res = RESOLUTION.exec(title);
  if (res) meta.resolutionNumber = res[1]!;
  // `78/215．标题`: the number is the resolution's symbol, the rest its title.
  meta.title = title.replace(/\s*\*+$/, '').replace(/^\d{1,3}\/\d{1,4}\s*[.．]\s*/, '');
  // `第七十七届会议报告` under a committee's name: the committee's report.
  if (/^第.{1,24}届.{0,10}会议(?:的)?报告$/.test(meta.title) && meta.body && bodyRank(meta.body) === 3) meta.title = `${meta.body}${meta.title}`;
}
