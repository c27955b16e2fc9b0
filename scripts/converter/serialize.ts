/**
 * Step 9 — serialise: report model → MDX, printed directly in the project's own small dialect:
 * YAML frontmatter, then one line per block (a JSX element of ours holding the block's inline
 * content; lists and notes wrap theirs in a flow element, one indented line per child).
 *
 * Seed text is data: each text node is escaped once (`escapeText`) for exactly the characters
 * that MDX with GFM reads as syntax inside a line, so it reaches the page as the same literal
 * text. Attribute values and link destinations have their own escapes. A line never starts
 * with text, so block syntax (`#`, `-`, `>`, `import`, `export`, tables) cannot arise.
 * `tests/converter/roundtrip.test.ts` proves it by parsing the output back with the site's processor
 * and with @mdx-js/mdx, on seeds, fixtures, the hostile corpus and random strings.
 */
import { plainText } from '../model/plain.ts';
import { frontmatterOf } from '../model/frontmatter.ts';
import type { Block, Inline, Report } from '../model/schema.ts';

export function toMdx(report: Report): string {
  return `---\n${frontmatter(report)}\n---\n\n${body(report).join('\n\n')}\n`;
}

/** Frontmatter values are printed as JSON, which is valid YAML (double-quoted scalars). */
function frontmatter(report: Report): string {
  return Object.entries(frontmatterOf(report))
    .map(([key, value]) => `${key}: ${JSON.stringify(value).replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`)}`)
    .join('\n');
}

function body(report: Report): string[] {
  const out: string[] = [];
  const chartsAfter = new Map<string, string[]>();
  for (const chart of report.figures?.charts ?? []) {
    const owner = chartPlace(report.blocks, chart.block);
    chartsAfter.set(owner, [...(chartsAfter.get(owner) ?? []), chart.id]);
  }
  /** How an unnumbered paragraph is cited: by the section it is in (`“背景”一节`), else as `正文`. */
  let place = '正文';
  for (const block of report.blocks) {
    if (block.type === 'heading') {
      place = `“${block.label ? `${block.label} ` : ''}${plainText(block.content)}”一节`;
      out.push(element('Heading', { id: block.id, level: String(block.level), kind: block.kind, label: block.label }, inline(block.content)));
    } else if (block.type === 'paragraph') {
      const role = block.n ? { n: block.label ?? String(block.n) } : block.photo ? { kind: 'photo' } : { place };
      out.push(element('Para', { ...role, id: block.id, ...(block.by ? { by: block.by } : {}) }, inline(block.content)));
    } else if (block.type === 'figure') {
      out.push(element('KeyFigure', { id: block.id, value: block.value }, escapeText(block.caption)));
    } else {
      out.push(
        flow(
          'Items',
          { id: block.id },
          block.items.map((item) => element('Item', { label: item.label, id: item.id }, inline(item.content))),
        ),
      );
    }
    for (const id of chartsAfter.get(block.id) ?? []) out.push(element('Chart', { report: report.slug, id }));
  }
  if (report.notes.length) {
    out.push(
      flow(
        'Notes',
        {},
        report.notes.map((n) => element('Note', { n: String(n.n), id: n.id, refs: n.refs.join(' ') }, inline(n.content))),
      ),
    );
  }
  return out;
}

/**
 * The block a chart read from `passage` is placed after: its paragraph, or the list holding its
 * item. A paragraph that leads in to a list (`…包括：` then (a)–(c)) keeps its list: the chart
 * goes after the list, never between the sentence and its items.
 */
export function chartPlace(blocks: Block[], passage: string): string {
  let at = blocks.findIndex((b) => b.id === passage || (b.type === 'list' && b.items.some((i) => i.id === passage)));
  if (at < 0) return passage;
  const block = blocks[at]!;
  if (block.type === 'paragraph' && /[：:]\s*$/.test(plainText(block.content))) {
    while (blocks[at + 1]?.type === 'list') at++;
  }
  return blocks[at]!.id;
}

/**
 * More inline components than this in one block are written as one `<Inlines>` element holding
 * them as JSON (src/components/report/Inlines.astro renders each with the same component):
 * Sätteri's MDX parser takes time quadratic in the JSX elements of one paragraph (8 000
 * citations in a paragraph: 22 s; in one attribute: 0.01 s). Real paragraphs hold a few dozen at
 * most (26 in the pinned corpus), and their MDX is unchanged.
 */
export const INLINE_COMPONENTS_MAX = 200;

function inline(content: Inline[]): string {
  let components = 0;
  for (const c of content) if (c.type !== 'text' && c.type !== 'link') components++;
  if (components > INLINE_COMPONENTS_MAX) {
    // Text as MDX would give it (a line break and the blanks around it become one space).
    const nodes = content.map((c) => (c.type === 'text' ? { ...c, value: oneLine(c.value) } : c));
    return element('Inlines', { nodes: JSON.stringify(nodes) });
  }
  let out = '';
  for (const c of content) {
    if (c.type === 'text') out += escapeText(c.value);
    else if (c.type === 'noteRef') out += element('NoteRef', { n: String(c.n), id: c.id });
    else if (c.type === 'doc') out += element('Doc', { s: c.symbol, kind: c.kind }, escapeText(c.text));
    else if (c.type === 'paraRef') out += element('ParaRef', { s: c.symbol, p: c.anchor }, escapeText(c.text));
    else if (c.type === 'country') out += element('Country', { code: c.code }, escapeText(c.text));
    // A `!` just before a link would make it an image.
    else out = `${out.endsWith('!') ? `${out.slice(0, -1)}\\!` : out}[${escapeText(c.text, true)}](${destination(c.url)})`;
  }
  return out;
}

/**
 * Characters MDX (with GFM) reads as syntax inside a line of text, each escaped with a
 * backslash: escapes themselves, code, emphasis, strikethrough, links and images, JSX and
 * expressions, and `&` where it could start a character reference. Everything else, Chinese
 * punctuation and `>`, `#`, `|`, `-`, `!`, `}` included, is literal in mid-line, and so is `]`
 * outside a link's text. GFM's literal autolinks (`www.x`, `https://x`, `name@host`) are found
 * twice: while parsing, taking the source's backslashes into the link text, and again in the
 * text once escapes are resolved. Escaping the `.` of `www.` and the `:` of `http://` stops the
 * first; nothing stops the second, which keeps the text as it is and makes at most an http or
 * mailto link of what the converter did not link itself (`a@b.org`, `www.` before Chinese).
 */
const SYNTAX = /[\\`*_~[<{]|&(?=[#A-Za-z])|(?<=[Ww]{3})\.|(?<=[Hh][Tt][Tt][Pp][Ss]?):(?=\/\/)/g;
/** What every match of SYNTAX or LINK_SYNTAX holds; most text has none of it, and this is quicker to look for. */
const MAYBE_SYNTAX = /[\\`*_~[\]<{&.:]/;
/** The same in a link's text, where `]` would end the text. */
const LINK_SYNTAX = /[\\`*_~[\]<{]|&(?=[#A-Za-z])/g;

/** One text node, on one line: a line break and the blanks around it become one space. */
export function escapeText(value: string, inLink = false): string {
  // One pass over each white-space run (a `\s*\n\s*` pattern is quadratic on a long run of spaces).
  const line = oneLine(value);
  return MAYBE_SYNTAX.test(line) ? line.replace(inLink ? LINK_SYNTAX : SYNTAX, '\\$&') : line;
}

/** White-space runs holding a line break become one space; other runs stay as they are. */
function oneLine(value: string): string {
  if (!value.includes('\n') && !value.includes('\r')) return value;
  return value.replace(/\s+/g, (run) => (/[\r\n]/.test(run) ? ' ' : run));
}

/** A link destination: escapes where a raw destination needs them; `<…>` if it holds blanks. */
function destination(url: string): string {
  const escaped = url.replace(/[\\()<>]|&(?=[#A-Za-z])/g, '\\$&');
  return /[\s\x00-\x1f]/.test(url) ? `<${escaped.replace(/[\r\n]/g, ' ')}>` : escaped;
}

/** A JSX attribute value in double quotes, on one line: `&` and `"` as character references (MDX decodes them). */
function attribute(value: string): string {
  const line = oneLine(value);
  return line.includes('&') || line.includes('"') ? line.replace(/&/g, '&#x26;').replace(/"/g, '&#x22;') : line;
}

function attributes(attrs: Record<string, string>): string {
  let out = '';
  for (const [name, value] of Object.entries(attrs)) out += ` ${name}="${attribute(value)}"`;
  return out;
}

/** `<Name …>children</Name>`, or `<Name … />` when it has none. */
function element(name: string, attrs: Record<string, string>, children?: string): string {
  return children === undefined ? `<${name}${attributes(attrs)} />` : `<${name}${attributes(attrs)}>${edges(children)}</${name}>`;
}

/** Blanks at either end of an element's content would be trimmed: the outer ones become character references. */
function edges(children: string): string {
  if (!isBlank(children.charCodeAt(0)) && !isBlank(children.charCodeAt(children.length - 1))) return children;
  return children.replace(/^[ \t]|[ \t]$/g, (c) => (c === ' ' ? '&#x20;' : '&#x9;'));
}

/** A flow element: its children one per line, indented, with a blank line between them. */
function flow(name: string, attrs: Record<string, string>, children: string[]): string {
  return `<${name}${attributes(attrs)}>\n${children.map((c) => `  ${c}`).join('\n\n')}\n</${name}>`;
}

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09;
}

/**
 * The report model as JSON for content/data/: each top-level field on a line of its own, and each
 * element of a top-level array (a block, a note, a drop, a figure) on a line of its own, compact.
 * A reconversion's diff is then one line per block that changed, and the file is about 60 % of
 * what indenting every level gives (at 1000 reports 40 MB less to stringify, write and parse).
 */
export function modelJson(model: Report): string {
  const field = ([key, value]: [string, unknown]) =>
    Array.isArray(value) && value.length
      ? `  ${JSON.stringify(key)}: [\n${value.map((item) => `    ${JSON.stringify(item)}`).join(',\n')}\n  ]`
      : `  ${JSON.stringify(key)}: ${JSON.stringify(value)}`;
  // Fields that are undefined are left out, as JSON.stringify leaves them out.
  const fields = Object.entries(model).filter(([, value]) => value !== undefined);
  return `{\n${fields.map(field).join(',\n')}\n}\n`;
}
