/**
 * Step 8b — figures: every quantity in the report's text, the chart data its sentences hold,
 * and the headline numbers for the key-figures strip. Pure: blocks in, `Figures` out; runs
 * after assemble, so every value carries the anchor of the passage it is printed in.
 */
import { findMentions } from './figures/mentions.ts';
import { sentenceCharts, type Sentence } from './figures/structures.ts';
import { passages } from './figures/text.ts';
import type { DraftDiagnostic } from './draft.ts';
import type { Block, Chart, FigureValue, Figures } from './schema.ts';

const HEADLINES = 6;
/** Nouns that say little on their own in a strip (`21 个国家`). */
const GENERIC = /^(?:国家|国家和地区|报告|人|案件|其中|会员国)$/;

/**
 * `warn` is told of numbers kept as text only (too many digits for the model), with the line
 * of their passage: the report still converts.
 */
export function extractFigures(blocks: Block[], warn?: (d: DraftDiagnostic) => void): Figures {
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
  for (const passage of passages(blocks)) {
    let previous: Sentence | undefined;
    let k = 0;
    let c = 0;
    for (const text of sentences(passage.text)) {
      const mentions = findMentions(text, (printed) =>
        warn?.({ code: 'number-too-long', line: passage.line, message: `a number of ${printed.length} characters (${printed.slice(0, 12)}…) is kept as text, not as a figure` }),
      );
      const sentence: Sentence = { block: passage.id, text, mentions };
      for (const m of mentions) {
        values.push({ id: `${passage.id}-v${++k}`, block: passage.id, value: m.value, printed: m.printed, unit: m.unit, noun: m.noun, approx: m.approx, sentence: sentenceId(text) });
      }
      for (const { texts, ...draft } of sentenceCharts(sentence, previous)) {
        charts.push({ id: `chart-${passage.id}-${++c}`, block: passage.id, ...draft, sentences: texts.map(sentenceId) });
      }
      previous = sentence;
    }
  }
  return { sentences: sentenceTable, values, charts, headline: headline(values, charts, keyFigures) };
}

/** Sentences of a passage, cut after `。！？` (a key figure or list item is often one sentence). */
function sentences(text: string): string[] {
  const out: string[] = [];
  const re = /[^。！？]+[。！？]?/g;
  for (const m of text.matchAll(re)) if (m[0].trim()) out.push(m[0].trim());
  return out;
}

/**
 * The key-figures strip: the infographic's own key figures where the report has them;
 * otherwise chart totals first, then the first counted quantity of each passage, one per
 * passage, exact before approximate, in reading order.
 */
function headline(values: FigureValue[], charts: Chart[], keyFigures: Set<string>): string[] {
  const firstOf = new Map<string, FigureValue>();
  for (const v of values) if (!firstOf.has(v.block)) firstOf.set(v.block, v);
  if (keyFigures.size) {
    return [...keyFigures].map((id) => firstOf.get(id)?.id).filter((id): id is string => Boolean(id)).slice(0, HEADLINES);
  }
  const byPrinted = new Map<string, FigureValue>();
  for (const v of values) if (!byPrinted.has(`${v.block}\n${v.printed}`)) byPrinted.set(`${v.block}\n${v.printed}`, v);
  const chosen = new Map<string, FigureValue>();
  const specific = (v: FigureValue) => v.noun.length >= 2 && !GENERIC.test(v.noun);
  const eligible = (v: FigureValue) => v.unit !== '%' && v.noun.length >= 2 && v.value >= 10 && !v.approx;
  const take = (v: FigureValue | undefined) => {
    if (v && chosen.size < HEADLINES && !chosen.has(v.block)) chosen.set(v.block, v);
  };
  for (const chart of charts) {
    const total = chart.total && byPrinted.get(`${chart.total.block}\n${chart.total.printed}`);
    if (total && specific(total)) take(total);
  }
  for (const v of values) if (eligible(v) && specific(v)) take(v);
  if (chosen.size < 4) for (const v of values) if (eligible(v)) take(v);
  const order = new Map(values.map((v, i) => [v.id, i]));
  return [...chosen.values()]
    .slice(0, HEADLINES)
    .sort((a, b) => order.get(a.id)! - order.get(b.id)!)
    .map((v) => v.id);
}
