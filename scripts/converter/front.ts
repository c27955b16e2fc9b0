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
 */
import type { Token, TextLine } from './clean.ts';
import { joinLines } from './join.ts';
import { drop, keep, release, type Ledger } from './ledger.ts';

export interface FrontMeta {
  body?: string;
  session?: string;
  dates?: string;
  agendaItems: string[];
  agendaTitles: string[];
  title?: string;
  author?: string;
  notice?: string;
  summary?: string;
  /** Symbols printed in the cover's text (two-column lines), in order. */
  symbols: string[];
  distribution?: string;
  /** ISO date of the document (cover date, or a statement's date label). */
  date?: string;
  original?: string;
  treaty?: string;
  officialRecords?: string;
  adoption?: string;
  speaker?: string;
  occasion?: string;
  place?: string;
  /** Where the body was read (an organ read first is released to the masthead when the body follows). */
  bodyLine?: number;
  /** A resolution or decision number printed before its title (`78/215．…`). */
  resolutionNumber?: string;
}

export interface Front {
  meta: FrontMeta;
  /** The official-records note: its heading (`说明`) and text, shown before the body. */
  explanatory: TextLine[];
  /** Cover lines that are no field and not the title: kept as text before the body. */
  rest: TextLine[];
}

const BODY = /^(?:大会|人权理事会|安全理事会|经济及社会理事会|托管理事会|[\u4e00-\u9fff、]{2,24}委员会|[\u4e00-\u9fff、]{2,12}小组)$/;
/** A committee or group reports more specifically than the Human Rights Council, which does more than an organ. */
const bodyRank = (body: string) => (/委员会$|小组$/.test(body) ? 3 : body === '人权理事会' ? 2 : 1);
const ORGAN = /^联合国$/;
const SESSION = /^(?:[\u4e00-\u9fff]{0,12})?第.{1,10}届(?:特别|常会|续会|实质性)?(?:会议|会期)$/;
const DATES = /^[(（]?\d{4}\s*年.{1,60}日[)）]?$/;
/** `2023年12月19日大会通过的决议`: when a resolution was adopted. */
const ADOPTED_ON = /^\d{4}\s*年.{1,12}日.{0,20}通过的(?:决议|决定)$/;
const SUPPLEMENT = /^补编\s*第.{1,6}号(?:\s*[(（].{1,20}[)）])?$/;
const IMPRINT = /^联合国\s*[•·]\s*\d{4}\s*年/;
/** The official-records note heading (`说明`): what follows it is text, never the title. */
const NOTE_HEADING = /^说\s*明$/;
const AGENDA = /^(?:临时)?议程(?:项目)?\s*(.+)$/;
const AUTHOR = /^.{0,60}的(?:报告|说明)\s*\*?$/;
const SUMMARY = /^(?:概\s*要|摘\s*要)$/;
const NOTICE = /^\*\s*\S/;
const TREATY = /^《?[\u4e00-\u9fff、，]{4,60}(?:公约|议定书|盟约)》?$/;
const RECORDS = /正式记录/;
const ADOPTION = /^[[［【].{2,200}[\]］】]$/;
const RESOLUTION = /^(\d{1,3}\/\d{1,4})\s*[.．]\s*\S/;
const LABEL = /^(发言人|讲话人|演讲人|致辞人|场合|活动|地点|日期|时间)\s*[：:]\s*(.+)$/;
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const LATIN_DATE = /(\d{1,2})\s*(January|February|March|April|May|June|July|August|September|October|November|December)\s*(\d{4})/i;
const DISTR = /Distr\.?\s*[:：]\s*([A-Za-z]+)/;
const ORIGINAL = /Original\s*[:：]\s*([A-Za-z]+(?:\s*[/,]\s*[A-Za-z]+)*)/;
const LANGUAGE = /^(?:Chinese|English|French|Spanish|Russian|Arabic)$/;
/** A symbol set off by white space (a column of the cover page), never one inside a sentence or brackets. */
const SYMBOL = /(?<=^|\s)[A-Z]{1,6}\/(?=\S*\d)[A-Za-z0-9.()-]+(?:\/[A-Za-z0-9.()-]+)*(?=\s|$)/g;
/** `主席先生，`, `尊敬的各位代表：`, `大会，` — a line that opens a speech or a resolution's preamble. */
export const OPENER =
  /^(?:(?:尊敬的)?[\u4e00-\u9fff、]{1,20}(?:先生|女士|阁下|们|各位)|各位[\u4e00-\u9fff]{1,10}|大会|人权理事会|安全理事会|经济及社会理事会|[\u4e00-\u9fff]{2,20}委员会)\s*[，,：:]$/;

/** ISO date from `9 March 2023`, `17June2022` or `2023年3月9日`. */
export function isoDate(text: string): string | undefined {
  let m = LATIN_DATE.exec(text);
  if (m) return iso(Number(m[3]), MONTHS.indexOf(m[2]!.toLowerCase()) + 1, Number(m[1]));
  m = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/.exec(text);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  return undefined;
}

function iso(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1945 || y > 2100) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** `联 合 国` → `联合国`: the letter-spacing of cover-page organ names. */
function unspace(text: string): string {
  return text.replace(/([\u4e00-\u9fff])[ \t]+(?=[\u4e00-\u9fff])/g, '$1');
}

type Field = { line: TextLine; kind: 'field' } | { line: TextLine; kind: 'free'; text: string };

export function readFront(tokens: Token[], ledger: Ledger): Front {
  const meta: FrontMeta = { agendaItems: [], agendaTitles: [], symbols: [] };
  const items: (Field | 'gap')[] = [];
  let summary: TextLine[] | undefined;
  let afterSummary: (TextLine | 'gap')[] = [];
  const taken = (line: TextLine, text: string) => keep(ledger, line.no, text);

  for (const t of tokens) {
    if (t.kind !== 'line') {
      if (summary) afterSummary.push('gap');
      else items.push('gap');
      continue;
    }
    if (summary) {
      afterSummary.push(t);
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

  // Free text: runs of lines between fields (or blank lines) are units; wrapped lines join.
  const rest: TextLine[] = [];
  const toRest = (unit: Unit[]) => rest.push(...unit.map((u) => ({ ...u.line, text: u.text })));
  const takeUnit = (unit: Unit[]) => {
    for (const u of unit) taken(u.line, u.text);
    return joinUnit(unit);
  };
  let units = unitsOf(items);
  // The official-records note (`说明` and its text) is text, never a title.
  const noteAt = units.findIndex((u) => u.length === 1 && NOTE_HEADING.test(u[0]!.text));
  const explanatory: TextLine[] = [];
  if (noteAt >= 0) {
    for (const unit of units.slice(noteAt)) explanatory.push(...unit.map((u) => ({ ...u.line, text: u.text })));
    units = units.slice(0, noteAt);
  }
  // A treaty name the layout wrapped over lines.
  units = units.filter((u) => {
    const text = joinUnit(u);
    if (meta.treaty || !TREATY.test(text)) return true;
    meta.treaty = takeUnit(u);
    return false;
  });
  // An annual report's title is printed as body, session and `报告` on lines of their own.
  const reportAt = units.findIndex((u) => u.length === 1 && /^报\s*告$/.test(u[0]!.text));
  if (reportAt >= 0 && meta.body) {
    takeUnit(units[reportAt]!);
    meta.title = `${meta.body}${meta.session ?? ''}报告`;
    units.splice(reportAt, 1);
  }
  const authorAt = units.findLastIndex((u) => u.length === 1 && AUTHOR.test(u[0]!.text));
  // Agenda titles and the title, each on one line with nothing between them: split what the wrap heuristic joined.
  const wanted = meta.agendaItems.length + 1;
  const headEnd = authorAt >= 0 ? authorAt : units.length;
  while (!meta.title && units.slice(0, headEnd).filter((u) => !isProse(u)).length < wanted) {
    const at = units.slice(0, headEnd).findLastIndex((u) => u.length > 1);
    if (at < 0) break;
    const unit = units[at]!;
    units.splice(at, 1, unit.slice(0, -1), unit.slice(-1));
  }
  const authorNow = units.findLastIndex((u) => u.length === 1 && AUTHOR.test(u[0]!.text));
  let titleAt = meta.title ? -1 : authorNow > 0 ? authorNow - 1 : authorNow < 0 ? units.findLastIndex((u) => !isProse(u)) : -1;
  if (authorNow >= 0) meta.author = takeUnit(units[authorNow]!).replace(/\s*\*$/, '');
  // A title that only says who reports (`联合国人权事务高级专员的报告`) is the title too.
  if (titleAt < 0 && !meta.title && meta.author) meta.title = meta.author;
  if (titleAt >= 0) {
    const title = takeUnit(units[titleAt]!);
    const res = RESOLUTION.exec(title);
    if (res) meta.resolutionNumber = res[1]!;
    // `78/215．标题`: the number is the resolution's symbol, the rest its title.
    meta.title = title.replace(/\s*\*+$/, '').replace(/^\d{1,3}\/\d{1,4}\s*[.．]\s*/, '');
    // `第七十七届会议报告` under a committee's name: the committee's report.
    if (/^第.{1,24}届.{0,10}会议(?:的)?报告$/.test(meta.title) && meta.body && bodyRank(meta.body) === 3) meta.title = `${meta.body}${meta.title}`;
    const agendaCount = meta.agendaItems.length;
    units.slice(0, titleAt).forEach((unit, i) => {
      if (i < agendaCount || (agendaCount && !isProse(unit))) meta.agendaTitles.push(takeUnit(unit));
      else toRest(unit);
    });
  } else {
    titleAt = authorNow;
    units.slice(0, Math.max(0, authorNow)).forEach(toRest);
  }
  units.slice(Math.max(titleAt, authorNow) + 1).forEach(toRest);
  if (summary !== undefined) {
    const paragraphs: string[] = [];
    let current = '';
    for (const t of afterSummary) {
      if (t === 'gap') {
        // A blank line ends a summary paragraph only after a finished sentence (spaced layouts wrap with blank lines).
        if (current && /[。！？]$/.test(current)) {
          paragraphs.push(current);
          current = '';
        }
        continue;
      }
      taken(t, t.text);
      if (NOTICE.test(t.text)) {
        meta.notice = meta.notice ? `${meta.notice}\n${t.text.replace(/^\*\s*/, '')}` : t.text.replace(/^\*\s*/, '');
        continue;
      }
      current = current ? joinLines(current, t.text) : t.text;
    }
    if (current) paragraphs.push(current);
    if (paragraphs.length) meta.summary = paragraphs.join('\n\n');
  }
  rest.sort((a, b) => a.no - b.no);
  return { meta, rest, explanatory };
}

/**
 * Take the cover fields out of one line (a line can hold two: `大 会 Distr.: General`); return
 * the text that is no field (undefined when the whole line was fields).
 */
function readFields(t: TextLine, meta: FrontMeta, ledger: Ledger): string | undefined {
  let text = t.text;
  const took = (hit: string) => {
    keep(ledger, t.no, hit);
    text = text.replace(hit, ' ');
  };
  const masthead = (hit: string) => {
    drop(ledger, t.no, hit, 'masthead');
    text = text.replace(hit, ' ');
  };
  let m: RegExpExecArray | null;
  if (ADOPTION.test(text.trim())) {
    meta.adoption ??= text.trim();
    keep(ledger, t.no, text);
    return undefined;
  }
  // Latin fields of the right-hand column.
  // A field's label (`Distr.:`, `Original:`) is part of the field.
  if ((m = DISTR.exec(text))) {
    meta.distribution ??= m[1]!;
    took(m[0]);
  }
  if ((m = ORIGINAL.exec(text))) {
    meta.original ??= m[1]!;
    took(m[0]);
  }
  if ((m = LATIN_DATE.exec(text))) {
    const d = isoDate(m[0]);
    if (d) meta.date ??= d;
    took(m[0]);
  }
  for (const s of text.match(SYMBOL) ?? []) {
    if (!meta.symbols.includes(s)) meta.symbols.push(s);
    took(s);
  }
  const words = text.trim().split(/\s+/).filter(Boolean);
  for (const w of words) if (LANGUAGE.test(w)) masthead(w);
  text = unspace(text.trim().replace(/\s{2,}/g, ' '));
  if (!text) return undefined;

  const setText = (key: 'session' | 'dates' | 'treaty' | 'officialRecords' | 'adoption') => {
    meta[key] ??= text;
    keep(ledger, t.no, text);
    return undefined;
  };
  if (ORGAN.test(text)) {
    drop(ledger, t.no, text, 'masthead');
    return undefined;
  }
  if (BODY.test(text)) {
    // The organ (`大会`) and the body that reports (`人权理事会`, a committee) both print; keep the body.
    if (!meta.body || bodyRank(text) > bodyRank(meta.body)) {
      if (meta.body && meta.bodyLine !== undefined) release(ledger, meta.bodyLine, meta.body, 'masthead');
      meta.body = text;
      meta.bodyLine = t.no;
      keep(ledger, t.no, text);
    } else drop(ledger, t.no, text, 'masthead');
    return undefined;
  }
  if (IMPRINT.test(text)) {
    drop(ledger, t.no, text, 'masthead');
    return undefined;
  }
  if (ADOPTED_ON.test(text)) {
    // `2023年12月19日大会通过的决议` says who adopted it and when: a resolution's author line.
    const d = isoDate(text);
    if (d) meta.date ??= d;
    meta.author ??= text;
    keep(ledger, t.no, text);
    return undefined;
  }
  if (SUPPLEMENT.test(text) && meta.officialRecords) {
    meta.officialRecords = `${meta.officialRecords} ${text}`;
    keep(ledger, t.no, text);
    return undefined;
  }
  if (SESSION.test(text) && !meta.session) return setText('session');
  if (DATES.test(text) && !meta.dates) return setText('dates');
  if ((m = AGENDA.exec(text)) && /\d/.test(m[1]!)) {
    meta.agendaItems.push(...m[1]!.split(/\s*(?:和|、|,|，|及|与)\s*/).filter(Boolean));
    keep(ledger, t.no, text);
    return undefined;
  }
  if (RECORDS.test(text) && text.length <= 60) return setText('officialRecords');
  if (TREATY.test(text) && !/的报告|结论性意见/.test(text)) return setText('treaty');
  if (NOTICE.test(text)) {
    meta.notice = meta.notice ? `${meta.notice}\n${text.replace(/^\*\s*/, '')}` : text.replace(/^\*\s*/, '');
    keep(ledger, t.no, text);
    return undefined;
  }
  if ((m = LABEL.exec(text))) {
    const value = m[2]!.trim();
    const key = m[1]!;
    keep(ledger, t.no, text);
    if (/发言人|讲话人|演讲人|致辞人/.test(key)) meta.speaker ??= value;
    else if (/场合|活动/.test(key)) meta.occasion ??= value;
    else if (key === '地点') meta.place ??= value;
    else {
      const d = isoDate(value);
      if (d) meta.date ??= d;
      meta.dates ??= value;
    }
    return undefined;
  }
  // What remains is free text; the caller decides title, agenda titles or rest (and keeps it).
  return text;
}

interface Unit {
  line: TextLine;
  text: string;
}

/** Runs of free lines without a field or blank line between them, split where a wrapped line clearly ended. */
function unitsOf(items: (Field | 'gap')[]): Unit[][] {
  const runs: Unit[][] = [];
  let current: Unit[] = [];
  const flush = () => {
    if (current.length) runs.push(current);
    current = [];
  };
  // A layout with a blank line after every line says nothing by its blank lines: only fields separate.
  const doubleSpaced = everyLineSpaced(items);
  for (const item of items) {
    if (item === 'gap') {
      if (!doubleSpaced) flush();
    } else if (item.kind === 'field') flush();
    else current.push({ line: item.line, text: item.text });
  }
  flush();
  const width = Math.max(0, ...runs.flat().map((u) => u.text.length));
  const units: Unit[][] = [];
  for (const run of runs) {
    let unit: Unit[] = [];
    run.forEach((u, i) => {
      unit.push(u);
      const next = run[i + 1];
      if (!next) return;
      const connector = /[、，,及和与或的—（(《“]$/.test(u.text) || /^(?:国际)?(?:公约|议定书)/.test(next.text);
      const continues = connector || (u.text.length >= 15 && u.text.length >= width - 3 && !/[。：:*]$/.test(u.text));
      const breaks = !connector && (AUTHOR.test(next.text) || AUTHOR.test(u.text) || NOTICE.test(next.text));
      if (!continues || breaks) {
        units.push(unit);
        unit = [];
      }
    });
    if (unit.length) units.push(unit);
  }
  return units;
}

/** True when every two consecutive lines of the cover have a blank line between them. */
function everyLineSpaced(items: (Field | 'gap')[]): boolean {
  let pairs = 0;
  let gapBefore = false;
  let seen = false;
  for (const item of items) {
    if (item === 'gap') {
      gapBefore = true;
      continue;
    }
    if (seen) {
      if (!gapBefore) return false;
      pairs++;
    }
    seen = true;
    gapBefore = false;
  }
  return pairs >= 2;
}

function joinUnit(unit: Unit[]): string {
  return unit.reduce((acc, u) => (acc ? joinLines(acc, u.text) : u.text), '');
}

/** Running prose rather than a title: long, or ending a sentence. */
function isProse(unit: Unit[]): boolean {
  const text = joinUnit(unit);
  return text.length > 160 || /[。！？]$/.test(text);
}
