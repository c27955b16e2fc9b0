/**
 * Step 6 — cross-references: plain text → inline nodes.
 *
 * Recognises links (`www…`, `https://…`, `[text](url)`), UN document symbols (`A/HRC/40/3`,
 * `E/C.12/2020/1`, `A/HRC/40/38/Add.1`) and resolutions (`大会第 48/141 号决议`,
 * `人权理事会第 38/18 号决议`, `安全理事会第 2391(2017)号决议`), which are normalised to their
 * symbols (`A/RES/48/141`, `A/HRC/RES/38/18`, `S/RES/2391(2017)`). Everything else stays text.
 */
import type { Inline } from './schema.ts';

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
const URL = /(?:https?:\/\/|www\d?\.)[^\s<>()[\]\u3000-\u303f\uff00-\uffef\u4e00-\u9fff]+(?:\([^\s()<>[\]]*\)[^\s<>()[\]\u3000-\u303f\uff00-\uffef\u4e00-\u9fff]*)*/gi;
const SYMBOL = /(?<![A-Za-z0-9/.])[AES](?:\/[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)*(?:\(\d{4}\))?)+/g;
/** A resolution phrase; the list is capped at 30 numbers so a long run without 决议 fails in linear time. */
const RESOLUTION_PHRASE =
  /第\s*(?:\d{1,4}\/\d{1,4}|\d{1,4}\s*\((?:\d{4}|[IVXLC]+)\))\s*号?(?:\s*(?:和|、|及)\s*(?:第\s*)?(?:\d{1,4}\/\d{1,4}|\d{1,4}\s*\((?:\d{4}|[IVXLC]+)\))\s*号?){0,30}\s*决议/g;
const RESOLUTION_NUMBER = /\d{1,4}\/\d{1,4}|\d{1,4}\s*\((?:\d{4}|[IVXLC]+)\)/g;
const BODY_MENTION = /(安全理事会|安理会|人权理事会|经济及社会理事会|大会|理事会)/g;

/** Is this a plausible UN document symbol (not, say, `A/B` in prose)? */
export function isSymbol(candidate: string): boolean {
  const parts = candidate.split('/');
  if (parts.length < 2 || !/\d/.test(candidate)) return false;
  return parts.slice(1).every((p) => /^(?:[A-Z]{1,6}(?:\.\d+)?|\d{1,5}(?:\(\d{4}\))?|(?:Add|Corr|Rev|CRP)\.\d+)$/.test(p));
}

export function parseInline(text: string, ctx: InlineContext): Inline[] {
  const hits: Hit[] = [];
  /** Characters already inside a hit: a mask keeps overlap checks linear in long paragraphs. */
  const covered = new Uint8Array(text.length);
  const add = (hit: Hit) => {
    if (covered.subarray(hit.index, hit.index + hit.length).includes(1)) return;
    covered.fill(1, hit.index, hit.index + hit.length);
    hits.push(hit);
  };

  for (const m of text.matchAll(MD_LINK)) {
    const [whole, label, target] = m;
    if (isSymbol(label!)) add({ index: m.index, length: whole.length, node: doc(label!, label!) });
    else if (/^https?:\/\//i.test(target!)) add({ index: m.index, length: whole.length, node: { type: 'link', url: target!, text: label! } });
  }
  for (const m of text.matchAll(URL)) {
    const url = m[0].replace(/[.,;:!?'"。，]+$/, '');
    add({ index: m.index, length: url.length, node: { type: 'link', url: linkTarget(url, ctx.links), text: url } });
  }
  for (const m of text.matchAll(RESOLUTION_PHRASE)) {
    const prefix = bodyBefore(text.slice(0, m.index)) ?? ctx.defaultBody;
    for (const num of m[0].matchAll(RESOLUTION_NUMBER)) {
      add({ index: m.index + num.index, length: num[0].length, node: resolution(num[0], prefix) });
    }
  }
  for (const m of text.matchAll(SYMBOL)) {
    if (isSymbol(m[0])) add({ index: m.index, length: m[0].length, node: doc(m[0], m[0]) });
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
  return { type: 'doc', symbol, text, kind: /\/RES\//.test(symbol) ? 'resolution' : 'document' };
}

/** `48/141` by 大会 → `A/RES/48/141`; `2391(2017)` → `S/RES/2391(2017)`; `217(III)` → `A/RES/217(III)`. */
function resolution(number: string, body: string): Inline {
  const n = number.replace(/\s+/g, '');
  const symbol = /\(\d{4}\)$/.test(n) ? `S/RES/${n}` : `${/\(/.test(n) ? 'A' : body}/RES/${n}`;
  return { type: 'doc', symbol, text: number, kind: 'resolution' };
}

/** The body named last in the same sentence before a resolution (`人权理事会第 …`). */
function bodyBefore(before: string): string | undefined {
  const near = before.slice(-40);
  const sentence = near.slice(Math.max(near.lastIndexOf('。'), near.lastIndexOf('；')) + 1);
  const mentions = [...sentence.matchAll(BODY_MENTION)];
  const last = mentions.at(-1)?.[1];
  if (!last) return undefined;
  if (last === '安全理事会' || last === '安理会') return 'S';
  if (last === '经济及社会理事会') return 'E';
  if (last === '大会') return 'A';
  return 'A/HRC';
}

/** A printed `www…` link completed from the harvested targets, else with `https://`. */
function linkTarget(printed: string, links: readonly string[]): string {
  if (/^https?:\/\//i.test(printed)) return printed;
  const known = links.find((l) => /^https?:\/\/(?!undocs\.org)/i.test(l) && l.replace(/^https?:\/\//i, '') === printed);
  return known ?? `https://${printed}`;
}
