/**
 * Numbers in running Chinese text: `1,128`, `47 000`, `6.08 亿`, `3.99亿美元`, `43.15%`,
 * `700 多名`, `十几个` — with what they count. Years, dates, durations, ordinals (`第 26 届`),
 * document and resolution numbers (`48/141`, `1244(1999)`), goal numbers (`目标 16`) and
 * numbers inside names (`COVID-19`) are not quantities and are skipped.
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

const MEASURES = '个名次份项人笔起件封场本所位家条点批类种轮座处';
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
const NOT_A_QUANTITY_AFTER = /^\s*(?:年|月|日|天|小时|周年|周|届|号|段|世纪|岁)/;
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
    if (/[\d.,/\-–A-Za-z#]$/.test(prefix) || /(?:第|人权)\s*$/.test(prefix) || /目标$/.test(prefix.slice(0, runStart(prefix, /[\d、和及\s]/)))) continue;
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
    if (/[第一二三四五六七八九十百千两]$/.test(before(text, start))) continue;
    const value = m[1] === '十几' ? 10 : m[1] === '两' ? 2 : fromChinese(m[1]!.replace(/^两/, '二'));
    if (value === undefined || value < 2) continue;
    const mention = complete(text, start, m[1]!, value);
    if (mention) out.push({ ...mention, approx: mention.approx || m[1] === '十几' });
  }
  return out.sort((a, b) => a.start - b.start);
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

/** The noun phrase right after the measure word: a run of Chinese up to a verb or particle. */
function nounAfter(rest: string): string {
  const run = /^[\u4e00-\u9fff]+/.exec(rest)?.[0] ?? '';
  let cut = run.length;
  const said = /^(?:已确认)?为(?!期)([\u4e00-\u9fff]+)/.exec(run);
  if (said) return said[1]!.slice(0, MAX_NOUN);
  for (const stop of STOPS) {
    const at = stop.length === 1 && LEADING.includes(stop) ? (run.startsWith(stop) ? 0 : -1) : run.indexOf(stop, LEADING.includes(stop) ? 0 : 1);
    if (at >= 0 && at < cut && run[at + stop.length] !== '者') cut = at;
  }
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
