/**
 * Step 8b — figures: every quantity in the report's text, the chart data its sentences hold,
 * and the headline numbers for the key-figures strip. Pure: blocks in, `Figures` out; runs
 * after assemble, so every value carries the anchor of the passage it is printed in.
 */
import { findMentions } from './figures/mentions.ts';
import { sentenceCharts, type Sentence } from './figures/structures.ts';
import { passages } from '../model/passages.ts';
import { plainText } from '../model/plain.ts';
import type { DraftDiagnostic } from './draft.ts';
import type { Block, Chart, FigureValue, Figures } from '../model/schema.ts';

const HEADLINES = 6;
/** Nouns that say little on their own in a strip (`21 个国家`). */
const GENERIC = /^(?:国家|国家和地区|报告|人|案件|其中|会员国)$/;

/**
 * `warn` is told of numbers kept as text only (too many digits for the model), with the line
 * of their passage: the report still converts.
 */
export function extractFigures(blocks: Block[], warn?: (d: DraftDiagnostic) => void, title = ''): Figures {
  const values: FigureValue[] = [];
  const charts: Chart[] = [];
  const sentenceTable: string[] = [];
  const sentenceIds = new Map<string, number>();
  /** The sentence's index in the table, adding it the first time it is cited. */
  const sentenceId = (text: string) => {
    let id = sentenceIds.get(text);
    if (id === undefined) sentenceIds.set(text, (id = sentenceTable.push(text) - 1));
    return id;
  };
  const keyFigures = new Set(blocks.filter((b) => b.type === 'figure').map((b) => b.id));
  const texts: string[] = [];
  for (const passage of passages(blocks)) {
    texts.push(passage.text);
    let previous: Sentence | undefined;
    let k = 0;
    let c = 0;
    for (const text of sentences(passage.text)) {
      const mentions = findMentions(text, (printed) =>
        warn?.({
          code: 'number-too-long',
          line: passage.line,
          message: `a number of ${printed.length} characters (${printed.slice(0, 12)}…) is kept as text, not as a figure`,
        }),
      );
      const sentence: Sentence = { block: passage.id, text, mentions };
      for (const m of mentions) {
        values.push({
          id: `${passage.id}-v${++k}`,
          block: passage.id,
          value: m.value,
          printed: m.printed,
          unit: m.unit,
          noun: m.noun,
          approx: m.approx,
          sentence: sentenceId(text),
          at: m.start,
        });
      }
      for (const { texts, ...draft } of sentenceCharts(sentence, previous)) {
        charts.push({ id: `chart-${passage.id}-${++c}`, block: passage.id, ...draft, sentences: texts.map(sentenceId) });
      }
      previous = sentence;
    }
  }
  const kept = withoutLookalikes(charts);
  return { sentences: sentenceTable, values, charts: kept, headline: headline(values, kept, keyFigures, blocks, sentenceTable, texts, title) };
}

/** A two-bar chart: a total and the one part the text gives of it (`723 份函件，其中 621 份为联合发送`). */
const totalAndOnePart = (c: Chart) => c.kind === 'parts' && c.sum === 'partial' && c.items.length === 1;

/**
 * Several two-bar "total vs one part" charts from one passage look alike and say no more than
 * its sentences (A/HRC/55/69 paragraph 8 had four): they are dropped, the numbers stay in the text
 * and in `values`. One such chart on its own is kept.
 */
export function withoutLookalikes(charts: Chart[]): Chart[] {
  const perBlock = new Map<string, number>();
  for (const c of charts) if (totalAndOnePart(c)) perBlock.set(c.block, (perBlock.get(c.block) ?? 0) + 1);
  return charts.filter((c) => !(totalAndOnePart(c) && perBlock.get(c.block)! > 1));
}

/** Sentences of a passage, cut after `。！？` (a key figure or list item is often one sentence). */
function sentences(text: string): string[] {
  const out: string[] = [];
  const re = /[^。！？]+[。！？]?/g;
  for (const m of text.matchAll(re)) if (m[0].trim()) out.push(m[0].trim());
  return out;
}

/**
 * The key-figures strip: the infographic's own key figures where the report has them.
 * Otherwise each exact counted quantity (not a share, at least 10, a specific noun) scores its
 * salience, and the best, one per passage, are shown in reading order:
 * - 3 for a chart's total (the whole the report breaks down);
 * - 2 for a number stated as a total (`共`, `总数`, `总计`, `合计`, `累计`, `总共` in its clause);
 * - 2 for a number in the introduction (the first chapter) or before any heading;
 * - 2 when its noun is what the report is about: a heading (or the title) names it
 *   (`条约机构`, `函件`, `任务负责人` in `83 个任务负责人职位`);
 * - 1 when its noun recurs in 3 or more passages.
 * A number needs 2: one with none of these (`提出了 12 个案例供讨论`, `由 36 个国际组织…编写`)
 * is incidental and left out, even if the strip stays short or empty. A number or a noun is
 * shown once (a report that repeats `723` in its conclusions; `11 份函件` after `723 份函件`).
 */
function headline(
  values: FigureValue[],
  charts: Chart[],
  keyFigures: Set<string>,
  blocks: Block[],
  sentences: string[],
  texts: string[],
  title: string,
): string[] {
  const firstOf = new Map<string, FigureValue>();
  for (const v of values) if (!firstOf.has(v.block)) firstOf.set(v.block, v);
  if (keyFigures.size) {
    return [...keyFigures]
      .map((id) => firstOf.get(id)?.id)
      .filter((id): id is string => Boolean(id))
      .slice(0, HEADLINES);
  }
  const totals = new Set(charts.flatMap((c) => (c.total ? [`${c.total.block}\n${c.total.printed}`] : [])));
  const intro = introduction(blocks);
  const headings = [title, ...blocks.flatMap((b) => (b.type === 'heading' ? [plainText(b.content)] : []))].filter((h) => h.length >= 2);
  const named = (noun: string) =>
    headings.some((h) => h === noun || noun.includes(h) || (noun.length >= 3 && h.includes(noun)) || (noun.length >= 4 && h.endsWith(noun.slice(-2))));
  const recurs = (noun: string) => texts.filter((t) => t.includes(noun)).length >= 3;
  const score = (v: FigureValue) =>
    (totals.has(`${v.block}\n${v.printed}`) ? 3 : 0) +
    (statedTotal(v, sentences[v.sentence] ?? '') ? 2 : 0) +
    (intro.has(v.block) ? 2 : 0) +
    (named(v.noun) ? 2 : 0) +
    (recurs(v.noun) ? 1 : 0);

  // A passage competes with its best score and is shown by its first salient number
  // (`83 个任务负责人职位`, not the `16 名` appointed later in the paragraph).
  const best = new Map<string, { v: FigureValue; at: number; score: number }>();
  values.forEach((v, at) => {
    if (v.unit === '%' || v.approx || v.value < 10 || v.noun.length < 2 || GENERIC.test(v.noun)) return;
    const s = score(v);
    if (s < 2) return;
    const seen = best.get(v.block);
    if (!seen) best.set(v.block, { v, at, score: s });
    else seen.score = Math.max(seen.score, s);
  });
  const chosen: { v: FigureValue; at: number }[] = [];
  const shown = new Set<string>();
  for (const c of [...best.values()].sort((a, b) => b.score - a.score || a.at - b.at)) {
    if (chosen.length === HEADLINES || shown.has(String(c.v.value)) || shown.has(c.v.noun)) continue;
    chosen.push(c);
    shown.add(String(c.v.value)).add(c.v.noun);
  }
  return chosen.sort((a, b) => a.at - b.at).map((c) => c.v.id);
}

/** `共收到 433 份答复`, `任务总数为 60 项`: the noun or the clause before the number says it is a total. */
function statedTotal(v: FigureValue, sentence: string): boolean {
  if (/总数|总计|总额/.test(v.noun)) return true;
  const at = sentence.indexOf(v.printed);
  return (
    at >= 0 &&
    /共|总数|总计|合计|累计|总共|总额/.test(
      sentence
        .slice(0, at)
        .split(/[，；。：,;:]/)
        .at(-1)!,
    )
  );
}

/** Anchors of the passages in the introduction: before any heading, or under the first chapter. */
function introduction(blocks: Block[]): Set<string> {
  const out = new Set<string>();
  let chapters = 0;
  for (const b of blocks) {
    if (b.type === 'heading' && b.kind === 'chapter' && ++chapters > 1) break;
    if (b.type === 'paragraph' || b.type === 'figure') out.add(b.id);
    else if (b.type === 'list') for (const item of b.items) out.add(item.id);
  }
  return out;
}
