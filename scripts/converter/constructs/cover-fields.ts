/**
 * The fields of a cover line (docs/un-document-anatomy.md §1.1–§1.10), each recognised by its own
 * shape wherever it stands: first the Latin fields of the right-hand column (`Distr.: General`,
 * `Original: English`, the date, symbols, languages), which extraction may run onto the same line
 * as the left column (`大 会 Distr.: General`); then the one field the rest of the line can be
 * (organ, body, session, dates, agenda items, official records, treaty, a `*` note, a labelled
 * field of a statement). Read by constructs/cover.ts, one line at a time.
 */
import { DELIBERATIVE_BODY_PATTERN } from '../../model/bodies.ts';
import type { TextLine } from '../clean.ts';
import { drop, keep, release, type Ledger } from '../ledger.ts';

/** The metadata the cover page states, filled field by field. */
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
  /** The summary's label as printed (`概要`). */
  summaryLabel?: string;
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
  /** Label/value fields of a cover table (Views: `提交人:` then its value on the next line). */
  fields?: { label: string; value: string }[];
  /** Where the body was read (an organ read first is released to the masthead when the body follows). */
  bodyLine?: number;
  /** The genre a web page's breadcrumb names (`新闻稿`, `讲话`). */
  genre?: string;
  /** The cover prints one day alone on a line (maybe twice): that is the date; several are a table's cells. */
  oneLoneDate?: boolean;
  /** Where the last agenda item line was read: its titles follow it. */
  agendaLine?: number;
  /** Where the treaty line was read (its first line may stand on the line before). */
  treatyLine?: number;
  /** A resolution or decision number printed before its title (`78/215．…`). */
  resolutionNumber?: string;
}

/** A cover's body line: a deliberative organ (model/bodies.ts), a committee or a group. */
const BODY = new RegExp(`^(?:${DELIBERATIVE_BODY_PATTERN}|[\\u4e00-\\u9fff、]{2,24}委员会|[\\u4e00-\\u9fff、]{2,12}小组)$`);
/** A committee or group reports more specifically than the Human Rights Council, which does more than an organ. */
export const bodyRank = (body: string) => (/委员会$|小组$/.test(body) ? 3 : body === '人权理事会' ? 2 : 1);
const ORGAN = /^联合国$/;
const SESSION = /^(?:[\u4e00-\u9fff]{0,12})?第.{1,10}届(?:特别|常会|续会|实质性)?(?:会议|会期)$/;
const DATES = /^[(（]?\d{4}\s*年.{1,60}日[)）]?$/;
/** `2023年12月19日大会通过的决议`, `人权理事会通过的决议` (no date): who adopted a resolution and when. */
const ADOPTED_ON = new RegExp(`^(?:(?:${DELIBERATIVE_BODY_PATTERN})?\\d{4}\\s*年.{1,12}日|${DELIBERATIVE_BODY_PATTERN}).{0,20}通过的(?:决议|决定)$`);
/** `大会决议`, `人权理事会决定`: the series line printed over a resolution's title. */
const SERIES_LINE = new RegExp(`^(?:${DELIBERATIVE_BODY_PATTERN})(?:决议|决定)$`);
/** A day alone on a line (`2013年12月5日`): a statement's or a web page's date; a range is a session's dates. */
const ONE_DAY = /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/;
const SUPPLEMENT = /^补编\s*第.{1,6}号(?:\s*[(（].{1,20}[)）])?$/;
const IMPRINT = /^联合国\s*[•·]\s*\d{4}\s*年/;
const AGENDA = /^(?:临时)?议程(?:项目)?\s*(.+)$/;
export const NOTICE = /^\*\s*\S/;
export { ONE_DAY };
export const TREATY = /^《?[\u4e00-\u9fff、，]{4,60}(?:公约|议定书|盟约)》?$/;
const RECORDS = /正式记录/;
const ADOPTION = /^[[［【].{2,200}[\]］】]$/;
const LABEL = /^(发言人|讲话人|演讲人|致辞人|场合|活动|地点|日期|时间)\s*[：:]\s*(.+)$/;
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const LATIN_DATE = /(\d{1,2})\s*(January|February|March|April|May|June|July|August|September|October|November|December)\s*(\d{4})/i;
const DISTR = /Distr\.?\s*[:：]\s*([A-Za-z]+)/;
const ORIGINAL = /Original\s*[:：]\s*([A-Za-z]+(?:\s*[/,]\s*[A-Za-z]+)*)/;
const LANGUAGE = /^(?:Chinese|English|French|Spanish|Russian|Arabic)$/;
/**
 * A symbol set off by white space (a column of the cover page), never one inside a sentence or
 * brackets; a note mark may follow it (`CRC/C/MNG/CO/2-3*`, a reissue or adoption note).
 */
/**
 * Each part of the symbol is taken whole (`(?=(…+))\1`, a possessive `+`): a shorter part is
 * followed by a part character, which neither `/` nor the end test accepts, so giving characters
 * back only cost time (recheck found the backtracking polynomial). Only the whole match is used.
 */
const SYMBOL = /(?<=^|\s)[A-Z]{1,6}\/(?=\S*\d)(?=([A-Za-z0-9.()-]+))\1(?:\/(?=([A-Za-z0-9.()-]+))\2)*(?=\**(?:\s|$))/g;

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

/**
 * Take the cover fields out of one line (a line can hold two: `大 会 Distr.: General`); return
 * the text that is no field (undefined when the whole line was fields).
 */
export function readFields(t: TextLine, meta: FrontMeta, ledger: Ledger, index = 0): string | undefined {
  if (ADOPTION.test(t.text.trim())) {
    meta.adoption ??= t.text.trim();
    keep(ledger, t.no, t.text);
    return undefined;
  }
  const text = unspace(
    readColumnFields(t, meta, ledger)
      .trim()
      .replace(/\s{2,}/g, ' '),
  );
  if (!text) return undefined;
  // What remains is one field, or free text: the caller decides title, agenda titles or rest (and keeps it).
  const line: FieldLine = { text, no: t.no, index, meta, ledger };
  return LINE_FIELDS.some((field) => field(line)) ? undefined : text;
}

/**
 * The Latin fields of the right-hand column, taken out of the line wherever they stand (a field's
 * label, `Distr.:`, `Original:`, is part of the field); returns what is left of the line.
 */
function readColumnFields(t: TextLine, meta: FrontMeta, ledger: Ledger): string {
  let text = t.text;
  const took = (hit: string) => {
    keep(ledger, t.no, hit);
    text = text.replace(hit, ' ');
  };
  let m: RegExpExecArray | null;
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
    // The note mark after a symbol points to the cover's `*` note, which is read on its own line.
    const end = text.indexOf(s) + s.length;
    const marks = /^\**/.exec(text.slice(end))![0];
    if (marks) {
      drop(ledger, t.no, marks, 'masthead');
      text = text.slice(0, end) + text.slice(end + marks.length);
    }
    took(s);
  }
  const words = text.trim().split(/\s+/).filter(Boolean);
  for (const w of words) {
    if (!LANGUAGE.test(w)) continue;
    drop(ledger, t.no, w, 'masthead');
    text = text.replace(w, ' ');
  }
  return text;
}

/** A cover line's text once the column fields are out, with where it stands and what it goes into. */
interface FieldLine {
  text: string;
  no: number;
  /** The line's place among the cover's lines (0 = first). */
  index: number;
  meta: FrontMeta;
  ledger: Ledger;
}

/** Keep the whole line as the value of a text field (the first one printed wins). */
function setText(line: FieldLine, key: 'session' | 'dates' | 'treaty' | 'officialRecords' | 'adoption'): true {
  if (key === 'treaty' && !line.meta.treaty) line.meta.treatyLine = line.no;
  line.meta[key] ??= line.text;
  keep(line.ledger, line.no, line.text);
  return true;
}

/** A statement's labels, printed with or without a colon (`发言人：…`, or `发言人` with the value on the next line). */
export const STATEMENT_LABEL = /^(发言人|讲话人|演讲人|致辞人|场合|活动|地点|日期|时间)$/;
/** A label alone on its line, its value on the next: `提交人:`, `所涉缔约国：`, `来文日期:`, or a statement's label without colon. */
export const LABEL_ALONE = /^(?:[\u4e00-\u9fff《》]{2,12}\s*[：:]|发言人|讲话人|演讲人|致辞人|场合|地点)$/;

/** A label's value read from the line after it: a statement's labels fill their fields, others go to `meta.fields`. */
export function labelValue(meta: FrontMeta, label: string, value: string): void {
  const key = label.replace(/\s*[：:]$/, '');
  if (STATEMENT_LABEL.test(key)) {
    const m = LABEL.exec(`${key}：${value}`);
    if (m) {
      if (/发言人|讲话人|演讲人|致辞人/.test(key)) meta.speaker ??= value;
      else if (/场合|活动/.test(key)) meta.occasion = meta.occasion ? `${meta.occasion}，${value}` : value;
      else if (key === '地点') meta.place ??= value;
      else {
        const d = isoDate(value);
        if (d) meta.date ??= d;
        meta.dates ??= value;
      }
    }
    return;
  }
  meta.fields ??= [];
  if (!meta.fields.some((f) => f.label === key)) meta.fields.push({ label: key, value });
}

/** A day alone on a line: the document's date (a repeat of it is kept as text). */
function oneDay(line: FieldLine): boolean {
  const d = isoDate(line.text);
  if (!d || line.meta.date) return false;
  line.meta.date = d;
  keep(line.ledger, line.no, line.text);
  return true;
}

/** `大会正式记录第七十一届会议补编第44号`: the official records name the organ and its session too. */
function records(line: FieldLine): true {
  const m = /^(大会|经济及社会理事会|安全理事会)\s*正式记录\s*(第.{1,8}届会议)/.exec(line.text.replace(/\s+/g, ''));
  if (m) {
    line.meta.body ??= m[1]!;
    line.meta.session ??= m[2]!;
  }
  return setText(line, 'officialRecords');
}

/** Masthead lines (the organ `联合国`, the imprint `联合国•2024年`): dropped, counted. */
function masthead({ text, no, ledger }: FieldLine): true {
  drop(ledger, no, text, 'masthead');
  return true;
}

/** The organ (`大会`) and the body that reports (`人权理事会`, a committee) both print; keep the body. */
function body({ text, no, meta, ledger }: FieldLine): boolean {
  if (!BODY.test(text)) return false;
  if (!meta.body || bodyRank(text) > bodyRank(meta.body)) {
    if (meta.body && meta.bodyLine !== undefined) release(ledger, meta.bodyLine, meta.body, 'masthead');
    meta.body = text;
    meta.bodyLine = no;
    keep(ledger, no, text);
  } else drop(ledger, no, text, 'masthead');
  return true;
}

/** `2023年12月19日大会通过的决议` says who adopted it and when: a resolution's author line. */
function adoptedOn({ text, no, meta, ledger }: FieldLine): boolean {
  if (!ADOPTED_ON.test(text) && !SERIES_LINE.test(text)) return false;
  const d = isoDate(text);
  if (d) meta.date ??= d;
  meta.author ??= text;
  keep(ledger, no, text);
  return true;
}

function supplement({ text, no, meta, ledger }: FieldLine): boolean {
  if (!SUPPLEMENT.test(text) || !meta.officialRecords) return false;
  meta.officialRecords = `${meta.officialRecords} ${text}`;
  keep(ledger, no, text);
  return true;
}

function agenda({ text, no, meta, ledger }: FieldLine): boolean {
  const m = AGENDA.exec(text);
  if (!m || !/\d/.test(m[1]!)) return false;
  // `议程项目2:高级专员的口头介绍`: the item and its title on one line.
  const titled = /^([^：:]{1,12})\s*[：:]\s*(\S.*)$/.exec(m[1]!);
  meta.agendaItems.push(...(titled ? titled[1]! : m[1]!).split(/\s*(?:和|、|,|，|及|与)\s*/).filter(Boolean));
  if (titled) meta.agendaTitles.push(titled[2]!);
  meta.agendaLine = no;
  keep(ledger, no, text);
  return true;
}

function notice({ text, no, meta, ledger }: FieldLine): boolean {
  if (!NOTICE.test(text)) return false;
  meta.notice = meta.notice ? `${meta.notice}\n${text.replace(/^\*\s*/, '')}` : text.replace(/^\*\s*/, '');
  keep(ledger, no, text);
  return true;
}

/** A statement's labelled fields: `发言人：`, `场合：`, `地点：`, `日期：` and their variants. */
function labelled({ text, no, meta, ledger }: FieldLine): boolean {
  const m = LABEL.exec(text);
  if (!m) return false;
  const value = m[2]!.trim();
  const key = m[1]!;
  keep(ledger, no, text);
  if (/发言人|讲话人|演讲人|致辞人/.test(key)) meta.speaker ??= value;
  else if (/场合|活动/.test(key)) meta.occasion ??= value;
  else if (key === '地点') meta.place ??= value;
  else {
    const d = isoDate(value);
    if (d) meta.date ??= d;
    meta.dates ??= value;
  }
  return true;
}

/** The fields a cover line can be once its column fields are out, in the order they are tried. */
const LINE_FIELDS: readonly ((line: FieldLine) => boolean)[] = [
  (l) => ORGAN.test(l.text) && masthead(l),
  body,
  (l) => IMPRINT.test(l.text) && masthead(l),
  adoptedOn,
  supplement,
  (l) => SESSION.test(l.text) && !l.meta.session && setText(l, 'session'),
  (l) => ONE_DAY.test(l.text) && l.meta.oneLoneDate === true && oneDay(l),
  (l) => DATES.test(l.text) && !l.meta.dates && setText(l, 'dates'),
  agenda,
  (l) => RECORDS.test(l.text) && l.text.length <= 60 && records(l),
  (l) => TREATY.test(l.text) && !/的报告|结论性意见/.test(l.text) && setText(l, 'treaty'),
  notice,
  labelled,
];
