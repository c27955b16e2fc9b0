/**
 * The maintainer's file `seeds/figures.json` (chart renames and hides, series rules, points and
 * merges) and the built-in series rules it refers to: read, validated (errors name the file and
 * the key) and applied to the models' charts. The site's figures and the search records both
 * show charts after this file, so both call it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { parseJsonFile } from './manifest.ts';
import type { Chart, Report } from './schema.ts';

export const ruleSchema = z
  .object({
    /** Regular expression the counted noun must match (`赠款`, `特别程序任务`). */
    noun: z.string(),
    /** Accepted units (`个`, `项`); any when absent. */
    units: z.array(z.string()).optional(),
    /** The number's clause (or, when it says neither, the next one) must match this. */
    context: z.string().optional(),
    /** …and must not match this. */
    exclude: z.string().optional(),
  })
  .strict();
export type Rule = z.output<typeof ruleSchema>;

const pointSchema = z.object({ report: z.string(), block: z.string(), value: z.number(), printed: z.string().optional() }).strict();

export const figuresConfigSchema = z
  .object({
    charts: z
      .record(z.string(), z.object({ title: z.string().min(1).optional(), hide: z.boolean().optional(), note: z.string().optional() }).strict())
      .default({}),
    series: z
      .record(
        z.string(),
        z
          .object({
            title: z.string().min(1).optional(),
            unit: z.string().optional(),
            hide: z.boolean().optional(),
            /** Checked by a maintainer: shown without the "matched automatically" note. */
            confirmed: z.boolean().optional(),
            /** Fold this series' points into another series (for reports the other lacks). */
            mergeInto: z.string().optional(),
            match: ruleSchema.optional(),
            /** Points given by hand; each still has to appear in its cited paragraph. */
            points: z.array(pointSchema).optional(),
            /** Why: for the next maintainer. */
            note: z.string().optional(),
          })
          .strict(),
      )
      .default({}),
  })
  .strict();
export type FiguresConfig = z.output<typeof figuresConfigSchema>;

/** Parse `seeds/figures.json`; errors name the file and the offending key. */
export function parseFiguresConfig(text: string, file = 'seeds/figures.json'): FiguresConfig {
  const config = parseJsonFile(figuresConfigSchema, text, file);
  for (const key of Object.keys(config.charts)) {
    if (!/^[a-z0-9-]+#chart-[\w-]+$/.test(key))
      throw new Error(`${file}: charts.${key}: chart keys are "<report slug>#<chart id>" (e.g. "a-hrc-55-69#chart-p-2-1")`);
  }
  for (const [id, entry] of Object.entries(config.series)) {
    if (!/^[a-z0-9-]+$/.test(id)) throw new Error(`${file}: series.${id}: series keys are lower-case ids (letters, digits, dashes)`);
    if (entry.mergeInto !== undefined && !(entry.mergeInto in config.series) && !RULES.some((r) => r.id === entry.mergeInto)) {
      throw new Error(`${file}: series.${id}.mergeInto: no series "${entry.mergeInto}"`);
    }
    for (const key of ['noun', 'context', 'exclude'] as const) {
      const source = entry.match?.[key];
      if (source === undefined) continue;
      try {
        new RegExp(source);
      } catch (e) {
        throw new Error(`${file}: series.${id}.match.${key}: ${(e as Error).message}`);
      }
    }
  }
  return config;
}

/** The built-in rules: measures the reports repeat year after year. */
export const RULES: { id: string; title: string; unit: string; rule: Rule }[] = [
  { id: 'special-procedure-mandates', title: '特别程序任务数', unit: '项', rule: { noun: '特别程序任务', units: ['个', '项'] } },
  {
    id: 'torture-fund-grants',
    title: '援助酷刑受害者自愿基金：赠款笔数',
    unit: '笔',
    rule: { noun: '赠款', units: ['笔'], context: '酷刑', exclude: '奴隶|奴役' },
  },
  {
    id: 'torture-fund-countries',
    title: '援助酷刑受害者自愿基金：受援国家数',
    unit: '个',
    rule: { noun: '^国家$', units: ['个'], context: '酷刑受害者', exclude: '奴隶|奴役' },
  },
  {
    id: 'slavery-fund-grants',
    title: '当代形式奴隶制问题自愿信托基金：资助项目或赠款数',
    unit: '笔',
    rule: { noun: '项目|赠款', units: ['个', '笔'], context: '奴隶|奴役', exclude: '酷刑' },
  },
  {
    id: 'slavery-fund-countries',
    title: '当代形式奴隶制问题自愿信托基金：受援国家数',
    unit: '个',
    rule: { noun: '^国家$', units: ['个'], context: '奴隶|奴役', exclude: '酷刑' },
  },
  { id: 'field-presences', title: '人权外地存在', unit: '个', rule: { noun: '外地办事处|外地存在|地点', units: ['个'] } },
  {
    id: 'special-procedure-visits',
    title: '特别程序任务负责人国别访问次数',
    unit: '次',
    rule: { noun: '访问', units: ['次'], context: '特别程序|任务负责人' },
  },
];

/**
 * Where the maintainer's file of a content folder is: `seeds/figures.json` beside it. The site's
 * figures, the search records and the build's figures downloads all read this one.
 */
export const figuresFileOf = (contentDir: string): string => join(contentDir, '..', 'seeds', 'figures.json');

/** Read and validate the maintainer file (an absent file means no overrides). */
export function loadFiguresConfig(file: string): FiguresConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return parseFiguresConfig('{}', file);
  }
  return parseFiguresConfig(text, file);
}

/** Charts after the maintainer's overrides; errors name a key that matches no chart. */
export function applyChartConfig(reports: readonly Report[], config: FiguresConfig, file = 'seeds/figures.json'): Map<string, Chart[]> {
  const out = new Map<string, Chart[]>();
  const known = new Set<string>();
  for (const r of reports) {
    const charts: Chart[] = [];
    for (const chart of r.figures?.charts ?? []) {
      const key = `${r.slug}#${chart.id}`;
      known.add(key);
      const entry = config.charts[key];
      if (entry?.hide) continue;
      charts.push(entry?.title ? { ...chart, title: entry.title } : chart);
    }
    out.set(r.slug, charts);
  }
  const slugs = new Set(reports.map((r) => r.slug));
  for (const key of Object.keys(config.charts)) {
    // Entries about a report that is not in the corpus (its seed was removed) are ignored; a
    // chart id that a present report lacks is a mistake in the file.
    if (!known.has(key) && slugs.has(key.slice(0, key.indexOf('#'))))
      throw new Error(`${file}: charts.${key}: no such chart (the report's charts are listed in content/data/<slug>.json under figures.charts)`);
  }
  return out;
}
