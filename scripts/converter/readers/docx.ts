/**
 * Reader for Word's `.docx`: the document's own XML (docs/input-formats.md, ".docx").
 *
 * The zip is opened with fflate (already a dependency) and its XML parsed with fast-xml-parser,
 * both synchronous, so the pipeline stays one pure function. What Word stores and a text
 * extraction loses becomes evidence: a note reference is a `w:footnoteReference` and its note the
 * footnote part (numbered 1…N in order of first reference, as Word prints them); headers and
 * footers are their own parts (the first page's header is the cover's masthead, read cell by
 * cell; the others are furniture); a heading has a heading style or outline level, or is set
 * in bold or larger type throughout; automatic paragraph and item numbers are computed from the
 * numbering part.
 */
import { unzipSync } from 'fflate';
import { XMLParser } from 'fast-xml-parser';
import { SeedError } from '../errors.ts';
import { superscript, toSource, type LayoutLine, type Source } from './layout.ts';
import { checkSize, MAX_UNPACKED } from './limits.ts';

type Node = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: false,
});

function tag(node: Node): string {
  for (const k in node) if (k !== ':@') return k;
  return '';
}
function kids(node: Node): Node[] {
  const v = node[tag(node)];
  return Array.isArray(v) ? (v as Node[]) : [];
}
function attr(node: Node | undefined, name: string): string | undefined {
  return (node?.[':@'] as Record<string, string> | undefined)?.[name];
}
function child(node: Node | undefined, name: string): Node | undefined {
  return node ? kids(node).find((k) => tag(k) === name) : undefined;
}
/** A toggle property (`<w:b/>`, `<w:b w:val="0"/>`): on, off or not set. */
function toggle(props: Node | undefined, name: string): boolean | undefined {
  const p = child(props, name);
  if (!p) return undefined;
  const v = attr(p, 'w:val');
  return v === undefined || !/^(?:0|false|off)$/.test(v);
}

interface Style {
  basedOn?: string;
  name: string;
  outline?: number;
  bold?: boolean;
  size?: number;
}

interface Run {
  text: string;
  bold: boolean;
  size: number;
}

interface Para {
  runs: Run[];
  /** Notes referenced in this paragraph, by footnote id, in order. */
  refs: string[];
  style?: string;
  outline?: number;
  label?: string;
}

export function readDocx(file: string, bytes: Uint8Array): Source {
  checkSize(file, bytes, 'docx');
  const xml = openParts(file, bytes);
  const styles = readStyles(xml('word/styles.xml'));
  const reader = paragraphReader(styles, readNumbering(xml('word/numbering.xml')));
  const body = find(xml('word/document.xml'), 'w:body');
  const paras = body ? reader(kids(body)) : [];
  // Notes: numbered in order of first reference, as Word prints them.
  const noteParas = new Map<string, Para[]>();
  const notesRoot = find(xml('word/footnotes.xml'), 'w:footnotes');
  for (const n of notesRoot ? kids(notesRoot) : []) {
    if (tag(n) !== 'w:footnote' || attr(n, 'w:type')) continue;
    noteParas.set(attr(n, 'w:id') ?? '', reader(kids(n)));
  }
  const numberOf = new Map<string, number>();
  for (const p of paras) for (const id of p.refs) if (!numberOf.has(id) && noteParas.has(id)) numberOf.set(id, numberOf.size + 1);
  const { cover, furniture } = headersAndFooters(body ? findAll(kids(body), 'w:sectPr') : [], readRels(xml('word/_rels/document.xml.rels')), xml, reader);
  const bodySize = modeSize(paras);
  const lines: LayoutLine[] = [...cover];
  for (const p of paras) {
    const text = (p.label ? `${p.label} ` : '') + textWithRefs(p, numberOf);
    if (!text.trim()) continue;
    const evidence = headingEvidence(p, styles, bodySize);
    lines.push({ text, page: 0, role: evidence ? 'heading' : 'body', paragraph: true, ...(evidence ? { evidence } : {}) });
    // Each note after the paragraph that first refers to it, as at a page's foot.
    for (const id of p.refs) {
      const n = numberOf.get(id);
      const note = noteParas.get(id);
      if (n === undefined || !note) continue;
      noteParas.delete(id);
      const noteText = note
        .map((q) => textWithRefs(q, numberOf))
        .join(' ')
        .trim();
      lines.push({ text: `${superscript(n)} ${noteText}`, page: 0, role: 'note', paragraph: true });
    }
  }
  lines.push(...furniture);
  return toSource(lines, 'docx', 0);
}

/** The zip's Word parts, each parsed on demand; a damaged, encrypted or oversized file is rejected. */
function openParts(file: string, bytes: Uint8Array): (name: string) => Node[] {
  let parts: Record<string, Uint8Array>;
  let unpacked = 0;
  try {
    parts = unzipSync(bytes, {
      filter: (f) => {
        unpacked += f.originalSize;
        if (unpacked > MAX_UNPACKED) throw new SeedError('too-large', file, `unpacks to more than ${MAX_UNPACKED / 2 ** 20} MiB (a zip bomb or not a report)`);
        return f.name.startsWith('word/') && /\.(?:xml|rels)$/.test(f.name);
      },
    });
  } catch (error) {
    if (error instanceof SeedError) throw error;
    throw new SeedError('damaged', file, `not a readable .docx (the zip cannot be opened: ${(error as Error).message})`);
  }
  if (!parts['word/document.xml']) throw new SeedError('damaged', file, 'not a readable .docx (no word/document.xml)');
  return (name) => {
    const data = parts[name];
    if (!data) return [];
    try {
      return parser.parse(new TextDecoder().decode(data)) as Node[];
    } catch (error) {
      throw new SeedError('damaged', file, `not a readable .docx (${name}: ${(error as Error).message})`);
    }
  };
}

function find(nodes: Node[], name: string): Node | undefined {
  for (const n of nodes) {
    if (tag(n) === name) return n;
    const inner = find(kids(n), name);
    if (inner) return inner;
  }
  return undefined;
}

/** Headers and footers of every section: the first page's header is the cover (its masthead), the rest furniture. */
function headersAndFooters(
  sections: Node[],
  rels: Map<string, string>,
  xml: (name: string) => Node[],
  reader: (nodes: Node[]) => Para[],
): { cover: LayoutLine[]; furniture: LayoutLine[] } {
  const cover: LayoutLine[] = [];
  const furniture: LayoutLine[] = [];
  const seen = new Set<string>();
  for (const sect of sections) {
    const titlePage = toggle(sect, 'w:titlePg') ?? false;
    for (const ref of kids(sect)) {
      const kind = tag(ref);
      if (kind !== 'w:headerReference' && kind !== 'w:footerReference') continue;
      const target = rels.get(attr(ref, 'r:id') ?? '');
      if (!target || seen.has(target)) continue;
      seen.add(target);
      const first = attr(ref, 'w:type') === 'first' && titlePage;
      const header = kind === 'w:headerReference';
      for (const p of xml(`word/${target.replace(/^\/?word\//, '')}`).flatMap((r) => reader(kids(r)))) {
        const text = plain(p.runs);
        if (!text.trim()) continue;
        if (first && header) cover.push({ text, page: 1, role: 'cover', paragraph: true });
        else
          furniture.push({
            text,
            page: 0,
            role: 'furniture',
            reason: header ? 'running-header' : first ? 'job-number' : 'running-footer',
            evidence: `the document's ${first ? 'first-page ' : ''}${header ? 'header' : 'footer'}`,
            paragraph: true,
          });
      }
    }
  }
  return { cover, furniture };
}

function findAll(nodes: Node[], name: string, out: Node[] = []): Node[] {
  for (const n of nodes) {
    if (tag(n) === name) out.push(n);
    else findAll(kids(n), name, out);
  }
  return out;
}

function plain(runs: Run[]): string {
  return runs.map((r) => r.text).join('');
}

function textWithRefs(p: Para, numberOf: Map<string, number>): string {
  let out = '';
  for (const r of p.runs) out += r.text.startsWith('\u0000ref:') ? superscript(numberOf.get(r.text.slice(5)) ?? '') : r.text;
  // White space collapsed; a line's leading space is kept (an indent the text path reads).
  return out
    .replace(/[^\S\u2028\t]+/g, ' ')
    .replace(/ ?\u2028 ?/g, (m) => (m.endsWith(' ') ? '\u2028 ' : '\u2028'))
    .trimEnd();
}

/** The paragraphs of a body, a table (cell by cell: a cover's columns), a text box or a content control, in reading order. */
function paragraphReader(styles: Map<string, Style>, numbering: Numbering) {
  const styleChain = (id: string | undefined, pick: (s: Style) => number | boolean | undefined) => {
    for (let i = 0, s = id ? styles.get(id) : undefined; s && i < 20; i++, s = s.basedOn ? styles.get(s.basedOn) : undefined) {
      const v = pick(s);
      if (v !== undefined) return v;
    }
    return undefined;
  };
  const defaults = styles.get('\u0000defaults');
  const read = (nodes: Node[], out: Para[] = []): Para[] => {
    for (const n of nodes) {
      const t = tag(n);
      if (t === 'w:p') paragraph(n, out);
      else if (t === 'w:del' || t === 'w:sectPr' || t === 'w:pPr' || t === 'w:rPr') continue;
      else read(kids(n), out);
    }
    return out;
  };
  const paragraph = (p: Node, out: Para[]) => {
    const pPr = child(p, 'w:pPr');
    const style = attr(child(pPr, 'w:pStyle'), 'w:val');
    const outlineAttr = attr(child(pPr, 'w:outlineLvl'), 'w:val');
    const para: Para = { runs: [], refs: [], ...(style ? { style } : {}) };
    const outline = outlineAttr !== undefined ? Number(outlineAttr) : (styleChain(style, (s) => s.outline) as number | undefined);
    if (outline !== undefined && outline < 9) para.outline = outline;
    const numPr = child(pPr, 'w:numPr');
    const label = numPr ? numbering.next(attr(child(numPr, 'w:numId'), 'w:val'), Number(attr(child(numPr, 'w:ilvl'), 'w:val') ?? 0)) : undefined;
    if (label) para.label = label;
    const inner: Para[] = [];
    const runs = (nodes: Node[]) => {
      for (const n of nodes) {
        const t = tag(n);
        if (t === 'w:r') run(n);
        else if (t === 'w:del' || t === 'w:pPr' || t === 'w:rPr' || t === 'mc:Fallback') continue;
        else if (t === 'w:p') paragraph(n, inner);
        else runs(kids(n));
      }
    };
    const run = (r: Node) => {
      const rPr = child(r, 'w:rPr');
      const rStyle = attr(child(rPr, 'w:rStyle'), 'w:val');
      const bold =
        toggle(rPr, 'w:b') ?? (styleChain(rStyle, (s) => s.bold) as boolean | undefined) ?? (styleChain(style, (s) => s.bold) as boolean | undefined) ?? false;
      const sz = attr(child(rPr, 'w:sz'), 'w:val');
      const size = sz ? Number(sz) / 2 : ((styleChain(rStyle, (s) => s.size) ?? styleChain(style, (s) => s.size) ?? defaults?.size ?? 10) as number);
      for (const c of kids(r)) {
        const t = tag(c);
        if (t === 'w:t') para.runs.push({ text: textOf(c), bold, size });
        else if (t === 'w:tab' || t === 'w:ptab') para.runs.push({ text: '\t', bold, size });
        else if (t === 'w:br' || t === 'w:cr') para.runs.push({ text: '\u2028', bold, size });
        else if (t === 'w:noBreakHyphen') para.runs.push({ text: '-', bold, size });
        else if (t === 'w:footnoteReference') {
          const id = attr(c, 'w:id') ?? '';
          para.refs.push(id);
          para.runs.push({ text: `\u0000ref:${id}`, bold: false, size });
        } else if (t === 'w:drawing' || t === 'w:pict' || t === 'mc:AlternateContent') runs(kids(c));
      }
    };
    runs(kids(p));
    out.push(para, ...inner);
  };
  return read;
}

function textOf(node: Node): string {
  return kids(node)
    .map((k) => (typeof k['#text'] === 'string' ? (k['#text'] as string) : ''))
    .join('');
}

/** What sets a paragraph apart as a heading: a heading style or outline level, or bold or larger type throughout. */
function headingEvidence(p: Para, styles: Map<string, Style>, bodySize: number): string | undefined {
  const text = plain(p.runs.filter((r) => !r.text.startsWith('\u0000')));
  if (!text.trim() || text.length > 80) return undefined;
  const name = p.style ? (styles.get(p.style)?.name ?? p.style) : '';
  if (p.outline !== undefined) return `style "${name || 'outline level'}", outline level ${p.outline + 1}`;
  if (/^heading\s*\d/i.test(name)) return `style "${name}"`;
  const inked = p.runs.filter((r) => r.text.trim() && !r.text.startsWith('\u0000'));
  if (inked.every((r) => r.bold)) return 'bold';
  const least = Math.min(...inked.map((r) => r.size));
  if (least >= bodySize * 1.15) return `${least}pt type (body ${bodySize}pt)`;
  return undefined;
}

/** The type size most characters are set in. */
function modeSize(paras: Para[]): number {
  const count = new Map<number, number>();
  for (const p of paras) for (const r of p.runs) count.set(r.size, (count.get(r.size) ?? 0) + r.text.length);
  let best = 10;
  let most = -1;
  for (const [size, n] of count) if (n > most || (n === most && size < best)) [best, most] = [size, n];
  return best;
}

function readStyles(root: Node[]): Map<string, Style> {
  const out = new Map<string, Style>();
  const styles = root.find((n) => tag(n) === 'w:styles');
  for (const s of styles ? kids(styles) : []) {
    if (tag(s) === 'w:docDefaults') {
      const sz = attr(child(child(child(s, 'w:rPrDefault'), 'w:rPr'), 'w:sz'), 'w:val');
      out.set('\u0000defaults', { name: '', ...(sz ? { size: Number(sz) / 2 } : {}) });
      continue;
    }
    if (tag(s) !== 'w:style') continue;
    const id = attr(s, 'w:styleId');
    if (!id) continue;
    const rPr = child(s, 'w:rPr');
    const outline = attr(child(child(s, 'w:pPr'), 'w:outlineLvl'), 'w:val');
    const sz = attr(child(rPr, 'w:sz'), 'w:val');
    const basedOn = attr(child(s, 'w:basedOn'), 'w:val');
    const bold = toggle(rPr, 'w:b');
    out.set(id, {
      name: attr(child(s, 'w:name'), 'w:val') ?? id,
      ...(basedOn ? { basedOn } : {}),
      ...(outline !== undefined ? { outline: Number(outline) } : {}),
      ...(bold !== undefined ? { bold } : {}),
      ...(sz ? { size: Number(sz) / 2 } : {}),
    });
  }
  return out;
}

function readRels(root: Node[]): Map<string, string> {
  const out = new Map<string, string>();
  const rels = root.find((n) => tag(n) === 'Relationships');
  for (const r of rels ? kids(rels) : []) {
    const id = attr(r, 'Id');
    const target = attr(r, 'Target');
    if (id && target) out.set(id, target);
  }
  return out;
}

interface Numbering {
  next(numId: string | undefined, level: number): string | undefined;
}

/** Automatic numbers (`1.`, `(a)`, `一、`) from the numbering part, counted as Word counts them. */
function readNumbering(root: Node[]): Numbering {
  const numbering = root.find((n) => tag(n) === 'w:numbering');
  const abstract = new Map<string, Map<number, { fmt: string; text: string; start: number }>>();
  const nums = new Map<string, string>();
  for (const n of numbering ? kids(numbering) : []) {
    if (tag(n) === 'w:abstractNum') {
      const levels = new Map<number, { fmt: string; text: string; start: number }>();
      for (const l of kids(n)) {
        if (tag(l) !== 'w:lvl') continue;
        levels.set(Number(attr(l, 'w:ilvl') ?? 0), {
          fmt: attr(child(l, 'w:numFmt'), 'w:val') ?? 'decimal',
          text: attr(child(l, 'w:lvlText'), 'w:val') ?? '',
          start: Number(attr(child(l, 'w:start'), 'w:val') ?? 1),
        });
      }
      abstract.set(attr(n, 'w:abstractNumId') ?? '', levels);
    } else if (tag(n) === 'w:num') nums.set(attr(n, 'w:numId') ?? '', attr(child(n, 'w:abstractNumId'), 'w:val') ?? '');
  }
  const counters = new Map<string, number[]>();
  return {
    next(numId, level) {
      const abs = numId ? nums.get(numId) : undefined;
      const levels = abs !== undefined ? abstract.get(abs) : undefined;
      const lvl = levels?.get(level);
      if (!levels || !lvl || lvl.fmt === 'none' || lvl.fmt === 'bullet') return undefined;
      const counts = counters.get(abs!) ?? [];
      counters.set(abs!, counts);
      counts[level] = counts[level] === undefined ? lvl.start : counts[level]! + 1;
      counts.length = level + 1;
      return lvl.text.replace(/%(\d)/g, (_, d: string) => {
        const i = Number(d) - 1;
        const l = levels.get(i);
        return formatNumber(counts[i] ?? l?.start ?? 1, l?.fmt ?? 'decimal');
      });
    },
  };
}

const CN_DIGITS = '〇一二三四五六七八九';

function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case 'lowerLetter':
      return letters(n);
    case 'upperLetter':
      return letters(n).toUpperCase();
    case 'lowerRoman':
      return roman(n);
    case 'upperRoman':
      return roman(n).toUpperCase();
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'ideographTraditional':
      return chinese(n);
    case 'decimalFullWidth':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    default:
      return String(n);
  }
}

function letters(n: number): string {
  const c = String.fromCharCode(0x60 + (((n - 1) % 26) + 1));
  return c.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  const table: [number, string][] = [
    [1000, 'm'],
    [900, 'cm'],
    [500, 'd'],
    [400, 'cd'],
    [100, 'c'],
    [90, 'xc'],
    [50, 'l'],
    [40, 'xl'],
    [10, 'x'],
    [9, 'ix'],
    [5, 'v'],
    [4, 'iv'],
    [1, 'i'],
  ];
  let out = '';
  for (const [v, s] of table) while (n >= v) ((out += s), (n -= v));
  return out;
}

function chinese(n: number): string {
  if (n < 10) return CN_DIGITS[n]!;
  if (n < 20) return `十${n % 10 ? CN_DIGITS[n % 10] : ''}`;
  if (n < 100) return `${CN_DIGITS[Math.floor(n / 10)]}十${n % 10 ? CN_DIGITS[n % 10] : ''}`;
  return String(n);
}
