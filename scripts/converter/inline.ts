/**
 * Step 6 — cross-references: plain text → inline nodes.
 *
 * Recognises links (`www…`, `https://…`, `[text](url)`), UN document symbols of every series in
 * `bodies.ts` (`A/HRC/40/3`, `E/CN.6/2023/3`, `CCPR/C/GBR/CO/8`, `CRC/C/KEN/6-7`,
 * `CAT/C/SR.1950`, `S/RES/2250(2015)`), the shortened lists after a symbol (`CAT/C/SR.1950和1951`,
 * `A/HRC/40/3和Corr.1`), and resolutions and decisions (`大会第 48/141 号决议`,
 * `人权理事会第18/117号决定`, `安全理事会第 2391(2017)号决议`), which are normalised to their
 * symbols (`A/RES/48/141`, `A/HRC/DEC/18/117`, `S/RES/2391(2017)`). Everything else stays text.
 *
 * Every pattern here has at most one level of repetition (no quantified group holds a
 * quantifier), and lists are read by scanners that move forward only: time is linear in the
 * text whatever it holds.
 */
import { SYMBOL_BODIES } from '../model/bodies.ts';
import type { Inline } from '../model/schema.ts';

export interface InlineContext {
  /** Full link targets harvested from the hyperlink lines, to complete `www…` links. */
  links: readonly string[];
  /** Which body's resolutions a bare `第 N/M 号决议` means: `A` (大会) or `A/HRC` (人权理事会). */
  defaultBody: 'A' | 'A/HRC';
}

interface Hit {
  index: number;
  length: number;
  node: Inline;
}

const MD_LINK = /\[([^\]\n]{1,300})\]\(([^)\s]{1,2000})\)/g;
const URL_START = /(?:https?:\/\/|www\d?\.)/gi;
/** A character a URL may hold: not a space, bracket or CJK character or punctuation. */
const URL_CHAR = /[^\s<>[\]\u3000-\u303f\uff00-\uffef\u4e00-\u9fff]/;
/** The series a symbol may start with: the first part of each prefix in `bodies.ts`. */
const SERIES = [...new Set(SYMBOL_BODIES.map((b) => b.prefix.split('/')[0]!))].join('|');
/** A symbol-shaped token: a series, a slash, then the characters symbols are made of. */
const SYMBOL_TOKEN = new RegExp(String.raw`(?<![A-Za-z0-9/.])(?:${SERIES}) ?\/[A-Za-z0-9./()\-]+`, 'g');
/** The rest of a symbol after a space that follows its slash (`CMW/C/ SR.361`). */
const AFTER_SPACE = / [A-Za-z0-9./()\-]+/y;
/** A symbol part: `HRC`, `C.12`, `SR.3900`, `40`, `6-7`, `S-30`, `2250(2015)`, `Add.1`. */
const SYMBOL_PART = /^(?:[A-Z]{1,6}(?:\.\d{1,5})?|\d{1,5}(?:\(\d{4}\))?|\d{1,4}-\d{1,4}|E?S-\d{1,2}|(?:Add|Corr|Rev|CRP|Sub|Amend)\.\d{1,4})$/;
/** A year printed with a space after a Security Council resolution: `S/RES/2250 (2015)`. */
const SPACED_YEAR = /[ \u00a0]?\(\d{4}\)/y;
/** What may join a shortened list or range after a symbol: `和`, `及`, `、`, commas, `至`. */
const LIST_JOIN = /\s*(?:以及|和|及|、|,|，|至)\s*/y;
/** A shortened addendum, corrigendum or revision after a symbol: `和Corr.1`. */
const SUFFIX = /(Add|Corr|Rev)\.(\d{1,4})(?![\dA-Za-z/]|\.[\dA-Za-z])/y;
/** A further summary-record number after `…/SR.1950`: `和1951`, not a year or a count. */
const RECORD = /(\d{1,5})(?![\d/A-Za-z年月日段届次号%]|\.\d)/y;
/** A resolution or decision number: `48/141`, `2019/209`, `S-30/1`, `2391(2017)`, `217(III)`, `217 A(III)` (part A of 217). */
const RESOLUTION_NUMBER = /(?:E?S-)?\d{1,4}\/\d{1,4}|\d{1,4}[ \u00a0]*(?:[A-D][ \u00a0]?)?\((?:\d{4}|[IVXLC]{1,6})\)/y;
const BODY_MENTION = /(安全理事会|安理会|人权理事会|经济及社会理事会|经社理事会|(?<!国家)人权委员会|小组委员会|大会|理事会)/g;
/**
 * What may stand between two numbers of one resolution list: a joiner, then a body named anew, a
 * date and `的` (`第60/251号、2007年12月22日第62/219号和人权理事会第5/1号决议`).
 */
const LIST_GAP =
  /(?:以及|和|、|及|,|，)\s*(?:(?:安全理事会|安理会|人权理事会|经济及社会理事会|经社理事会|人权委员会|小组委员会|大会|理事会)\s*)?(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*)?(?:的\s*)?(?:第\s*)?/y;
/** How far back a resolution number looks for the body that issued it (within its sentence). */
const BODY_REACH = 200;
/** A shortened member after a symbol that repeats a later part of it: `SR.1504`, `Q/3/Add.1`. */
const PARTIAL_SYMBOL = /[A-Z]{1,6}(?:\.\d{1,5})?[A-Za-z0-9./()\-]*/y;

/** Is this a plausible UN document symbol (not, say, `A/B` in prose)? */
export function isSymbol(candidate: string): boolean {
  const parts = candidate.split('/');
  if (parts.length < 2 || !/\d/.test(candidate)) return false;
  return parts.slice(1).every((p) => SYMBOL_PART.test(p));
}

export function parseInline(text: string, ctx: InlineContext): Inline[] {
  const hits: Hit[] = [];
  /** Characters already inside a hit: a mask keeps overlap checks linear in long paragraphs. */
  const covered = new Uint8Array(text.length);
  const add = (hit: Hit): boolean => {
    if (covered.subarray(hit.index, hit.index + hit.length).includes(1)) return false;
    covered.fill(1, hit.index, hit.index + hit.length);
    hits.push(hit);
    return true;
  };

  for (const m of text.matchAll(MD_LINK)) {
    const [whole, label, target] = m;
    if (isSymbol(label!)) add({ index: m.index, length: whole.length, node: doc(label!, label!) });
    else if (/^https?:\/\//i.test(target!)) add({ index: m.index, length: whole.length, node: { type: 'link', url: target!, text: label! } });
  }
  for (const { index, url } of urls(text)) {
    add({ index, length: url.length, node: { type: 'link', url: linkTarget(url, ctx.links), text: url } });
  }
  for (const phrase of resolutionPhrases(text)) {
    for (const num of phrase.numbers) {
      // Each number follows the body named nearest before it, else the document's own body.
      const prefix = issuer(num.text, bodyBefore(text, num.index), ctx.defaultBody);
      if (prefix === undefined) continue;
      const node = phrase.decision ? decision(num.text, prefix) : resolution(num.text, prefix);
      if (node) add({ index: num.index, length: num.text.length, node });
    }
  }
  SYMBOL_TOKEN.lastIndex = 0;
  for (let m = SYMBOL_TOKEN.exec(text); m; m = SYMBOL_TOKEN.exec(text)) {
    let token = m[0];
    AFTER_SPACE.lastIndex = m.index + token.length;
    if (token.endsWith('/') && AFTER_SPACE.test(text)) token = text.slice(m.index, AFTER_SPACE.lastIndex);
    const found = symbolAt(text, m.index, token);
    if (!found) continue;
    SYMBOL_TOKEN.lastIndex = m.index + found.printed.length;
    if (!add({ index: m.index, length: found.printed.length, node: doc(found.symbol, found.printed) })) continue;
    for (const more of shortenedList(text, m.index + found.printed.length, found.symbol)) add(more);
  }

  hits.sort((a, b) => a.index - b.index);
  const out: Inline[] = [];
  let at = 0;
  for (const hit of hits) {
    if (hit.index > at) out.push({ type: 'text', value: text.slice(at, hit.index) });
    out.push(hit.node);
    at = hit.index + hit.length;
  }
  if (at < text.length) out.push({ type: 'text', value: text.slice(at) });
  return out;
}

function doc(symbol: string, text: string): Inline {
  return { type: 'doc', symbol, text, kind: /\/(?:RES|DEC)\//.test(symbol) ? 'resolution' : 'document' };
}

/**
 * The symbol a token starts with, as printed and as normalised (`S/RES/2250 (2015)` →
 * `S/RES/2250(2015)`). A token that is not a symbol as a whole may be one up to its first `-`
 * or bracket (`A/HRC/40/3-A/HRC/40/5`, `A/HRC/40/3(a)`); the scan then resumes there.
 */
function symbolAt(text: string, index: number, token: string): { printed: string; symbol: string } | undefined {
  // Extraction may set a space before or after a slash (`CEDAW /C/…`, `CMW/C/ SR.361`): printed as is, linked without it.
  if (token.includes(' ')) {
    const printed = trimSymbol(token);
    const bare = printed.replace(/ /g, '');
    if (isSymbol(bare)) return { printed, symbol: bare };
    token = token.slice(0, token.indexOf(' '));
    if (!token.includes('/')) {
      SYMBOL_TOKEN.lastIndex = index + token.length + 1;
      return undefined;
    }
  }
  let printed = trimSymbol(token);
  if (!isSymbol(printed)) {
    const cut = token.search(/[-()]/);
    SYMBOL_TOKEN.lastIndex = cut === -1 ? index + token.length : index + cut + 1;
    printed = cut === -1 ? '' : trimSymbol(token.slice(0, cut));
    if (!isSymbol(printed)) return undefined;
  }
  let symbol = printed;
  if (/^S\/RES\/\d+$/.test(printed)) {
    SPACED_YEAR.lastIndex = index + printed.length;
    const year = SPACED_YEAR.exec(text)?.[0];
    if (year) {
      printed += year;
      symbol += year.trim();
    }
  }
  return { printed, symbol };
}

/**
 * A symbol token without what cannot end a symbol: a sentence's full stop (`E/C.12/2020/1.`), a
 * dangling `-`, `/` or `(`, a `)` closing the sentence's own bracket (`（见 A/HRC/40/3)`).
 */
function trimSymbol(token: string): string {
  let open = 0;
  let close = 0;
  for (const c of token) {
    if (c === '(') open += 1;
    else if (c === ')') close += 1;
  }
  let end = token.length;
  for (;;) {
    const c = token[end - 1];
    if (c === '.' || c === '-' || c === '/' || c === '(') {
      if (c === '(') open -= 1;
      end -= 1;
    } else if (c === ')' && close > open) {
      close -= 1;
      end -= 1;
    } else break;
  }
  return token.slice(0, end);
}

/**
 * The shortened list after a symbol at `from`: `和Corr.1` (→ `…/Corr.1`), `和Add.2` after
 * `…/Add.1` (→ `…/Add.2`), `和1951` after `CAT/C/SR.1950` (→ `CAT/C/SR.1951`, a later meeting
 * within a hundred). Each member is a hit of its own, printed as it stands.
 */
function shortenedList(text: string, from: number, symbol: string): Hit[] {
  const out: Hit[] = [];
  let at = from;
  let base = symbol;
  for (;;) {
    LIST_JOIN.lastIndex = at;
    const join = LIST_JOIN.exec(text);
    if (!join) break;
    const start = at + join[0].length;
    SUFFIX.lastIndex = start;
    const suffix = SUFFIX.exec(text);
    RECORD.lastIndex = start;
    const record = suffix ? null : RECORD.exec(text);
    const meeting = /\/SR\.(\d+)$/.exec(base);
    let next: string | undefined;
    let printed = '';
    const partial = suffix || record ? undefined : partialMember(text, start, base);
    if (partial) {
      printed = partial.printed;
      next = partial.symbol;
    } else if (suffix) {
      printed = suffix[0];
      const same = new RegExp(`/${suffix[1]}\\.\\d+$`);
      next = same.test(base) ? base.replace(same, `/${printed}`) : `${base}/${printed}`;
    } else if (record && meeting) {
      const n = Number(record[1]);
      const previous = Number(meeting[1]);
      if (n > previous && n <= previous + 100) {
        printed = record[1]!;
        next = base.slice(0, base.length - meeting[1]!.length) + printed;
      }
    }
    if (next === undefined) break;
    out.push({ index: start, length: printed.length, node: doc(next, printed) });
    base = next;
    at = start + printed.length;
  }
  return out;
}

/**
 * A member that repeats the later parts of the symbol before it: `CAT/C/SR.1501和SR.1504` →
 * `CAT/C/SR.1504`, `E/C.12/2025/SR.1至SR.74` → `E/C.12/2025/SR.74`, `CAT/C/X/Q/3、Q/3/Add.1`. Its
 * first part's letters name the part of the previous symbol it replaces from; a full symbol of
 * another series, or anything without a digit, is no member.
 */
function partialMember(text: string, start: number, base: string): { printed: string; symbol: string } | undefined {
  PARTIAL_SYMBOL.lastIndex = start;
  const m = PARTIAL_SYMBOL.exec(text);
  if (!m) return undefined;
  const parts = base.split('/');
  const candidate = trimSymbol(m[0]).split('/');
  // The longest run of leading parts that are symbol parts.
  let n = 0;
  while (n < candidate.length && SYMBOL_PART.test(candidate[n]!)) n += 1;
  const member = candidate.slice(0, n);
  if (!member.length || !/\d/.test(member.join('/'))) return undefined;
  const letters = (part: string) => /^[A-Za-z]+/.exec(part)?.[0];
  const head = letters(member[0]!);
  if (!head) return undefined;
  for (let i = parts.length - 1; i >= 0; i -= 1) {
    if (letters(parts[i]!) !== head) continue;
    const symbol = [...parts.slice(0, i), ...member].join('/');
    if (symbol === base || !isSymbol(symbol)) return undefined;
    return { printed: member.join('/'), symbol };
  }
  return undefined;
}

interface Phrase {
  index: number;
  decision: boolean;
  numbers: { index: number; text: string }[];
}

/**
 * Every resolution or decision phrase: `第` N `号`? (joiner `第`? N `号`?)* `决议`|`决定`, with
 * spaces allowed between the pieces. A scanner, not one pattern: a list that does not end in
 * 决议 or 决定 is read once, and the `第`s inside it are not tried again (their lists end at the
 * same place), so a long run of numbers costs time in proportion to its length.
 */
function resolutionPhrases(text: string): Phrase[] {
  const out: Phrase[] = [];
  let scanned = 0;
  for (let start = text.indexOf('第'); start !== -1; start = text.indexOf('第', start + 1)) {
    if (start < scanned) continue;
    /** Start and end of each number, flat: [start0, end0, start1, end1, …]. */
    const bounds: number[] = [];
    let at = skipSpace(text, start + 1);
    for (;;) {
      RESOLUTION_NUMBER.lastIndex = at;
      if (!RESOLUTION_NUMBER.test(text)) break;
      bounds.push(at, RESOLUTION_NUMBER.lastIndex);
      at = skipSpace(text, RESOLUTION_NUMBER.lastIndex);
      if (text.charCodeAt(at) === 0x53f7 /* 号 */) at = skipSpace(text, at + 1);
      LIST_GAP.lastIndex = at;
      if (!LIST_GAP.test(text)) break;
      const next = LIST_GAP.lastIndex;
      RESOLUTION_NUMBER.lastIndex = next;
      if (!RESOLUTION_NUMBER.test(text)) break;
      at = next;
    }
    scanned = Math.max(at, start + 1);
    if (bounds.length === 0) continue;
    const ending = text.startsWith('决议', at) ? 'resolution' : text.startsWith('决定', at) ? 'decision' : undefined;
    if (!ending) continue;
    const numbers: Phrase['numbers'] = [];
    for (let i = 0; i < bounds.length; i += 2) numbers.push({ index: bounds[i]!, text: text.slice(bounds[i], bounds[i + 1]) });
    out.push({ index: start, decision: ending === 'decision', numbers });
  }
  return out;
}

/** The first position from `at` that is not white space (what `\s` matches). */
function skipSpace(text: string, at: number): number {
  while (at < text.length && isSpace(text.charCodeAt(at))) at += 1;
  return at;
}

function isSpace(c: number): boolean {
  return (
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** `48/141` by 大会 → `A/RES/48/141`; `2391(2017)` → `S/RES/2391(2017)`; `217(III)` → `A/RES/217(III)`. */
function resolution(number: string, body: string): Inline {
  // `217 A(III)` is part A of resolution 217 (III): its symbol is that of the resolution.
  const n = number.replace(/\s+/g, '').replace(/[A-D](?=\()/, '');
  const symbol = /\(\d{4}\)$/.test(n) ? `S/RES/${n}` : `${/\(/.test(n) ? 'A' : body}/RES/${n}`;
  return { type: 'doc', symbol, text: number, kind: 'resolution' };
}

/**
 * `18/117` by 人权理事会 → `A/HRC/DEC/18/117`; by 大会 → `A/DEC/73/546`; by 经济及社会理事会 →
 * `E/DEC/2019/209`. The Security Council numbers no decisions, and old numbers with a year or
 * session in brackets have no symbol of this form: those stay text.
 */
function decision(number: string, body: string): Inline | undefined {
  if (body === 'S' || number.includes('(')) return undefined;
  return { type: 'doc', symbol: `${body}/DEC/${number}`, text: number, kind: 'resolution' };
}

/** A body as named in the text: its symbol series, and whether it was named in full. */
interface Named {
  prefix: string;
  /** `理事会` alone names no body in full: the context says which council. */
  full: boolean;
}

/**
 * The body named nearest before `index` in the same sentence (`人权理事会第 …`, `大会2006年3月15日第 …`,
 * `人权委员会…第2003/12号`): the named body decides the series of every number after it.
 */
function bodyBefore(text: string, index: number): Named | undefined {
  const near = text.slice(Math.max(0, index - BODY_REACH), index);
  const sentence = near.slice(Math.max(near.lastIndexOf('。'), near.lastIndexOf('；'), near.lastIndexOf(';')) + 1);
  const mentions = [...sentence.matchAll(BODY_MENTION)];
  const last = mentions.at(-1)?.[1];
  if (!last) return undefined;
  if (last === '安全理事会' || last === '安理会') return { prefix: 'S', full: true };
  if (last === '经济及社会理事会' || last === '经社理事会') return { prefix: 'E', full: true };
  if (last === '人权委员会') return { prefix: 'E/CN.4', full: true };
  if (last === '小组委员会') return { prefix: 'E/CN.4/Sub.2', full: true };
  if (last === '大会') return { prefix: 'A', full: true };
  return { prefix: 'A/HRC', full: last === '人权理事会' };
}

/**
 * The series of a resolution or decision number. Numbered by year (`1995/39`, `2003/12`), it is
 * the Economic and Social Council's or a commission's, never the Assembly's or the Human Rights
 * Council's: after `理事会` alone it is the Economic and Social Council's; with no body named, or
 * with the Assembly or the Human Rights Council named in full, the two readings disagree and the
 * number stays text.
 */
function issuer(number: string, named: Named | undefined, fallback: string): string | undefined {
  const prefix = named?.prefix ?? fallback;
  if (!/^(?:19[4-9]\d|20\d\d)\//.test(number) || (prefix !== 'A' && prefix !== 'A/HRC')) return prefix;
  return named && !named.full ? 'E' : undefined;
}

/**
 * Every printed URL: from `http(s)://` or `www.` through the characters a URL holds, a bracketed
 * part kept (`…/Doc(1)`) when its `(` … `)` holds no space, trailing punctuation left out.
 */
function urls(text: string): { index: number; url: string }[] {
  const out: { index: number; url: string }[] = [];
  let scanned = 0;
  for (const m of text.matchAll(URL_START)) {
    if (m.index < scanned) continue;
    const from = m.index + m[0].length;
    let end = from;
    for (;;) {
      while (end < text.length && text[end] !== '(' && text[end] !== ')' && URL_CHAR.test(text[end]!)) end += 1;
      if (text[end] !== '(' || end === from) break;
      let close = end + 1;
      while (close < text.length && text[close] !== '(' && text[close] !== ')' && /[^\s<>[\]]/.test(text[close]!)) close += 1;
      if (text[close] !== ')') break;
      end = close + 1;
    }
    scanned = end;
    let url = text.slice(m.index, end);
    let cut = url.length;
    while (cut > 0 && `.,;:!?'"。，`.includes(url[cut - 1]!)) cut -= 1;
    url = url.slice(0, cut);
    if (url.length > m[0].length) out.push({ index: m.index, url });
  }
  return out;
}

/** A printed `www…` link completed from the harvested targets, else with `https://`. */
function linkTarget(printed: string, links: readonly string[]): string {
  if (/^https?:\/\//i.test(printed)) return printed;
  const known = links.find((l) => /^https?:\/\/(?!undocs\.org)/i.test(l) && l.replace(/^https?:\/\//i, '') === printed);
  return known ?? `https://${printed}`;
}
