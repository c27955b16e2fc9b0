/**
 * Step 8 — metadata: what the title block states, completed by what the text implies
 * (running header → symbol, `本报告增编` + its note → symbol, symbol → body and session,
 * dates or job number → year, `…至…期间` → period), overridden by the manifest. Where
 * nothing is known the title and slug fall back to the file name, with a warning.
 */
import { symbolBody } from '../model/bodies.ts';
import type { FrontMeta } from './constructs/cover.ts';
import type { ManifestEntry } from '../model/manifest.ts';
import { toChinese } from './numerals.ts';
import type { Block, DocumentKind, Meta, Note } from '../model/schema.ts';
import type { DraftDiagnostic } from './draft.ts';

export interface MetaInput {
  file: string;
  front: FrontMeta;
  headerSymbols: { symbol: string; line: number }[];
  /** Where the cover page ends: symbols printed alone on a line before it are the cover's. */
  coverEnd: number;
  jobYears: number[];
  blocks: Block[];
  notes: Note[];
  manifest: ManifestEntry | undefined;
}

type Source = Meta['sources'][string];

export function inferMeta(input: MetaInput): { meta: Meta; slug: string; diagnostics: DraftDiagnostic[] } {
  const { front, manifest = {}, file } = input;
  const diagnostics: DraftDiagnostic[] = [];
  const sources: Record<string, Source> = {};
  const pick = <T>(key: string, fromManifest: T | undefined, fromText: T | undefined): T | undefined => {
    if (fromManifest !== undefined) sources[key] = 'manifest';
    else if (fromText !== undefined) sources[key] = 'text';
    return fromManifest ?? fromText;
  };

  const coverSymbols = unique([...input.headerSymbols.filter((h) => h.line < input.coverEnd).map((h) => h.symbol), ...front.symbols]);
  const resolutionSymbol = numberSymbol(front);
  const symbol = pick(
    'symbol',
    manifest.symbol,
    coverSymbols[0] ?? mostFrequent(input.headerSymbols.map((h) => h.symbol)) ?? resolutionSymbol ?? addendumSymbol(input.blocks, input.notes),
  );
  const symbols = unique([...(symbol ? [symbol] : []), ...coverSymbols]);
  const body = pick('body', manifest.body, front.body ?? bodyOfSymbol(symbol));
  const session = pick('session', manifest.session, front.session ?? sessionOfSymbol(symbol));
  const dates = pick('dates', manifest.dates, front.dates);
  const year = pick(
    'year',
    manifest.year,
    yearOf(front.dates) ?? (front.date ? Number(front.date.slice(0, 4)) : undefined) ?? input.jobYears[0] ?? gaYear(symbol),
  );
  const period = pick('period', manifest.period, (front.summary ? PERIOD.exec(front.summary)?.[1] : undefined) ?? periodOf(input.blocks));
  const author = pick('author', manifest.author, front.author);
  const summary = pick('summary', manifest.summary, front.summary);
  let title = pick('title', manifest.title, front.title);
  if (!title) {
    title = stem(file);
    sources.title = 'filename';
    diagnostics.push({ code: 'title-from-filename', message: `no title in the text or the manifest; using the file name "${title}"` });
  }
  if (!symbol && manifest.slug) {
    // (Without a manifest slug, slug-from-filename says the same.)
    diagnostics.push({
      code: 'no-symbol',
      message:
        'no document symbol in the text or the manifest: the page says it has none and cites it by its title; set "symbol" in seeds/manifest.json if it has one',
    });
  }
  let slug = manifest.slug ?? (symbol ? slugOf(symbol) : undefined);
  if (!slug) {
    slug = slugOf(stem(file));
    diagnostics.push({ code: 'slug-from-filename', message: `no document symbol in the text or the manifest; slug "${slug}" comes from the file name` });
  }
  const meta: Meta = {
    title,
    ...(front.notice ? { titleNote: front.notice } : {}),
    kind: manifest.kind ?? inferKind(front, symbol, title, input.blocks),
    ...(symbol ? { symbol } : {}),
    symbols,
    ...(front.distribution ? { distribution: front.distribution } : {}),
    ...(front.date ? { date: front.date } : {}),
    ...(front.original ? { original: front.original } : {}),
    ...(front.treaty ? { treaty: front.treaty } : {}),
    ...(front.officialRecords ? { officialRecords: front.officialRecords } : {}),
    ...(front.adoption ? { adoption: front.adoption } : {}),
    ...(front.fields?.length ? { fields: front.fields } : {}),
    ...(front.speaker ? { speaker: front.speaker } : {}),
    ...(front.occasion ? { occasion: front.occasion } : {}),
    ...(front.place ? { place: front.place } : {}),
    ...(body ? { body } : {}),
    ...(author ? { author } : {}),
    ...(session ? { session } : {}),
    ...(dates ? { dates } : {}),
    agendaItems: manifest.agendaItems ?? front.agendaItems,
    agendaTitles: manifest.agendaTitles ?? front.agendaTitles,
    ...(summary ? { summary } : {}),
    ...(summary && front.summaryLabel ? { summaryLabel: front.summaryLabel } : {}),
    ...(period ? { period } : {}),
    ...(year ? { year } : {}),
    sources,
  };
  return { meta, slug, diagnostics };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** Adopted as a decision: the author line says so (`人权理事会2011年9月30日通过的决定`, `大会决定`). */
const isDecision = (front: FrontMeta) => /决定$/.test(front.author ?? '');

/**
 * The symbol a numbered title gives when the cover prints none (§8.3): `A/HRC/RES/58/7`, `A/RES/78/302`,
 * a Council decision `A/HRC/DEC/18/117`; the Assembly issues its decisions under no symbol of their own.
 */
function numberSymbol(front: FrontMeta): string | undefined {
  if (!front.resolutionNumber) return undefined;
  const council = front.body === '人权理事会';
  if (isDecision(front)) return council ? `A/HRC/DEC/${front.resolutionNumber}` : undefined;
  return `${council ? 'A/HRC/RES/' : 'A/RES/'}${front.resolutionNumber}`;
}

/** A speech's opening: `主席先生，`, `“人权理事会主席先生,`, `尊敬的主席，`, `各位阁下，` (the salutation, maybe with more after it). */
const SALUTATION = /^[“"]?(?:尊敬的)?[\u4e00-\u9fff、]{0,20}(?:先生|女士|阁下|主席)[，,：:]/;

/**
 * The kind of document (docs/un-document-anatomy.md, "Document kinds"), from its symbol first
 * (`/RES/`, `/DEC/`, `/CO/`), then its title and cover: a resolution number before the title, a
 * speaker or a salutation, an official-records line.
 */
export function inferKind(front: FrontMeta, symbol: string | undefined, title: string, blocks: Block[]): DocumentKind {
  const s = symbol ?? '';
  if (/\/RES\//.test(s)) return 'resolution';
  if (/\/DEC\//.test(s)) return 'decision';
  // Views and decisions on individual communications: `CCPR/C/135/D/2703/2015`.
  if (/\/D\/\d+\/\d{4}$/.test(s) || /第\s*\d+\/\d{4}\s*号来文/.test(title)) return 'views';
  if (/\/CO\/\d/.test(s) || /结论性?意见/.test(title)) return 'concluding-observations';
  if (front.resolutionNumber) return /决定/.test(title) || isDecision(front) ? 'decision' : 'resolution';
  // A web page's breadcrumb says what it is: a press release is no UN document of the kinds above.
  if (front.genre === '新闻稿') return 'other';
  if (front.genre) return 'statement';
  const openings = blocks
    .filter((b) => b.type === 'paragraph')
    .slice(0, 3)
    .map((b) => (b.type === 'paragraph' ? b.content.map((c) => (c.type === 'text' ? c.value : '')).join('') : ''));
  if (front.speaker || /(?:发言|讲话|致辞|开幕词|闭幕词|欢迎辞)$/.test(title) || openings.some((o) => SALUTATION.test(o))) return 'statement';
  // A committee's annual report says so in the first words of its summary (`本年度报告涵盖…`), cover or not.
  if (front.officialRecords || /年度报告/.test(title) || /^本年度报告/.test(front.summary ?? '')) return 'annual-report';
  return 'report';
}

/**
 * `A/HRC/40/38/Add.1` → `a-hrc-40-38-add-1`. Text with characters a slug cannot hold (a file
 * named `人权报告`) gets a short hash of the whole text, so distinct names keep distinct slugs
 * (`report-3f9a1c2b`, `2023-3f9a1c2b`).
 */
export function slugOf(text: string): string {
  const ascii = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, ''); // runs are one dash already
  if (!/[^\x20-\x7e]/.test(text)) return ascii || 'report';
  let hash = 0x811c9dc5; // FNV-1a over the UTF-16 code units: short, stable, dependency-free
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return `${ascii || 'report'}-${hash.toString(16).padStart(8, '0')}`;
}

function stem(file: string): string {
  return file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
}

function mostFrequent(values: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
}

/** `…载于本报告的增编。⁷³` with note 73 citing `A/HRC/55/69/Add.1` → `A/HRC/55/69`. */
function addendumSymbol(blocks: Block[], notes: Note[]): string | undefined {
  const byN = new Map(notes.map((n) => [n.n, n]));
  for (const block of blocks) {
    if (block.type !== 'paragraph') continue;
    const text = block.content.map((c) => (c.type === 'text' ? c.value : '')).join('');
    if (!/本报告(?:的)?增编/.test(text)) continue;
    for (const ref of block.content) {
      if (ref.type !== 'noteRef') continue;
      const note = byN.get(ref.n);
      const cited = [note?.ibid, ...(note?.content ?? []).map((c) => (c.type === 'doc' ? c.symbol : undefined))];
      const add = cited.find((s) => s && /\/Add\.\d+$/.test(s));
      if (add) return add.replace(/\/Add\.\d+$/, '');
    }
  }
  return undefined;
}

/** The organ or treaty body whose series the symbol belongs to (`CCPR/C/GBR/CO/8` → 人权事务委员会). */
function bodyOfSymbol(symbol: string | undefined): string | undefined {
  return symbol ? symbolBody(symbol)?.name : undefined;
}

function sessionOfSymbol(symbol: string | undefined): string | undefined {
  const m = symbol ? /^A\/(?:HRC\/)?(\d{1,2})\//.exec(symbol) : null;
  return m ? `第${toChinese(Number(m[1]))}届会议` : undefined;
}

/** The General Assembly's Nth regular session opens in September of 1945 + N. */
function gaYear(symbol: string | undefined): number | undefined {
  const m = symbol ? /^A\/(\d{1,2})\//.exec(symbol) : null;
  return m ? 1945 + Number(m[1]) : undefined;
}

function yearOf(dates: string | undefined): number | undefined {
  const m = dates ? /(\d{4})\s*年/.exec(dates) : null;
  return m ? Number(m[1]) : undefined;
}

const PERIOD = /(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*至\s*(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日)期间/;

/** The period a report covers, stated in its summary (read first, by the caller) or its first paragraphs. */
function periodOf(blocks: Block[]): string | undefined {
  for (const block of blocks.slice(0, 8)) {
    if (block.type !== 'paragraph') continue;
    const text = block.content.map((c) => (c.type === 'text' ? c.value : '')).join('');
    const m = PERIOD.exec(text);
    if (m) return m[1];
  }
  return undefined;
}
