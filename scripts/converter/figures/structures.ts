/**
 * Chart data from the quantities of one sentence: a total and its parts
 * (`60 项，其中 46 项为专题任务，14 项为国别任务`; `3.99亿美元` = three sources), shares of one
 * whole (`59% 为女性，41% 为男性`), enumerations with counts (`阿富汗(3)、利比亚(5)…`), and a
 * sentence that splits the previous one's total (`在这些国家中，4 个…，16 个…，1 个…`).
 */
import type { Chart, ChartItem } from '../../model/schema.ts';
import type { Mention } from './mentions.ts';

export interface Sentence {
  block: string;
  text: string;
  mentions: Mention[];
}

/** A chart before it has an id; `texts` are the sentence(s) it is read from (the caller indexes them). */
type Draft = Omit<Chart, 'id' | 'block' | 'sentences'> & { texts: string[] };

const TOLERANCE = 0.005;
/**
 * How many mentions on either side of a total are looked at for its parts. A chart never has
 * more (a subset sum is tried on at most 12); the bound keeps a sentence of thousands of numbers
 * linear instead of looking at every pair.
 */
const REACH = 64;
const close = (a: number, b: number) => Math.abs(a - b) <= Math.max(TOLERANCE * Math.abs(b), 1e-9);

/** The charts one sentence holds (the previous sentence of the same passage is context). */
export function sentenceCharts(s: Sentence, previous?: Sentence): Draft[] {
  /** Mentions already in a chart of this sentence. */
  const used = new Set<Mention>();
  const out: Draft[] = [];
  const shares = sharesChart(s, used);
  if (shares) out.push(shares);
  const counts = countsChart(s, used);
  if (counts) out.push(counts);
  out.push(...partsCharts(s, used));
  const split = previous ? splitOfPrevious(s, previous, used) : undefined;
  if (split) out.push(split);
  return out;
}

function chartItem(s: Sentence, m: Mention, label = m.noun): ChartItem {
  return { label: label || m.printed, value: m.value, printed: m.printed, block: s.block };
}

/** Shares of one whole: two or more percentages that add up to 100. */
function sharesChart(s: Sentence, used: Set<Mention>): Draft | undefined {
  const shares = s.mentions.filter((m) => m.unit === '%');
  if (!(
    shares.length >= 2 &&
    close(
      shares.reduce((t, m) => t + m.value, 0),
      100,
    )
  ))
    return undefined;
  const labels = shares.map((m) => shareLabel(m.noun));
  const title = labels[0]!.whole ?? sharesTitle(s.text, shares[0]!, labels[0]!.label);
  shares.forEach((m) => used.add(m));
  return { kind: 'shares', title, unit: '%', sum: 'exact', items: shares.map((m, k) => chartItem(s, m, labels[k]!.label)), texts: [s.text] };
}

/** An enumeration with counts in brackets (`阿富汗(3)、利比亚(5)…`), with the total before it when one adds up. */
function countsChart(s: Sentence, used: Set<Mention>): Draft | undefined {
  const listed = s.mentions.filter((m) => !m.unit && /[(（]$/.test(s.text.slice(0, m.start)));
  if (listed.length < 2) return undefined;
  const sum = listed.reduce((t, m) => t + m.value, 0);
  const total = s.mentions.find((m) => m.unit && m.start < listed[0]!.start && m.value === sum);
  listed.forEach((m) => used.add(m));
  if (total) used.add(total);
  return {
    kind: 'counts',
    title: total ? totalTitle(total, s.text) : titleBefore(s.text, listed[0]!),
    unit: total?.unit ?? '',
    ...(total ? { total: chartItem(s, total) } : {}),
    sum: total ? 'exact' : 'partial',
    items: listed.map((m) => chartItem(s, m)),
    texts: [s.text],
  };
}

/** A total and its parts: later mentions of its unit that add up to it (or follow `其中`), or the ones just before it. */
function partsCharts(s: Sentence, used: Set<Mention>): Draft[] {
  const out: Draft[] = [];
  const clauseStart = clauseStarts(s);
  s.mentions.forEach((total, i) => {
    if (used.has(total) || !total.unit || total.unit === '%') return;
    const found = partsOf(s, i, used) ?? partsBefore(s, i, clauseStart[i]!, used);
    if (!found) return;
    const { parts, sum } = found;
    out.push({
      kind: 'parts',
      title: totalTitle(total, s.text),
      unit: total.unit,
      total: chartItem(s, total),
      sum,
      items: parts.map((m) => chartItem(s, m, partLabel(s.text, m, total))),
      texts: [s.text],
    });
    [total, ...parts].forEach((m) => used.add(m));
  });
  return out;
}

/** The parts after the total at `i`: a subset that adds up to it, or the first one after `其中`, `包括`, a bracket or a colon. */
function partsOf(s: Sentence, i: number, used: Set<Mention>): { parts: Mention[]; sum: 'exact' | 'partial' } | undefined {
  const total = s.mentions[i]!;
  // Up to 13 candidates: more than 12 is all subsetSumming needs to know to give up; past
  // REACH mentions, candidates further on are unknown, so the sum is not tried either.
  const later: Mention[] = [];
  let j = i + 1;
  for (; j < s.mentions.length && j <= i + REACH && later.length <= 12; j++) {
    const m = s.mentions[j]!;
    if (!used.has(m) && m.unit === total.unit && m.value < total.value) later.push(m);
  }
  const unknown = later.length <= 12 && j < s.mentions.length;
  const linked = /其中|包括|[(（：:]/.test(s.text.slice(total.end, later[0]?.start ?? total.end));
  const parts = unknown ? undefined : subsetSumming(later, total.value);
  if (parts) return { parts, sum: 'exact' };
  if (linked && later.length) return { parts: [later[0]!], sum: 'partial' };
  return undefined;
}

/** The parts printed just before the total at `i`, in its clause, when they add up to it. */
function partsBefore(s: Sentence, i: number, clauseStart: number, used: Set<Mention>): { parts: Mention[]; sum: 'exact' } | undefined {
  const earlier = contiguousBefore(s, i, clauseStart).filter((m) => !used.has(m));
  if (
    earlier.length >= 2 &&
    close(
      earlier.reduce((t, m) => t + m.value, 0),
      s.mentions[i]!.value,
    )
  )
    return { parts: earlier, sum: 'exact' };
  return undefined;
}

/** `在这些国家中，4 个…，16 个…，1 个…`: a sentence that splits the previous sentence's last total. */
function splitOfPrevious(s: Sentence, previous: Sentence, used: Set<Mention>): Draft | undefined {
  if (!/^在这些[\u4e00-\u9fff]*中/.test(s.text)) return undefined;
  const counted = s.mentions.filter((m) => m.unit && !used.has(m));
  const unit = counted[0]?.unit;
  const whole = [...previous.mentions].reverse().find((m) => m.unit === unit);
  const parts = counted.filter((m) => m.unit === unit);
  if (!(
    whole &&
    parts.length >= 2 &&
    close(
      parts.reduce((t, m) => t + m.value, 0),
      whole.value,
    )
  ))
    return undefined;
  return {
    kind: 'parts',
    title: totalTitle(whole, previous.text),
    unit: whole.unit,
    total: { label: whole.noun || whole.printed, value: whole.value, printed: whole.printed, block: previous.block },
    sum: 'exact',
    items: parts.map((m) => chartItem(s, m, partLabel(s.text, m, whole))),
    texts: [previous.text, s.text],
  };
}

/** The largest subset (in order) of `candidates` that adds up to `total`, if any (≤ 12 candidates). */
function subsetSumming(candidates: Mention[], total: number): Mention[] | undefined {
  if (candidates.length < 2 || candidates.length > 12) return undefined;
  let best: Mention[] | undefined;
  for (let mask = 1; mask < 1 << candidates.length; mask++) {
    const pick = candidates.filter((_, k) => mask & (1 << k));
    if (pick.length < 2 || (best && pick.length <= best.length)) continue;
    if (
      close(
        pick.reduce((t, m) => t + m.value, 0),
        total,
      )
    )
      best = pick;
  }
  return best;
}

/** Mentions right before `s.mentions[i]` in the same clause (`6 个…、9 个…和 1 个…的 16 份`), at most REACH of them. */
function contiguousBefore(s: Sentence, i: number, clauseStart: number): Mention[] {
  const out: Mention[] = [];
  for (let j = i - 1; j >= Math.max(0, i - REACH) && s.mentions[j]!.start > clauseStart; j--) out.unshift(s.mentions[j]!);
  return out;
}

/** Per mention, the position of the last `，；。：` before it (-1 if none): one pass over the sentence. */
function clauseStarts(s: Sentence): number[] {
  const out: number[] = [];
  let last = -1;
  let at = 0;
  for (const m of s.mentions) {
    for (; at < m.start && at < s.text.length; at++) if ('，；。：'.includes(s.text[at]!)) last = at;
    // lastIndexOf(p, start) also finds a mark at `start` itself.
    out.push('，；。：'.includes(s.text[m.start] ?? '') ? m.start : last);
  }
  return out;
}

const CLAUSE = /[，；。：,;:、]/;
const GENERIC = /^(?:国家|报告|人|其中|国家和地区|案件)?$/;

/** A part's label: its noun (`46 项为专题任务`), what follows when the noun repeats the whole's
 * (`4 个国家尚未收到访问请求`), else its clause (`提交大会的报告为 48 份`). */
function partLabel(text: string, m: Mention, whole: Mention): string {
  if (m.noun && !GENERIC.test(m.noun) && m.noun !== whole.noun) return m.noun;
  const after = text.slice(m.end).replace(/^\s*[\u4e00-\u9fff]?/, (c) => (m.unit && c.trim() === m.unit ? '' : c));
  const rest = after
    .split(CLAUSE)[0]!
    .replace(new RegExp(`^\\s*${m.noun}`), '')
    .replace(/^(?:为|是)/, '')
    .trim();
  if (rest) return rest;
  const clauseStart = Math.max(...['，', '；', '。', '：', '、', ','].map((p) => text.lastIndexOf(p, m.start))) + 1;
  const clause = text
    .slice(clauseStart, m.start)
    .replace(/(?:为|是|有|共|包括)\s*$/, '')
    .trim();
  return clause || m.noun || m.printed;
}

/** `专题任务（共 60 项）`, or the total's own clause when its noun says little (`21 个国家尚未接待任何访问`). */
function totalTitle(total: Mention, text: string): string {
  const unit = total.unit === '%' ? '%' : total.unit;
  if (total.noun && !GENERIC.test(total.noun) && text.slice(total.end).includes(total.noun))
    return `${total.noun}（共 ${total.printed} ${unit}${total.approx ? '以上' : ''}）`;
  const start = Math.max(...[...'，；。：,;:'].map((p) => text.lastIndexOf(p, total.start))) + 1;
  const next = text.slice(total.end).search(CLAUSE);
  return text
    .slice(start, next < 0 ? undefined : total.end + next)
    .trim()
    .replace(/^(?:而|并|共有|有)/, '')
    .trim();
}

/** The clause before a chart's first number, as its title: `现任任务负责人`, `…的地域分布情况`. */
function titleBefore(text: string, first: Mention): string {
  const clauses = text
    .slice(0, first.start)
    .split(/[，。；,]/)
    .map((c) => c.trim())
    .filter(Boolean);
  let title = clauses.at(-1) ?? '';
  if (first.noun && title.endsWith(first.noun)) title = title.slice(0, -first.noun.length);
  if (/[：:]/.test(title)) {
    const [head = '', tail = ''] = title.split(/[：:]/);
    title = tail.trim() || head.trim();
  }
  title = title
    .replace(/[：:]$/, '')
    .replace(/(?:情况)?如下$/, '')
    .replace(/^[^\u4e00-\u9fff]+/, '')
    .trim();
  return title || first.noun;
}

/**
 * A share's label as the text names the part: `女性占` → `女性`; `工作人员中女性占` also names the
 * whole (`工作人员`), which is what the chart measures.
 */
export function shareLabel(noun: string): { whole?: string; label: string } {
  const taken = /^(.*?)(?:约|所|仅|则)?占(?:了|比)?$/.exec(noun);
  if (!taken) return { label: noun };
  const phrase = taken[1]!.replace(/^在/, '');
  const cut = phrase.indexOf('中', 2);
  return cut > 0 && cut < phrase.length - 1 ? { whole: phrase.slice(0, cut), label: phrase.slice(cut + 1) } : { label: taken[1]! || noun };
}

/**
 * The title of a shares chart: the whole being measured. When the clause before the first share
 * only names that share (`在任务负责人中，女性占 59%`), the whole is in the clause before it.
 */
function sharesTitle(text: string, first: Mention, firstLabel: string): string {
  const title = titleBefore(text, first).replace(/(?:约|所|仅|则)?占(?:了|比)?$/, '');
  if (title && title !== firstLabel) return title;
  const clauses = text
    .slice(0, first.start)
    .split(/[，。；,]/)
    .map((c) => c.trim())
    .filter(Boolean);
  const whole = clauses
    .at(-2)
    ?.replace(/^(?:在|从|就)/, '')
    .replace(/(?:中|当中|之中)$/, '')
    .trim();
  return whole || title || firstLabel;
}
