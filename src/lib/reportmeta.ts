/**
 * What a reader is told about a report besides its text: the kind of document in words, the
 * cover-page facts as labelled rows (the report page's meta table), and dates written the
 * Chinese way. Pure functions of the model's metadata, tested without a build.
 */
import type { Frontmatter } from '../../scripts/model/schema.ts';
import { officialUrl } from '../../scripts/model/urls.ts';
import { kindLabel } from '../../scripts/model/kinds.ts';

export { KIND_LABELS, kindLabel } from '../../scripts/model/kinds.ts';

/** Cover-page languages (`Original: English`) in Chinese; an unknown one is shown as printed. */
const LANGUAGES: Record<string, string> = {
  english: '英文',
  french: '法文',
  spanish: '西班牙文',
  russian: '俄文',
  arabic: '阿拉伯文',
  chinese: '中文',
};

/** `English` → `英文`; `English/French` → `英文/法文`; unknown names stay as printed. */
export function languageName(original: string): string {
  return original
    .split(/\s*([/,，、和])\s*/)
    .map((part) => LANGUAGES[part.trim().toLowerCase()] ?? part)
    .join('');
}

/** Distribution as printed (`General`) with its Chinese name when known. */
export function distributionName(distribution: string): string {
  const zh = ({ general: '普遍分发', limited: '限制分发', restricted: '内部分发' } as Record<string, string>)[distribution.trim().toLowerCase()];
  return zh ? `${zh}（${distribution}）` : distribution;
}

/** `2023-03-09` → `2023 年 3 月 9 日`. */
export function zhDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y} 年 ${m} 月 ${d} 日`;
}

/** One row of the meta table: a label, the value as text, and a link for symbols. */
export interface MetaRow {
  key: string;
  label: string;
  /** One or more values; a symbol value carries its official link. */
  values: { text: string; href?: string }[];
}

type MetaInput = Pick<
  Frontmatter,
  | 'kind'
  | 'symbol'
  | 'symbols'
  | 'body'
  | 'session'
  | 'dates'
  | 'agendaItems'
  | 'agendaTitles'
  | 'period'
  | 'distribution'
  | 'date'
  | 'original'
  | 'treaty'
  | 'officialRecords'
  | 'adoption'
  | 'speaker'
  | 'occasion'
  | 'place'
  | 'fields'
>;

/** Every symbol of the report, the main one first, without repeats. */
export function allSymbols(meta: Pick<Frontmatter, 'symbol' | 'symbols'>): string[] {
  return [...new Set([...(meta.symbol ? [meta.symbol] : []), ...meta.symbols])];
}

/**
 * The meta table of a report page, in cover-page order; rows without a value are left out.
 * Symbols link to the official record (undocs.org), as document pages do.
 */
export function metaRows(meta: MetaInput): MetaRow[] {
  const agenda = meta.agendaItems.map((item, i) => (meta.agendaTitles[i] ? `${item} ${meta.agendaTitles[i]}` : item)).join('；');
  const text = (key: string, label: string, value: string | undefined): MetaRow[] => (value ? [{ key, label, values: [{ text: value }] }] : []);
  const symbols = allSymbols(meta);
  return [
    ...(symbols.length > 0 ? [{ key: 'symbol', label: '文号', values: symbols.map((s) => ({ text: s, href: officialUrl(s) })) }] : []),
    ...text('kind', '文件类型', kindLabel(meta.kind)),
    ...text('body', '机构', meta.body),
    ...text('treaty', '条约', meta.treaty),
    ...text('session', '届会', meta.session),
    ...text('dates', '会期', meta.dates),
    ...text('agenda', '议程项目', agenda || undefined),
    ...text('date', '分发日期', meta.date ? zhDate(meta.date) : undefined),
    ...text('distribution', '分发', meta.distribution ? distributionName(meta.distribution) : undefined),
    ...text('original', '原文', meta.original ? languageName(meta.original) : undefined),
    ...text('officialRecords', '正式记录', meta.officialRecords),
    ...text('adoption', '通过', meta.adoption),
    ...text('speaker', '发言人', meta.speaker),
    ...text('occasion', '场合', meta.occasion),
    ...text('place', '地点', meta.place),
    ...(meta.fields ?? []).map((f, i) => ({ key: `field-${i + 1}`, label: f.label, values: [{ text: f.value }] })),
    ...text('period', '所涉期间', meta.period),
  ];
}
