/**
 * Cross-report series and the provenance check (issue 4). Pure: report models + the maintainer
 * file `seeds/figures.json` in, series and problems out; the site build runs it over all reports.
 *
 * Matching is rule-based and explainable: a rule names the counted noun it looks for, the units
 * it accepts and the words the number's clause must (or must not) contain; the first matching
 * quantity of each report is that report's point, at the year the report covers. The maintainer
 * file can rename, confirm, hide or merge series, add rules, pin points, and rename or hide charts.
 */
import { RULES, type FiguresConfig, type Rule } from '../../scripts/model/figures-config.ts';
import { passages } from '../../scripts/model/passages.ts';
import type { Chart, FigureValue, Report } from '../../scripts/model/schema.ts';

export interface SeriesPoint {
  report: string;
  /** The year the report covers (end of its period, else its year): the x value. */
  year: number;
  block: string;
  value: number;
  printed: string;
  sentence: string;
}

export interface Series {
  id: string;
  title: string;
  unit: string;
  confirmed: boolean;
  /** How the points were found, in words, for readers (no regular expressions). */
  description: string;
  /** The matching rule as written (regular expressions), for maintainers. */
  explanation: string;
  points: SeriesPoint[];
}

/** A report's passages and the quantities the converter found in each (`figures.values`). */
interface Passages {
  /** Passage text by anchor (paragraphs, list items, key figures). */
  text: Map<string, string>;
  /** The quantities of each passage, in reading order, each with the sentence it is printed in. */
  values: Map<string, { value: FigureValue; sentence: string }[]>;
}

const indexed = new WeakMap<Report, Passages>();

/**
 * The passages of a report with the quantities the converter found in them: the site reads them
 * from the model (`figures.values`, each with its sentence and its offset there) instead of
 * running the converter's number finding again. Kept per model object: a model is not
 * changed once read (a changed seed gives a new one).
 */
function passagesOf(report: Report): Passages {
  let found = indexed.get(report);
  if (!found) {
    const list = passages(report.blocks);
    found = { text: new Map(list.map((p) => [p.id, p.text])), values: new Map(list.map((p) => [p.id, []])) };
    const sentences = report.figures?.sentences ?? [];
    for (const value of report.figures?.values ?? []) {
      // A value counts only while the clause it was read from is still in its passage: a model
      // whose text was changed after extraction does not vouch for the numbers of that clause.
      const sentence = sentences[value.sentence] ?? '';
      if (found.text.get(value.block)?.includes(clausesAround(sentence, value.at)[0])) found.values.get(value.block)!.push({ value, sentence });
    }
    indexed.set(report, found);
  }
  return found;
}

/** The year a report's numbers belong to. */
export function reportYear(report: Report): number | undefined {
  const years = report.meta.period?.match(/\d{4}/g);
  return years ? Number(years.at(-1)) : report.meta.year;
}

/** Every series with at least two reports, after the maintainer's renames, merges and hides. */
export function buildSeries(reports: readonly Report[], config: FiguresConfig): Series[] {
  const rules = RULES.map((r) => ({ ...r, rule: config.series[r.id]?.match ?? r.rule }));
  for (const [id, entry] of Object.entries(config.series)) {
    if (entry.match && !rules.some((r) => r.id === id)) rules.push({ id, title: entry.title ?? id, unit: entry.unit ?? '', rule: entry.match });
  }
  const all = new Map<string, Series>();
  for (const r of rules) {
    const entry = config.series[r.id];
    all.set(r.id, {
      id: r.id,
      title: entry?.title ?? r.title,
      unit: entry?.unit ?? r.unit,
      confirmed: entry?.confirmed ?? false,
      description: describeRule(r.rule),
      explanation: explain(r.rule),
      points: reports.flatMap((report) => {
        const found = matchRule(report, r.rule);
        return found ? [found] : [];
      }),
    });
  }
  for (const [id, entry] of Object.entries(config.series)) {
    const series = all.get(id) ?? {
      id,
      title: entry.title ?? id,
      unit: entry.unit ?? '',
      confirmed: entry.confirmed ?? false,
      description: '',
      explanation: '',
      points: [],
    };
    for (const p of entry.points ?? []) {
      // A point of a report that is not in the corpus (its seed was removed) is left out, so
      // removing a seed never breaks the build; the provenance check covers the points kept.
      const report = reports.find((r) => r.slug === p.report);
      if (!report) continue;
      const point = {
        report: p.report,
        year: reportYear(report) ?? 0,
        block: p.block,
        value: p.value,
        printed: p.printed ?? String(p.value),
        sentence: passagesOf(report).text.get(p.block) ?? '',
      };
      series.points = [...series.points.filter((q) => q.report !== p.report), point];
    }
    if (entry.points?.length) {
      series.explanation = `${series.explanation ? `${series.explanation}；` : ''}维护者指定 ${entry.points.length} 个数据点`;
      series.description = `${series.description ? `${series.description}；` : ''}其中 ${entry.points.length} 个数字由维护者核对指定`;
    }
    all.set(id, series);
  }
  for (const [id, entry] of Object.entries(config.series)) {
    if (!entry.mergeInto) continue;
    const from = all.get(id)!;
    const into = all.get(entry.mergeInto)!;
    into.points = [...into.points, ...from.points.filter((p) => !into.points.some((q) => q.report === p.report))];
    into.explanation += `；并入「${from.title}」`;
    into.description += `；缺少的年份取自「${from.title}」`;
    all.delete(id);
  }
  return [...all.values()]
    .filter((s) => !config.series[s.id]?.hide && new Set(s.points.map((p) => p.report)).size >= 2)
    .map((s) => ({ ...s, points: [...s.points].sort((a, b) => a.year - b.year || a.report.localeCompare(b.report)) }));
}

/** `奴隶|奴役` → `「奴隶」或「奴役」`; undefined when the pattern is more than plain alternatives. */
function words(pattern: string, joiner: string): string | undefined {
  const alternatives = pattern.split('|').map((a) => a.replace(/^\^/, '').replace(/\$$/, ''));
  if (alternatives.some((a) => !a || /[\\.*+?()[\]{}^$]/.test(a))) return undefined;
  return alternatives.map((a) => `「${a}」`).join(joiner);
}

/**
 * The rule in words for readers: what is counted, in which unit, what the sentence has to be
 * about. A pattern that is not a plain list of words is not spelled out (the maintainer's rule is
 * still shown in the data), so a reader never sees a regular expression.
 */
export function describeRule(rule: Rule): string {
  const noun = words(rule.noun, '或');
  const parts = [noun ? `数的是${noun}` : '数的是维护者规则所指的对象'];
  if (rule.units) parts.push(`单位为${rule.units.map((u) => `「${u}」`).join('或')}`);
  const about = rule.context && words(rule.context, '或');
  if (about) parts.push(`句子谈的是${about}`);
  const not = rule.exclude && words(rule.exclude, '或');
  if (not) parts.push(`不谈${not}`);
  return `${parts.join('，')}；每份报告取第一处这样的数字`;
}

function explain(rule: Rule): string {
  const parts = [`所计名词匹配 /${rule.noun}/`];
  if (rule.units) parts.push(`单位为 ${rule.units.join('、')}`);
  if (rule.context) parts.push(`所在分句含 /${rule.context}/`);
  if (rule.exclude) parts.push(`且不含 /${rule.exclude}/`);
  return `${parts.join('，')}；每份报告取第一个匹配的数字`;
}

/** The first quantity of the report that the rule accepts. */
function matchRule(report: Report, rule: Rule): SeriesPoint | undefined {
  const noun = new RegExp(rule.noun);
  const context = rule.context ? new RegExp(rule.context) : undefined;
  const exclude = rule.exclude ? new RegExp(rule.exclude) : undefined;
  const year = reportYear(report);
  if (year === undefined) return undefined;
  for (const [block, values] of passagesOf(report).values) {
    for (const { value: m, sentence } of values) {
      if (!noun.test(m.noun) || (rule.units && !rule.units.includes(m.unit))) continue;
      if (context || exclude) {
        const clauses = clausesAround(sentence, m.at);
        const says = (c: string) => Boolean(context?.test(c) || exclude?.test(c));
        const where = says(clauses[0]) ? clauses[0] : clauses[1];
        if ((context && !context.test(where)) || exclude?.test(where)) continue;
      }
      return { report: report.slug, year, block, value: m.value, printed: m.printed, sentence };
    }
  }
  return undefined;
}

/** The clause holding position `at`, and the clause after it within the same sentence. */
function clausesAround(text: string, at: number): [string, string] {
  const start = Math.max(...[...'，；。：,;'].map((p) => text.lastIndexOf(p, at - 1))) + 1;
  const rest = text.slice(at);
  const end = rest.search(/[，；。：,;]/);
  const own = text.slice(start, end < 0 ? undefined : at + end);
  if (end < 0 || rest[end] === '。') return [own, ''];
  const after = rest.slice(end + 1);
  const next = after.search(/[，；。：,;]/);
  return [own, next < 0 ? after : after.slice(0, next)];
}

export interface ProvenanceProblem {
  /** `chart a-hrc-55-69#chart-p-2-1 「…」` or `series special-procedure-mandates 「…」`. */
  what: string;
  report: string;
  block: string;
  printed: string;
  message: string;
}

/**
 * Every number a chart or series shows must still be printed in the passage it cites. A seed
 * edit that changes or moves a number makes this list non-empty, and the build refuses to
 * publish the stale chart, naming it and the paragraph.
 */
export function checkProvenance(
  reports: readonly Report[],
  charts: readonly { report: string; chart: Chart }[],
  series: readonly Series[],
): ProvenanceProblem[] {
  const bySlug = new Map(reports.map((r) => [r.slug, passagesOf(r)]));
  const problems: ProvenanceProblem[] = [];
  const check = (what: string, report: string, block: string, printed: string, value: number) => {
    const values = bySlug.get(report)?.values.get(block);
    if (values === undefined) problems.push({ what, report, block, printed, message: `${what}: cites ${report}#${block}, which does not exist` });
    else if (!values.some(({ value: m }) => m.printed === printed && m.value === value)) {
      problems.push({ what, report, block, printed, message: `${what}: the number ${printed} (${value}) no longer appears in ${report}#${block}` });
    }
  };
  for (const { report, chart } of charts) {
    const what = `chart ${report}#${chart.id} 「${chart.title}」`;
    for (const item of [...(chart.total ? [chart.total] : []), ...chart.items]) check(what, report, item.block, item.printed, item.value);
  }
  for (const s of series) for (const p of s.points) check(`series ${s.id} 「${s.title}」`, p.report, p.block, p.printed, p.value);
  return problems;
}

/** The values of a report a reader sees in its key-figures strip. */
export function headlineValues(report: Report): FigureValue[] {
  const figures = report.figures;
  if (!figures) return [];
  return figures.headline.map((id) => figures.values.find((v) => v.id === id)).filter((v): v is FigureValue => Boolean(v));
}
