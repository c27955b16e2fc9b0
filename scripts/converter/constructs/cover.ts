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
import { bodyRank, LABEL_ALONE, labelValue, ONE_DAY, readFields, STATEMENT_LABEL, TREATY, type FrontMeta } from './cover-fields.ts';
import type { DraftDiagnostic } from '../draft.ts';
import { joinLines } from '../join.ts';
import { AUTHOR, isProse, joinUnit, NUMBERED_TITLE, takeUnit, unitsOf, type Field, type Unit } from './cover-units.ts';
import { readSummary } from './summary.ts';

export type { FrontMeta };

export interface Front {
  meta: FrontMeta;
  /** The official-records note: its heading (`说明`) and text, shown before the body. */
  explanatory: TextLine[];
  /** Cover lines that are no field and not the title: kept as text before the body. */
  rest: TextLine[];
  /** What the cover could not read as it expected (a summary label with no summary). */
  diagnostics: DraftDiagnostic[];
}

const SUMMARY = /^(?:概\s*要|摘\s*要|内\s*容\s*提\s*要)$/;
/** The official-records note heading (`说明`): what follows it is text, never the title. */
const NOTE_HEADING = /^说\s*明$/;

export function readFront(tokens: Token[], ledger: Ledger): Front {
  const meta: FrontMeta = { agendaItems: [], agendaTitles: [], symbols: [] };
  const loneDates = new Set(tokens.flatMap((t) => (t.kind === 'line' && ONE_DAY.test(t.text) ? [t.text.replace(/\s+/g, '')] : [])));
  meta.oneLoneDate = loneDates.size === 1;
  const diagnostics: DraftDiagnostic[] = [];
  const { items, summary, summaryLine } = readLines(tokens, meta, ledger);
  // Free text: runs of lines between fields (or blank lines) are units; wrapped lines join.
  const { units, explanatory } = withoutExplanatory(unitsOf(items));
  const rest = readTitleBlock(withoutTreaty(units, meta, ledger), meta, ledger);
  if (summary !== undefined) readSummary(summary, meta, ledger);
  // The label `概要` heads the summary on the page; with no summary after it (the text under it
  // is the body), it is text before the body, never a label kept and shown nowhere.
  if (summaryLine && meta.summary) {
    keep(ledger, summaryLine.no, summaryLine.text);
    meta.summaryLabel = summaryLine.text.replace(/\s+/g, '');
  } else if (summaryLine) {
    rest.push(summaryLine);
    diagnostics.push({
      code: 'summary-empty',
      line: summaryLine.no,
      message: `"${summaryLine.text}" labels a summary, but no summary text follows it on the cover: the text after it is read as the body; if it is the summary, set "summary" in the manifest`,
    });
  }
  rest.sort((a, b) => a.no - b.no);
  return { meta, rest, explanatory, diagnostics };
}

/** Each cover line read for its fields, up to `概要`; the lines after it (blank lines as `'gap'`) are the summary. */
function readLines(tokens: Token[], meta: FrontMeta, ledger: Ledger): { items: (Field | 'gap')[]; summary?: (TextLine | 'gap')[]; summaryLine?: TextLine } {
  const items: (Field | 'gap')[] = [];
  let summary: (TextLine | 'gap')[] | undefined;
  let summaryLine: TextLine | undefined;
  let lineIndex = 0;
  const valueOf = labelledValues(tokens);
  const adoption = wrappedAdoption(tokens);
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
      summaryLine = t;
      summary = [];
      continue;
    }
    if (adoption.has(t)) {
      // A bracketed adoption line wrapped over lines (`[根据…的报告` / `(A/50/605)通过]`), §8.3.
      keep(ledger, t.no, t.text);
      const joined = adoption.get(t);
      if (joined) meta.adoption ??= joined;
      items.push({ line: t, kind: 'field' });
      continue;
    }
    const value = valueOf.get(t);
    if (value || valueOf.has(t)) {
      // A label and its value (the value's line is taken with its label).
      if (value) {
        keep(ledger, t.no, t.text);
        for (const v of value) keep(ledger, v.no, v.text);
        labelValue(meta, t.text, value.map((v) => v.text).join('，'));
      }
      items.push({ line: t, kind: 'field' });
      continue;
    }
    const free = readFields(t, meta, ledger, lineIndex++);
    items.push(free === undefined ? { line: t, kind: 'field' } : { line: t, kind: 'free', text: free });
  }
  joinWrappedTreaty(items, meta, ledger);
  return summary && summaryLine ? { items, summary, summaryLine } : { items };
}

/**
 * A cover table of labels and values (Views: `提交人:` / `A.B.(无律师代理)`; a statement's
 * `发言人` / its name): each label alone on its line maps to the next line, its value; the value
 * line maps to undefined (it is taken with its label). Two labels in a row are no table.
 */
function labelledValues(tokens: Token[]): Map<TextLine, TextLine[] | undefined> {
  const lines = tokens.filter((t): t is TextLine => t.kind === 'line');
  const out = new Map<TextLine, TextLine[] | undefined>();
  lines.forEach((t, i) => {
    const next = lines[i + 1];
    if (out.has(t) || !next || !LABEL_ALONE.test(t.text) || LABEL_ALONE.test(next.text) || SUMMARY.test(next.text)) return;
    const value = [next];
    // A statement's occasion may take two lines (`人权理事会第六十届会议` / `…小组讨论会`), up to the next label.
    for (let j = i + 2; STATEMENT_LABEL.test(t.text.replace(/\s*[：:]$/, '')) && j < lines.length && !LABEL_ALONE.test(lines[j]!.text); j++)
      value.push(lines[j]!);
    out.set(t, value);
    for (const v of value) out.set(v, undefined);
  });
  return out;
}

/** An opening bracket (`[根据…`) unclosed on its line. */
const OPENS_BRACKET = /^[[［【][^\]］】]{2,200}$/;
/** The line that closes it (`(A/50/605)通过]`). */
const CLOSES_BRACKET = /^[^[［【\]］】]{1,200}[\]］】]$/;

/**
 * A resolution's adoption line wrapped over two or three lines (`[根据…委员会的报告` /
 * `(A/50/605)通过]`): each of its lines maps to the joined text (its first line) or undefined.
 */
function wrappedAdoption(tokens: Token[]): Map<TextLine, string | undefined> {
  const lines = tokens.filter((t): t is TextLine => t.kind === 'line');
  const out = new Map<TextLine, string | undefined>();
  lines.forEach((t, i) => {
    if (!OPENS_BRACKET.test(t.text.trim())) return;
    const end = lines.slice(i + 1, i + 3).findIndex((l) => CLOSES_BRACKET.test(l.text.trim()));
    if (end < 0 || lines.slice(i + 1, i + 1 + end).some((l) => !/^[^[［【\]］】]+$/.test(l.text))) return;
    const wrapped = lines.slice(i, i + 2 + end);
    wrapped.forEach((l) => out.set(l, undefined));
    out.set(
      t,
      wrapped.map((l) => l.text.trim()).reduce((acc, text) => joinLines(acc, text)),
    );
  });
  return out;
}

/** A treaty name wrapped over two lines (`禁止酷刑和其他残忍、不人道` / `或有辱人格的待遇或处罚公约`): the line before joins it. */
function joinWrappedTreaty(items: (Field | 'gap')[], meta: FrontMeta, ledger: Ledger): void {
  const at = items.findIndex((i) => i !== 'gap' && i.line.no === meta.treatyLine);
  if (at < 0 || !meta.treaty) return;
  let before = at - 1;
  while (before >= 0 && items[before] === 'gap') before--;
  const prev = items[before];
  if (!prev || prev === 'gap' || prev.kind !== 'free' || prev.text.length > 30 || /[。：:；，,]$/.test(prev.text)) return;
  const joined = joinLines(prev.text, meta.treaty);
  if (!TREATY.test(joined)) return;
  keep(ledger, prev.line.no, prev.text);
  meta.treaty = joined;
  items[before] = { line: prev.line, kind: 'field' };
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
  // A numbered title (`58/7.  标题`, §8.3) is the title of a resolution or decision, whatever else the cover prints.
  const numberedAt = meta.title ? -1 : units.findIndex((u) => NUMBERED_TITLE.test(joinUnit(u)));
  const kindAt = meta.title ? -1 : numberedAt >= 0 ? numberedAt : units.findIndex((u) => KIND_TITLE.test(joinUnit(u)));
  const authorNow = units.findLastIndex((u, i) => i !== kindAt && u.length === 1 && AUTHOR.test(u[0]!.text) && !/审议.{0,20}提交的报告$/.test(u[0]!.text));
  // The line before an author line is its title, unless it is a session line of an official-records block (`第六十八届会议`).
  const beforeAuthor = authorNow > 0 && !/^第.{1,10}届(?:会议)?$/.test(joinUnit(units[authorNow - 1]!)) ? authorNow - 1 : -1;
  let titleAt = meta.title ? -1 : kindAt >= 0 ? kindAt : authorNow > 0 ? beforeAuthor : authorNow < 0 ? titleUnit(units, meta) : -1;
  if (kindAt >= 0 && kindAt !== numberedAt) joinCountry(units, kindAt);
  if (authorNow >= 0) meta.author = takeUnit(units[authorNow]!, ledger).replace(/\s*\*$/, '');
  // A title that only says who reports (`联合国人权事务高级专员的报告`) is the title too.
  if (titleAt < 0 && !meta.title && meta.author) meta.title = meta.author;
  if (titleAt >= 0) {
    readTitle(units[titleAt]!, meta, ledger);
    readAgendaTitles(
      units.slice(0, titleAt).filter((_, i) => i !== authorNow),
      meta,
      ledger,
      numberedAt >= 0,
    ).forEach(toRest);
  } else {
    titleAt = authorNow;
    units.slice(0, Math.max(0, authorNow)).forEach(toRest);
  }
  units.slice(Math.max(titleAt, authorNow) + 1).forEach(toRest);
  return rest;
}

/**
 * Agenda titles follow their agenda line (a unit printed before it, a web page's breadcrumb, is
 * none), up to the title: one per agenda item. Over a numbered title with one agenda item, every
 * unit between the two is that item's title, wrapped (§8.3). Returns the units that are no agenda title.
 */
function readAgendaTitles(units: Unit[][], meta: FrontMeta, ledger: Ledger, numbered: boolean): Unit[][] {
  const agendaCount = meta.agendaItems.length;
  const afterAgenda = (unit: Unit[]) => meta.agendaLine !== undefined && unit[0]!.line.no > meta.agendaLine;
  const wrapped = units.filter((u) => afterAgenda(u) && !isProse(u));
  if (numbered && agendaCount === 1 && !meta.agendaTitles.length && wrapped.length > 1) {
    meta.agendaTitles.push(takeUnit(wrapped.flat(), ledger));
    return units.filter((u) => !wrapped.includes(u));
  }
  return units.filter((unit, i) => {
    if (!afterAgenda(unit) || !(i < agendaCount || (agendaCount && !isProse(unit))) || meta.agendaTitles.length >= agendaCount) return true;
    meta.agendaTitles.push(takeUnit(unit, ledger));
    return false;
  });
}

/**
 * A title that names the document's own kind: `结论性意见：澳大利亚`, `关于…报告的结论性意见`,
 * `消除对妇女歧视委员会的结论意见` (then the country on the next line), `第2117/2011号来文`,
 * `…关于第2703/2015号来文的意见`. It is the title whatever stands after it (`审议缔约国…提交的报告`).
 */
const KIND_TITLE = /^(?:结论性?意见\s*[：:].{1,30}|.{0,60}结论性?意见\s*\**|.{0,40}第\s*\d{1,4}\/\d{4}\s*号来文(?:的(?:意见|决定))?\s*[*\s]*)$/;
/** A country or territory name printed alone under a title (`东帝汶`). */
const COUNTRY_LINE = /^[\u4e00-\u9fff（）()·]{2,20}$/;

/** `…的结论意见` / `东帝汶` on two lines: one title, `…的结论意见：东帝汶`. */
function joinCountry(units: Unit[][], at: number): void {
  const next = units[at + 1];
  const title = joinUnit(units[at]!);
  if (!next || !/意见\s*\**$/.test(title) || next.length !== 1 || !COUNTRY_LINE.test(next[0]!.text)) return;
  units[at] = [...units[at]!, next[0]!];
  units.splice(at + 1, 1);
}

/** `…的结论性意见` and the country under it, as one title: `…的结论性意见：白俄罗斯`. */
function countryTitle(unit: Unit[]): string | undefined {
  const last = unit.at(-1)!;
  const head = joinUnit(unit.slice(0, -1));
  if (unit.length < 2 || !COUNTRY_LINE.test(last.text) || !/意见\s*\**$/.test(head)) return undefined;
  return `${withoutMarks(head)}：${last.text}`;
}

/** A web page's breadcrumb: short words set apart by spaces (`新闻稿 人权理事会`, `讲话 多个机制`). */
const BREADCRUMB = /^\S{1,6}(?:\s+\S{1,8}){1,3}$/;
/** The genre a breadcrumb names first: a press release, a speech, a statement. */
const GENRE = /^(新闻稿|讲话|发言|声明)\s/;

/** A speech's title says what it is (`…的发言`, `…的讲话：“…”`, `…的欢迎辞`). */
const SPEECH_TITLE = /(?:发言|讲话|致辞|欢迎辞|开幕词|闭幕词)(?:[:：]“[^“”]*”)?$|的(?:发言|讲话|致辞)[，,]/;

/**
 * The title among free units with no stronger sign: a speech title if there is one, else the last
 * unit that is no prose, no sentence (a photo caption holds a `。`) and no breadcrumb
 * (`讲话 人权理事会`: short words set apart by spaces).
 */
function titleUnit(units: Unit[][], meta: FrontMeta): number {
  const breadcrumb = (u: Unit[]) => u.length === 1 && BREADCRUMB.test(u[0]!.line.text) && u[0]!.line.text.length <= 16;
  const titleLike = (u: Unit[]) => !isProse(u) && !/[。！？]/.test(joinUnit(u)) && !breadcrumb(u);
  const crumb = units.findIndex(breadcrumb);
  const genre = crumb >= 0 ? GENRE.exec(units[crumb]![0]!.line.text)?.[1] : undefined;
  if (genre) meta.genre = genre;
  // A web page (its breadcrumb names the genre) or a speech's page prints its headline first; the
  // speech's own line (`…的发言`) may follow in the occasion block.
  if (genre || units.some((u) => SPEECH_TITLE.test(joinUnit(u)))) return units.findIndex(titleLike);
  const candidate = units.findLastIndex(titleLike);
  return candidate >= 0 ? candidate : units.findLastIndex((u) => !isProse(u));
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
  const res = NUMBERED_TITLE.exec(title);
  if (res) meta.resolutionNumber = res[1]!;
  // `78/215．标题`: the number is the resolution's symbol, the rest its title.
  meta.title = countryTitle(unit) ?? withoutMarks(res ? title.slice(res[0].length) : title);
  // `第七十七届会议报告` under a committee's name: the committee's report.
  if (/^第.{1,24}届.{0,10}会议(?:的)?报告$/.test(meta.title) && meta.body && bodyRank(meta.body) === 3) meta.title = `${meta.body}${meta.title}`;
}

/** A title without the note marks after it (`…的意见* **`); a loop, linear on any run of marks. */
function withoutMarks(title: string): string {
  let end = title.length;
  while (end > 0 && (title[end - 1] === '*' || /\s/.test(title[end - 1]!))) end--;
  return title.slice(0, end);
}
