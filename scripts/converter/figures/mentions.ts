/**
 * Numbers in running Chinese text: `1,128`, `47 000`, `6.08 亿`, `3.99亿美元`, `43.15%`,
 * `700 多名`, `十几个` — with what they count. Years, dates, durations, ordinals (`第 26 届`,
 * `第2,801次和2,802次会议`, `第10、11和12条`), document and resolution numbers (`48/141`,
 * `1244(1999)`, `SR.1588和1589`), goal and agenda-item numbers (`目标 16`, `议程项目 3`) and
 * numbers inside names (`COVID-19`) name something rather than count it and are skipped
 * (docs/un-document-anatomy.md §9.1).
 */
import { fromChinese } from '../numerals.ts';

/** One quantity as found in a passage; `start`/`end` delimit the number as printed. */
export interface Mention {
  value: number;
  /** The number as printed (`1,128`, `47 000`, `6.08 亿`, `十几`); always a substring of the passage. */
  printed: string;
  /** Measure word or unit: `个`, `名`, `份`, `美元`, `%`; empty when none is printed. */
  unit: string;
  /** What is counted (the noun phrase after the measure word, or before the number). */
  noun: string;
  approx: boolean;
  start: number;
  end: number;
}

/** Measure words a count takes after its number (`12,450起`, `48所`). */
export const MEASURES = '个名次份项人笔起件封场本所位家条点批类种轮座处';
/**
 * Each leading digit run is taken whole (`(?=(\d+))\4`, a possessive `+`): a shorter run is
 * followed by a digit, which neither `,`, a space nor the end test accepts, so giving digits back
 * only cost time (recheck found the backtracking polynomial). The number is group 1.
 */
const ARABIC = /(?<![\d.,])((?=(\d{1,3}))\2(?:,\d{3})+|(?=(\d{1,3}))\3(?:[ \u00a0]\d{3})+(?!\d)|(?=(\d+))\4(?:\.\d+)?)(?![\d/+]|\.\d|[A-Za-z])/g;
/**
 * A run of Chinese numerals is taken whole (`(?=(…+))\\2`, a possessive `+`): a shorter run is
 * followed by a numeral, never by `多`, `余` or a measure word, so giving some back only cost time.
 */
const CHINESE = new RegExp(`(?<![两二三四五六七八九十百千])((?=([两二三四五六七八九十百千]+))\\2|十几)(多|余)?(?=[${MEASURES}])`, 'g');
const TAIL = new RegExp(`^(\\s*([万亿]))?(\\s*(美元|%|％))?(\\s*(多|余))?(\\s*([${MEASURES}]))?`);
/**
 * What a number is not a quantity before: a date or duration, an ordinal's mark, an age, and the
 * tally of a vote (`以28票对9票、10票弃权获得通过`, `以45票赞成、0票反对`): how a text was
 * adopted, recorded under a resolution, not something the document counts.
 */
const NOT_A_QUANTITY_AFTER = /^\s*(?:年|月|日|天|小时|周年|周|届|号|段|世纪|岁|票\s*(?:对|赞成|反对|弃权|、))/;
const APPROX_BEFORE = /(?:约|大约|超过|逾|近|将近|至少|估计[^，。；]{0,6}|多达)\s*$/;
/** Words that end a counted noun phrase (verbs, particles); those in LEADING may also start the text after it. */
const LEADING = [
  '为',
  '是',
  '已',
  '被',
  '获得',
  '提供',
  '参加',
  '出席',
  '进行',
  '接待',
  '发出',
  '发送',
  '发布',
  '尚未',
  '登记',
  '表示',
  '得到',
  '提交',
  '查阅',
  '执行',
  '部署',
  '分设',
  '讨论',
  '涉及',
  '包括',
  '其中',
  '按照',
  '接受',
  '收到',
  '来自',
  '维护',
  '开展',
  '实施',
  '履行',
  '成功',
  '组成',
];
const STOPS = [...LEADING, '在', '向', '以', '中', '都', '和地区', '援助', '至少', '供', '发放', '收集'];
const MODIFIER = /^(?:新|援助|据称|相当于|支持|有关|关于|.$)/;
const MAX_NOUN = 14;
/**
 * How far back the tests before a number look. They only need the last clause; looking at the
 * whole passage before every number made a sentence of thousands of numbers quadratic.
 */
const BEFORE = 120;
const before = (text: string, start: number) => text.slice(Math.max(0, start - BEFORE), start);

/** Significant digits a number may have to be held exactly (a double holds 15). */
const MAX_DIGITS = 15;

/**
 * Every quantity in `text`, in order of appearance. A number with more digits than the model
 * can hold exactly stays text only; `onTooLong` is told its printed form (for a warning).
 */
export function findMentions(text: string, onTooLong?: (printed: string) => void): Mention[] {
  const out: Mention[] = [];
  for (const m of text.matchAll(ARABIC)) {
    const start = m.index;
    const prefix = before(text, start);
    if (m[1]!.replace(/\D/g, '').replace(/^0+/, '').length > MAX_DIGITS) {
      onTooLong?.(m[1]!);
      continue;
    }
    if (/人权\s*$/.test(prefix) || namesSomething(prefix, text.slice(start + m[1]!.length).trimStart()[0] ?? '')) continue;
    const mention = complete(text, start, m[1]!, Number(m[1]!.replace(/[, \u00a0]/g, '')));
    if (!mention) continue;
    const plainYear = /^\d{4}$/.test(m[1]!) && mention.value >= 1900 && mention.value <= 2100 && !mention.unit;
    if (plainYear) continue;
    if (/\($/.test(prefix) && text[mention.end] === ')' && /\d\s*\($/.test(prefix)) continue;
    const label =
      /[(（]$/.test(prefix) && /^[)）]/.test(text.slice(mention.end))
        ? prefix.slice(runStart(prefix.slice(0, -1), /[\u4e00-\u9fff]/), -1) || undefined
        : undefined;
    out.push(label ? { ...mention, noun: enumerationLabel(label) } : mention);
  }
  for (const m of text.matchAll(CHINESE)) {
    const start = m.index;
    const prefix = before(text, start);
    if (/[一二三四五六七八九十百千两]$/.test(prefix) || namesSomething(prefix, text.slice(start + m[1]!.length).trimStart()[0] ?? '')) continue;
    const value = m[1] === '十几' ? 10 : m[1] === '两' ? 2 : fromChinese(m[1]!.replace(/^两/, '二'));
    if (value === undefined || value < 2) continue;
    const mention = complete(text, start, m[1]!, value);
    if (mention) out.push({ ...mention, approx: mention.approx || m[1] === '十几' });
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Words a number follows when it names one of a series instead of counting: `第` (`第2,802次会议`,
 * `第 45 届会议`, `第16段`, `第7条`, `第2,802号`, `第(4)目`), a goal or an agenda item (`目标 16`,
 * `议程项目 3`), a symbol's last part (`CRC/C/SR.1588`, `SR. 1707`, `A/HRC/55/69`, `#3`).
 */
const NAMES_AFTER = /(?:第\s*(?:[(（]\s*)?|目标\s*|议程项目\s*)$/;
const SYMBOL_END = /[\d.,/\-–A-Za-z#]$|[A-Za-z][./]\s+$/;
/** Marks an ordinal takes after its number (`第 N 次/届/号/条/段/款/项/章/节`). */
const ORDINAL_MARKERS = '次届号条段款项章节';
/** Joins the members of a list or range of numbers: `和`, `及`, `与`, `或`, `、`, `至`, `到`, a dash or tilde. */
const JOINS = '和及与或、至到—~～';
const ARABIC_MEMBER = /[\d,]/;
const CHINESE_MEMBER = /[〇零一二三四五六七八九十百千两]/;

/**
 * Whether the number after `prefix` (followed by the character `next`) names something — a
 * meeting, session, paragraph, article, agenda item, goal, document — rather than counts: it
 * follows `第`, a label or a symbol, or it is a later member of a list or range whose first member
 * does (`第2,801次和2,802次会议`, `第60和61次会议`, `CRC/C/SR.1588和1589`, `目标 5、8 和 16`,
 * `第10、11和12条`). A later member carries the mark of the member before it (`次`, `条`), or
 * that one has none and this one no measure word of a count: `第3段和12,450起投诉` and
 * `第2条和16个国家` count. The look-back window bounds the walk, so a long list stays linear.
 */
function namesSomething(prefix: string, next: string): boolean {
  if (NAMES_AFTER.test(prefix) || SYMBOL_END.test(prefix)) return true;
  let end = prefix.trimEnd().length;
  if (end === 0 || !JOINS.includes(prefix[end - 1]!)) return false;
  end = prefix.slice(0, end - 1).trimEnd().length;
  const mark = end > 0 && ORDINAL_MARKERS.includes(prefix[end - 1]!) ? prefix[end - 1]! : '';
  if (mark ? next !== mark : MEASURES.includes(next) && !ORDINAL_MARKERS.includes(next)) return false;
  if (mark) end = prefix.slice(0, end - 1).trimEnd().length;
  const head = prefix.slice(0, end);
  const last = head[end - 1] ?? '';
  const member = ARABIC_MEMBER.test(last) ? ARABIC_MEMBER : CHINESE_MEMBER.test(last) ? CHINESE_MEMBER : undefined;
  return member !== undefined && namesSomething(head.slice(0, runStart(head, member)), mark || next);
}

function complete(text: string, start: number, printed: string, base: number): Mention | undefined {
  const end = start + printed.length;
  const after = text.slice(end);
  if (NOT_A_QUANTITY_AFTER.test(after)) return undefined;
  const tail = TAIL.exec(after)!;
  const magnitude = tail[2] === '万' ? 1e4 : tail[2] === '亿' ? 1e8 : 1;
  const currencyOrPercent = tail[4] === '％' ? '%' : (tail[4] ?? '');
  const unit = currencyOrPercent || tail[8] || '';
  if (NOT_A_QUANTITY_AFTER.test(after.slice(tail[0].length))) return undefined;
  const approx = Boolean(tail[6]) || APPROX_BEFORE.test(before(text, start)) || /^以上/.test(after.slice(tail[0].length));
  const value = round(base * magnitude);
  const rest = after.slice(tail[0].length);
  let noun = unit === '%' ? '' : nounAfter(rest);
  if (!noun) noun = nounBefore(before(text, start), rest, unit);
  return {
    value,
    printed: text.slice(start, end + (tail[1] ? tail[1].length : 0)),
    unit,
    noun,
    approx,
    start,
    end: end + (tail[1] ? tail[1].length : 0),
  };
}

/**
 * A verb right after the measure word that `者` closes within a few characters makes the counted
 * noun (`名被拘留者`, `名参加者`, `名寻求庇护者`): it starts no predicate. Later in the phrase only
 * `者` right after the verb does (`国家援助酷刑受害者` is a predicate with its object).
 */
const AGENT_NOUN = /^[\u4e00-\u9fff]{0,5}?者/;

/**
 * Where a predicate marked done by `了` starts in `run` (before `cut`): at the two-character verb
 * before `了`, or at the first of verbs joined by `或`/`和`/`并`/`及` (`监狱关押了`,
 * `国家批准或加入了`). A noun of at least two characters must stay before it; else `cut`.
 */
function predicateStart(run: string, cut: number): number {
  const done = run.indexOf('了');
  if (done < 0 || done > cut) return cut;
  let verb = done - 2;
  while (verb >= 5 && '或和并及'.includes(run[verb - 1]!)) verb -= 3;
  return verb >= 2 ? verb : cut;
}

/** The noun phrase right after the measure word: a run of Chinese up to a verb or particle. */
function nounAfter(rest: string): string {
  const run = /^[\u4e00-\u9fff]+/.exec(rest)?.[0] ?? '';
  let cut = run.length;
  const said = /^(?:已确认)?为(?!期)([\u4e00-\u9fff]+)/.exec(run);
  if (said) return said[1]!.slice(0, MAX_NOUN);
  for (const stop of STOPS) {
    const at = stop.length === 1 && LEADING.includes(stop) ? (run.startsWith(stop) ? 0 : -1) : run.indexOf(stop, LEADING.includes(stop) ? 0 : 1);
    const agent = at === 0 ? AGENT_NOUN.test(run.slice(stop.length)) : run[at + stop.length] === '者';
    if (at >= 0 && at < cut && !agent) cut = at;
  }
  cut = predicateStart(run, cut);
  let phrase = run.slice(0, cut);
  if (phrase.includes('的')) {
    const parts = phrase.split('的').filter(Boolean);
    phrase = parts.length > 1 && MODIFIER.test(parts[0]!) ? parts.at(-1)! : (parts[0] ?? '');
  }
  return phrase.replace(/和$/, '').slice(0, MAX_NOUN);
}

/** When nothing follows the number (`任务总数为 60 项`, `非洲国家，24.69%`), what precedes it. */
function nounBefore(before: string, rest: string, unit: string): string {
  if (unit === '%') {
    const said = /^\s*为([\u4e00-\u9fff]+)/.exec(rest);
    if (said) return said[1]!;
  }
  const clauses = before.split(/[，。；：、,;:(（]/);
  let clause = clauses.at(-1)!.trim();
  // The clause before names this number (`非洲国家，24.69%`) unless it holds a number of its own:
  // then it is that number's phrase (`31 份来自国家，65 份…`), not this one's.
  if (!clause && clauses.length > 1 && !/\d/.test(clauses.at(-2)!)) clause = clauses.at(-2)!.trim();
  clause = clause.replace(/^.*\d\s*[\u4e00-\u9fff]?/, '').replace(/^(?:其中|包括)/, '');
  clause = clause.replace(/(?:为|是|达到|达|共有|共|有|了|约|大约|超过|至少|已有)\s*$/, '').trim();
  if (clause.includes('的')) clause = clause.slice(clause.lastIndexOf('的') + 1);
  clause = clause.replace(/^(?:使|让|将|而)/, '');
  return clause.replace(/^[^\u4e00-\u9fff]+/, '').slice(-MAX_NOUN);
}

/** `…非国家行为体在阿富汗` → `阿富汗`, `和也门` → `也门`: the name just before `(n)`. */
export function enumerationLabel(run: string): string {
  if (/^[和及与]./.test(run)) return run.slice(1);
  const cut = run.lastIndexOf('在');
  return cut >= 0 && cut < run.length - 1 ? run.slice(cut + 1) : run;
}

/** Where the run of characters matching `char` that `text` ends with starts (a scan back: end-anchored `[…]+$` patterns are quadratic). */
function runStart(text: string, char: RegExp): number {
  let start = text.length;
  while (start > 0 && char.test(text[start - 1]!)) start--;
  return start;
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
