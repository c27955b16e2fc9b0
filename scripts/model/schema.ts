/**
 * The report model: one zod schema per concept, and the TypeScript types derived from it.
 *
 * The converter validates what it writes against these schemas, and the Astro content
 * collection (src/content.config.ts) validates what it reads against the same ones, so the
 * two sides cannot drift apart.
 */
import { z } from 'zod';

/** A run of inline content inside a paragraph, list item, heading or note. */
export const inlineSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), value: z.string() }),
  /** A footnote reference; `id` is the anchor of the reference itself (`fnref-3`, `fnref-3-2`). */
  z.object({ type: z.literal('noteRef'), n: z.number().int().positive(), id: z.string() }),
  /** A UN document symbol or a resolution, normalised to its symbol (`A/RES/48/141`). */
  z.object({
    type: z.literal('doc'),
    symbol: z.string(),
    text: z.string(),
    kind: z.enum(['document', 'resolution']),
  }),
  /**
   * The paragraph part of a citation that follows a document symbol (`A/HRC/40/3，第 7-16 段`):
   * `text` is the printed part it covers (`第 7-16 段`, or `第 5` and `第 6 段` of `第 5 和第 6 段`),
   * `anchor` the paragraph's id in that report (`p-7`, `p-27-a`), `symbol` the cited document.
   */
  z.object({ type: z.literal('paraRef'), symbol: z.string(), anchor: z.string().regex(/^p-\d+(?:-[a-z])?$/), text: z.string() }),
  /** A country or territory named in the text; `code` is ISO 3166-1 alpha-3 (`VEN`; `XKK` for Kosovo). */
  z.object({ type: z.literal('country'), code: z.string().regex(/^[A-Z]{3}$/), text: z.string() }),
  /** An external link (http/https only). */
  z.object({ type: z.literal('link'), url: z.url({ protocol: /^https?$/ }), text: z.string() }),
]);
export type Inline = z.output<typeof inlineSchema>;

const located = { id: z.string(), line: z.number().int().nonnegative() };

export const headingSchema = z.object({
  type: z.literal('heading'),
  ...located,
  /** 1 = chapter (`第一章`, `一.`), 2 = section (`A.`), 3 = numbered sub-heading (`1.`). */
  level: z.number().int().min(1).max(3),
  kind: z.enum(['chapter', 'section', 'subsection']),
  /** The printed label (`第一章`, `一.`, `A.`, `1.`), empty for unlabelled headings. */
  label: z.string(),
  content: z.array(inlineSchema),
});
export type Heading = z.output<typeof headingSchema>;

export const paragraphSchema = z.object({
  type: z.literal('paragraph'),
  ...located,
  /** The printed paragraph number; absent for unnumbered text blocks. */
  n: z.number().int().positive().optional(),
  /**
   * A decimal paragraph number as printed (`2.1`, treaty bodies' Views on communications); `n` is
   * then its first part and the anchor `p-2-1`.
   */
  label: z
    .string()
    .regex(/^\d+\.\d+$/)
    .optional(),
  /** A photo's caption and credit on an infographic page (anchored `photo-N`): shown as such, not as body text. */
  photo: z.literal(true).optional(),
  /**
   * A pull-quote's attribution as printed under it on an infographic page (`——某某`,
   * `某机构主任某某`): shown under the quote, part of its paragraph.
   */
  by: z.string().min(1).optional(),
  content: z.array(inlineSchema),
});
export type Paragraph = z.output<typeof paragraphSchema>;

export const listItemSchema = z.object({ ...located, label: z.string(), content: z.array(inlineSchema) });
export const listSchema = z.object({
  type: z.literal('list'),
  ...located,
  items: z.array(listItemSchema).min(1),
});
export type List = z.output<typeof listSchema>;

/** An infographic key figure: a number as printed and the caption that says what it counts. */
export const keyFigureSchema = z.object({
  type: z.literal('figure'),
  ...located,
  value: z.string(),
  caption: z.string(),
});
export type KeyFigure = z.output<typeof keyFigureSchema>;

export const blockSchema = z.discriminatedUnion('type', [headingSchema, paragraphSchema, listSchema, keyFigureSchema]);
export type Block = z.output<typeof blockSchema>;

export const noteSchema = z.object({
  ...located,
  n: z.number().int().positive(),
  /** The printed mark (`1`, `¹`), kept for diagnostics. */
  mark: z.string(),
  content: z.array(inlineSchema),
  /** Anchors of the references that point at this note (`fnref-3`, `fnref-3-2`). */
  refs: z.array(z.string()),
  /** For an ibid note (`同上`), the symbol of the document it repeats. */
  ibid: z.string().optional(),
});
export type Note = z.output<typeof noteSchema>;

/**
 * What kind of UN document a seed is (docs/un-document-anatomy.md): it decides how the cover
 * page, paragraphs and labels are read, and readers see it in the catalogue.
 */
export const documentKindSchema = z.enum(['report', 'concluding-observations', 'annual-report', 'resolution', 'decision', 'statement', 'views', 'other']);
export type DocumentKind = z.output<typeof documentKindSchema>;

export const metaSchema = z.object({
  title: z.string().min(1),
  /** A note attached to the title by `*` (`* 由于…逾期提交`, `* 经委员会第八十届会议…通过`). */
  titleNote: z.string().optional(),
  kind: documentKindSchema.default('report'),
  /** Document symbol of the report itself (`A/74/36`). */
  symbol: z.string().optional(),
  /** Every symbol the cover page carries, the main one first (`E/2019/22`, `E/C.12/2018/3`). */
  symbols: z.array(z.string()).default([]),
  /** Distribution as printed on the cover (`General`, `Limited`). */
  distribution: z.string().optional(),
  /** Date of the document from the cover page, ISO (`2023-03-09`). */
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  /** Original language from the cover (`English`), when stated. */
  original: z.string().optional(),
  /** The treaty line of treaty-body documents (`《经济、社会及文化权利国际公约》`). */
  treaty: z.string().optional(),
  /** Official-records line (`正式记录，2019年 补编第2号`). */
  officialRecords: z.string().optional(),
  /** Resolutions: the adoption line (`[根据第三委员会的报告(A/78/481/Add.2)通过]`). */
  adoption: z.string().optional(),
  /**
   * Label/value fields of a cover table, as printed (Views on communications: `提交人`,
   * `所涉缔约国`, `来文日期` …).
   */
  fields: z.array(z.object({ label: z.string(), value: z.string() })).optional(),
  /** Statements: who speaks, on what occasion, where (as printed). */
  speaker: z.string().optional(),
  occasion: z.string().optional(),
  place: z.string().optional(),
  /** Issuing body: 大会, 人权理事会, 秘书长 … */
  body: z.string().optional(),
  /** Who reports (`联合国人权事务高级专员的报告`, `秘书处的报告`). */
  author: z.string().optional(),
  session: z.string().optional(),
  dates: z.string().optional(),
  /** Agenda item numbers as printed (`2`, `3`) and their titles where the text gives them. */
  agendaItems: z.array(z.string()),
  agendaTitles: z.array(z.string()),
  summary: z.string().optional(),
  /** The summary's label as printed (`概要`, `内容提要`), the heading the page gives it. */
  summaryLabel: z.string().optional(),
  /** The period the report covers, as printed (`2018 年 12 月 1 日至 2019 年 6 月 30 日`). */
  period: z.string().optional(),
  year: z.number().int().min(1945).max(2100).optional(),
  /** Where each field came from: `text`, `manifest` or `filename`. */
  sources: z.record(z.string(), z.enum(['text', 'manifest', 'filename'])),
});
export type Meta = z.output<typeof metaSchema>;

export const diagnosticSchema = z.object({
  level: z.enum(['warning', 'error']),
  code: z.string(),
  file: z.string(),
  line: z.number().int().nonnegative().optional(),
  message: z.string(),
});
export type Diagnostic = z.output<typeof diagnosticSchema>;

export const statsSchema = z.object({
  paragraphs: z.number().int(),
  notes: z.number().int(),
  headings: z.object({ chapter: z.number().int(), section: z.number().int(), subsection: z.number().int() }),
  figures: z.number().int(),
  /** What text repair dropped, by reason. */
  dropped: z.record(z.string(), z.number().int()),
  /** Text accounting: non-whitespace characters of the input = kept + dropped (scripts/converter/ledger.ts). */
  accounting: z.object({ input: z.number().int(), kept: z.number().int(), dropped: z.number().int() }).optional(),
});
export type Stats = z.output<typeof statsSchema>;

/** Text left out of the page, with its line and reason (scripts/converter/ledger.ts, docs/un-document-anatomy.md). */
export const dropSchema = z.object({
  line: z.number().int().positive(),
  reason: z.string(),
  text: z.string(),
});
export type Drop = z.output<typeof dropSchema>;

export const reportSchema = z.object({
  slug: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  source: z.object({ file: z.string(), sha256: z.string(), encoding: z.string() }),
  meta: metaSchema,
  blocks: z.array(blockSchema),
  notes: z.array(noteSchema),
  stats: statsSchema,
  /** Every span of input text that is not on the page: input = kept + dropped, checked per line. */
  dropped: z.array(dropSchema).default([]),
  warnings: z.array(diagnosticSchema),
  /** Figures and chart data extracted from the text (scripts/converter/figures.ts); the converter always writes it. */
  figures: z.lazy(() => figuresSchema).optional(),
});
export type Report = z.output<typeof reportSchema>;

/** The frontmatter of `content/reports/<slug>.mdx`: what a page needs without the full model. */
export const frontmatterSchema = metaSchema.omit({ sources: true }).extend({
  slug: z.string(),
  source: z.string(),
  paragraphs: z.number().int(),
  notes: z.number().int(),
  headings: z.number().int(),
  figures: z.number().int(),
});
export type Frontmatter = z.output<typeof frontmatterSchema>;

/**
 * A quantity stated in the text (issue 4): the value, how it is printed, what it counts and
 * where it is, so that every number on a chart can be traced back to its paragraph.
 */
export const figureValueSchema = z.object({
  /** `p-8-v3`: the passage anchor and the mention's position in it. */
  id: z.string(),
  /** Anchor of the paragraph, list item or key figure the number is in. */
  block: z.string(),
  value: z.number(),
  /** The number exactly as printed (`1,128`, `47 000`, `6.08 亿`, `十几`); a substring of the passage. */
  printed: z.string(),
  /** Measure word or unit (`个`, `名`, `份`, `美元`, `%`), empty when none is printed. */
  unit: z.string(),
  /** What is counted: the Chinese noun phrase (`函件`, `专题任务`). */
  noun: z.string(),
  /** `700 多名`, `约 40 个`, `十几个`. */
  approx: z.boolean(),
  /** Index of the sentence the number is printed in, in `figures.sentences` (stored once, however many numbers it holds). */
  sentence: z.number().int().nonnegative(),
  /**
   * Where `printed` starts in that sentence: with it the site reads the number's clause (the
   * series rules' context) from the model instead of scanning the text again.
   */
  at: z.number().int().nonnegative(),
});
export type FigureValue = z.output<typeof figureValueSchema>;

/** One bar of a chart: a label and a value taken from a passage. */
export const chartItemSchema = z.object({
  label: z.string(),
  value: z.number(),
  printed: z.string(),
  block: z.string(),
});
export type ChartItem = z.output<typeof chartItemSchema>;

/**
 * Chart data found in the text: `parts` (a total and its parts, e.g. a budget and its sources),
 * `shares` (percentages of one whole), `counts` (an enumeration such as `阿富汗(3)、利比亚(5)`).
 */
export const chartSchema = z.object({
  /** `chart-p-8-1`: unique in the report, used as the `<figure>` id. */
  id: z.string(),
  kind: z.enum(['parts', 'shares', 'counts']),
  title: z.string(),
  unit: z.string(),
  /** The passage the chart is placed after. */
  block: z.string(),
  total: chartItemSchema.optional(),
  /** Whether the parts add up to the total as printed (`exact`) or cover only some of it. */
  sum: z.enum(['exact', 'partial']),
  items: z.array(chartItemSchema).min(1),
  /** Indexes in `figures.sentences` of the sentence(s) the chart is read from (a split total: the previous one too). */
  sentences: z.array(z.number().int().nonnegative()).min(1),
});
export type Chart = z.output<typeof chartSchema>;

export const figuresSchema = z.object({
  /**
   * The sentences values and charts are read from, each stored once: a value points at its
   * sentence by index, so output grows with the text, not with numbers × sentence length.
   */
  sentences: z.array(z.string()),
  values: z.array(figureValueSchema),
  charts: z.array(chartSchema),
  /** Ids of the values shown in the report's key-figures strip, in reading order. */
  headline: z.array(z.string()),
});
export type Figures = z.output<typeof figuresSchema>;

/**
 * The one way a zod error becomes a message: every issue as `key.path: message` (`(root)` for
 * the top level), joined with `; `. Callers put the file name in front.
 */
export function zodIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
}
