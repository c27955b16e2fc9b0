/**
 * The anatomy document is the converter's specification (docs/un-document-anatomy.md): every
 * ```example block in it is converted and the lines of its model written in the checkable
 * notation are compared with what the converter produces. The notation is described at the top
 * of the document ("How to read the examples"); lines in any other form are prose.
 *
 * `ANATOMY_SHOW=1 npx node --test tests/converter/anatomy.test.ts` prints, for each example, the
 * model in the same notation: what to paste when the converter changes deliberately.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { clean } from '../../scripts/converter/clean.ts';
import type { ContentsEntry } from '../../scripts/converter/constructs/contents.ts';
import { newLedger } from '../../scripts/converter/ledger.ts';
import { convertSeed } from '../../scripts/converter/pipeline.ts';
import type { Inline, Report } from '../../scripts/model/schema.ts';
import { structure } from '../../scripts/converter/structure.ts';
import { root } from '../helpers.ts';

const doc = readFileSync(`${root}docs/un-document-anatomy.md`, 'utf8');

interface Example {
  /** Line of the opening fence in the document, and the section it is in. */
  at: number;
  section: string;
  input: string;
  model: { line: number; text: string }[];
}

/** Every ```example block: input, a line with a single `.`, the model lines. */
export function examples(markdown: string): Example[] {
  const out: Example[] = [];
  const lines = markdown.split('\n');
  let section = '';
  for (let i = 0; i < lines.length; i++) {
    if (/^#{2,3} /.test(lines[i]!)) section = lines[i]!.replace(/^#+ /, '');
    if (lines[i] !== '```example') continue;
    const at = i + 1;
    const input: string[] = [];
    for (i++; lines[i] !== '.'; i++) {
      if (i >= lines.length || lines[i] === '```') throw new Error(`example at line ${at}: no "." line`);
      input.push(lines[i]!);
    }
    const model: { line: number; text: string }[] = [];
    for (i++; lines[i] !== '```'; i++) {
      if (i >= lines.length) throw new Error(`example at line ${at}: not closed`);
      // A line starting with white space continues the previous model line (a long JSON array).
      if (/^\s/.test(lines[i]!) && model.length) model.at(-1)!.text += ` ${lines[i]!.trim()}`;
      else if (lines[i]!.trim()) model.push({ line: i + 1, text: lines[i]! });
    }
    out.push({ at, section, input: `${input.join('\n')}\n`, model });
  }
  return out;
}

/** Inline content in the notation: text, `[^n]` for a note reference, `{SYMBOL}` / `{SYMBOL "printed"}` for a document. */
function inline(content: Inline[]): string {
  return content
    .map((c) => {
      if (c.type === 'noteRef') return `[^${c.n}]`;
      if (c.type === 'doc') return c.text === c.symbol ? `{${c.symbol}}` : `{${c.symbol} ${JSON.stringify(c.text)}}`;
      if (c.type === 'text') return c.value;
      return c.text;
    })
    .join('');
}

interface Converted {
  report: Report;
  contents: ContentsEntry[];
}

function convert(input: string): Converted {
  const bytes = new TextEncoder().encode(input);
  const { report } = convertSeed('example.txt', bytes);
  // The contents entries are an internal record: read them with the same steps.
  const ledger = newLedger();
  const contents = structure(clean(input, ledger).tokens, new Set(), ledger).contents;
  return { report, contents };
}

const q = (s: string) => JSON.stringify(s);

/** The whole model of an example in the notation (ANATOMY_SHOW=1). */
function show({ report, contents }: Converted): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(report.meta)) {
    if (k === 'sources' || (Array.isArray(v) && !v.length)) continue;
    out.push(`meta.${k} = ${JSON.stringify(v)}`);
  }
  for (const e of contents) out.push(`contents label ${q(e.label ?? '')} ${q(e.title)}${e.from !== undefined ? ` paras ${e.from}-${e.to}` : ''}`);
  for (const b of report.blocks) {
    if (b.type === 'heading') out.push(`heading ${b.level} ${b.kind} label ${q(b.label)} ${q(inline(b.content))} id=${b.id}`);
    else if (b.type === 'paragraph') out.push(`paragraph ${b.n ? `n=${b.n} ` : ''}${q(inline(b.content))} id=${b.id}`);
    else if (b.type === 'list') for (const it of b.items) out.push(`item (${it.label}) ${q(inline(it.content))} id=${it.id}`);
    else out.push(`figure ${q(b.value)} ${q(b.caption)}`);
  }
  for (const n of report.notes) out.push(`note n=${n.n} mark ${q(n.mark)} ${q(inline(n.content))}${n.ibid ? ` ibid=${q(n.ibid)}` : ''}`);
  for (const d of report.dropped) out.push(`dropped L${d.line} ${d.reason} ${q(d.text)}`);
  for (const w of report.warnings) out.push(`warning ${w.code}${w.line ? ` L${w.line}` : ''}`);
  const figures = report.figures;
  if (figures?.values.length) {
    const asPrinted = (id: string) => figures.values.find((v) => v.id === id)!;
    out.push(`figures.values = ${JSON.stringify(figures.values.map((v) => `${v.printed}${v.unit}`))}`);
    out.push(`figures.headline = ${JSON.stringify(figures.headline.map((id) => `${asPrinted(id).printed}${asPrinted(id).unit}`))}`);
  }
  const a = report.stats.accounting;
  if (a) out.push(`accounting input=${a.input} kept=${a.kept} dropped=${a.dropped}`);
  return out;
}

/** Quoted JSON strings at the start of `s`, in order, and what follows them. */
function strings(s: string, count: number): { values: string[]; rest: string } {
  const values: string[] = [];
  let rest = s.trimStart();
  for (let k = 0; k < count; k++) {
    const m = /^"(?:[^"\\]|\\.)*"/.exec(rest);
    if (!m) throw new Error(`expected a quoted string at: ${rest}`);
    values.push(JSON.parse(m[0]) as string);
    rest = rest.slice(m[0].length).trimStart();
  }
  return { values, rest };
}

/** `id=p-10-c-i` at the end of a line, if written. */
function idOf(rest: string): { id: string | undefined; rest: string } {
  const m = /(?:^|\s)id=(\S+)\s*$/.exec(rest);
  return m ? { id: m[1], rest: rest.slice(0, m.index).trim() } : { id: undefined, rest: rest.trim() };
}

const KEYWORDS = /^(meta\.|figures\.|heading |paragraph |item |note |dropped |warning |contents |accounting |no-warnings$)/;

/**
 * Check one model line. Returns the index of the block it matched (for the order check), -1 for
 * a line that names no block, or throws with what differs.
 */
function check(line: string, c: Converted): number {
  const { report } = c;
  const text = line.replace(/\s+#\s.*$/, '').trim();
  let m: RegExpExecArray | null;
  if ((m = /^meta\.(\w+) = (.+)$/.exec(text))) {
    const actual = (report.meta as Record<string, unknown>)[m[1]!];
    assert.deepEqual(actual, JSON.parse(m[2]!), `meta.${m[1]} is ${JSON.stringify(actual)}`);
    return -1;
  }
  if ((m = /^figures\.(values|headline) = (.+)$/.exec(text))) {
    const figures = report.figures!;
    const asPrinted = (v: { printed: string; unit: string }) => `${v.printed}${v.unit}`;
    const actual = m[1] === 'values' ? figures.values.map(asPrinted) : figures.headline.map((id) => asPrinted(figures.values.find((v) => v.id === id)!));
    assert.deepEqual(actual, JSON.parse(m[2]!), `figures.${m[1]} is ${JSON.stringify(actual)}`);
    return -1;
  }
  if ((m = /^heading ([123]) (chapter|section|subsection) label (.*)$/.exec(text))) {
    const { values, rest } = strings(m[3]!, 2);
    const { id, rest: left } = idOf(rest);
    assert.equal(left, '', `unexpected "${left}"`);
    const at = report.blocks.findIndex(
      (b) =>
        b.type === 'heading' &&
        b.level === Number(m![1]) &&
        b.kind === m![2] &&
        b.label === values[0] &&
        inline(b.content) === values[1] &&
        (!id || b.id === id),
    );
    assert.ok(at >= 0, 'no such heading');
    return at;
  }
  if ((m = /^paragraph (?:n=(\d+) )?(.*)$/.exec(text))) {
    const { values, rest } = strings(m[2]!, 1);
    const { id, rest: left } = idOf(rest);
    assert.equal(left, '', `unexpected "${left}"`);
    const n = m[1] ? Number(m[1]) : undefined;
    const at = report.blocks.findIndex((b) => b.type === 'paragraph' && b.n === n && inline(b.content) === values[0] && (!id || b.id === id));
    assert.ok(at >= 0, 'no such paragraph');
    return at;
  }
  if ((m = /^item \(([a-z]+)\) (.*)$/.exec(text))) {
    const { values, rest } = strings(m[2]!, 1);
    const { id, rest: left } = idOf(rest);
    assert.equal(left, '', `unexpected "${left}"`);
    const at = report.blocks.findIndex(
      (b) => b.type === 'list' && b.items.some((it) => it.label === m![1] && inline(it.content) === values[0] && (!id || it.id === id)),
    );
    assert.ok(at >= 0, 'no such list item');
    return at;
  }
  if ((m = /^note n=(\d+) mark (.*)$/.exec(text))) {
    const { values, rest } = strings(m[2]!, 2);
    const ibid = /^ibid=("(?:[^"\\]|\\.)*")$/.exec(rest.trim());
    assert.ok(rest.trim() === '' || ibid, `unexpected "${rest}"`);
    const note = report.notes.find((n) => n.n === Number(m![1]));
    assert.ok(note, `no note ${m[1]}`);
    assert.equal(note.mark, values[0]);
    assert.equal(inline(note.content), values[1]);
    assert.equal(note.ibid, ibid ? (JSON.parse(ibid[1]!) as string) : undefined, 'ibid');
    return -1;
  }
  if ((m = /^dropped L(\d+) ([a-z-]+)(?: (.*))?$/.exec(text))) {
    const wanted = m[3] === undefined ? undefined : strings(m[3], 1).values[0];
    const found = report.dropped.some((d) => d.line === Number(m![1]) && d.reason === m![2] && (wanted === undefined || d.text === wanted));
    assert.ok(found, `no such drop; dropped: ${JSON.stringify(report.dropped)}`);
    return -1;
  }
  if ((m = /^warning ([a-z-]+)(?: L(\d+))?$/.exec(text))) {
    const found = report.warnings.some((w) => w.code === m![1] && (m![2] === undefined || w.line === Number(m![2])));
    assert.ok(found, `no such warning; warnings: ${report.warnings.map((w) => `${w.code} L${w.line}`).join(', ')}`);
    return -1;
  }
  if (text === 'no-warnings') {
    assert.deepEqual(
      report.warnings.map((w) => w.code),
      [],
    );
    return -1;
  }
  if ((m = /^contents label (.*)$/.exec(text))) {
    const { values, rest } = strings(m[1]!, 2);
    const range = /^paras (\d+)-(\d+)$/.exec(rest);
    assert.ok(rest === '' || range, `unexpected "${rest}"`);
    const found = c.contents.some(
      (e) =>
        (e.label ?? '') === values[0] &&
        e.title === values[1] &&
        e.from === (range ? Number(range[1]) : undefined) &&
        e.to === (range ? Number(range[2]) : undefined),
    );
    assert.ok(found, `no such contents entry; entries: ${JSON.stringify(c.contents)}`);
    return -1;
  }
  if ((m = /^accounting input=(\d+) kept=(\d+) dropped=(\d+)$/.exec(text))) {
    assert.deepEqual(report.stats.accounting, { input: Number(m[1]), kept: Number(m[2]), dropped: Number(m[3]) });
    return -1;
  }
  throw new Error('a line that starts with a keyword of the notation but has none of its forms');
}

const all = examples(doc);

test('the anatomy document has examples, and most model lines are checkable', () => {
  assert.ok(all.length >= 30, `only ${all.length} examples`);
  const lines = all.flatMap((e) => e.model);
  const checkable = lines.filter((l) => KEYWORDS.test(l.text));
  assert.ok(checkable.length > lines.length * 0.9, `${checkable.length} of ${lines.length} model lines are checkable`);
  for (const e of all)
    assert.ok(
      e.model.some((l) => KEYWORDS.test(l.text)),
      `example at line ${e.at} has no checkable line`,
    );
});

test('every module the anatomy document names exists, with the entry point it names', () => {
  const named = [...doc.matchAll(/^Modules?: (.+)$/gm)].map((m) => m[1]!);
  assert.ok(named.length >= 20, `only ${named.length} module lines`);
  for (const line of named) {
    for (const m of line.matchAll(/`(scripts\/converter\/[\w/.-]+\.ts)` \(`(\w+)`/g)) {
      assert.ok(existsSync(`${root}${m[1]}`), `${m[1]} (named in: ${line}) does not exist`);
      assert.match(readFileSync(`${root}${m[1]}`, 'utf8'), new RegExp(`export (?:async )?function ${m[2]}\\b`), `${m[1]} exports no function ${m[2]}`);
    }
  }
});

for (const e of all) {
  test(`anatomy example at line ${e.at} (${e.section})`, () => {
    const converted = convert(e.input);
    if (process.env.ANATOMY_SHOW) console.log(`--- example at line ${e.at}\n${show(converted).join('\n')}`);
    let last = -1;
    for (const l of e.model) {
      if (!KEYWORDS.test(l.text)) continue;
      let at: number;
      try {
        at = check(l.text, converted);
      } catch (err) {
        throw new Error(`docs/un-document-anatomy.md:${l.line}: ${l.text}\n  ${(err as Error).message}`);
      }
      if (at >= 0) {
        assert.ok(at >= last, `docs/un-document-anatomy.md:${l.line}: block out of order: ${l.text}`);
        last = at;
      }
    }
  });
}
