/**
 * Step 9 — serialise: report model → MDX, by building an mdast tree and printing it with
 * mdast-util-to-markdown (MDX, GFM and frontmatter extensions). Never string concatenation:
 * seed text goes into `text` nodes, so `{`, `<`, `*`, `[` … are escaped by the printer and
 * reach the page as the same literal text.
 *
 * Each block is one line: a paragraph holding one JSX element, which MDX unwraps, so the
 * component renders the block's own element. The page passes the components (no imports).
 */
import type { Link, Paragraph, PhrasingContent, Root, RootContent, Text, Yaml } from 'mdast';
import { frontmatterToMarkdown } from 'mdast-util-frontmatter';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { mdxToMarkdown } from 'mdast-util-mdx';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { toMarkdown } from 'mdast-util-to-markdown';
import { frontmatterSchema, type Frontmatter, type Inline, type Report } from './schema.ts';

export function toMdx(report: Report): string {
  const root: Root = { type: 'root', children: [frontmatter(report), ...body(report)] };
  return toMarkdown(root, {
    extensions: [frontmatterToMarkdown(['yaml']), mdxToMarkdown(), gfmToMarkdown()],
    // A text line starting with `import`/`export` would be read as ESM; ours never start a line,
    // but escape them anyway should a future block shape allow it.
    unsafe: [
      { character: 'i', atBreak: true, after: 'mport\\b' },
      { character: 'e', atBreak: true, after: 'xport\\b' },
    ],
  });
}

/** Frontmatter values are printed as JSON, which is valid YAML (double-quoted scalars). */
export function frontmatterOf(report: Report): Frontmatter {
  const { sources: _sources, ...meta } = report.meta;
  return frontmatterSchema.parse({
    slug: report.slug,
    ...meta,
    source: report.source.file,
    paragraphs: report.stats.paragraphs,
    notes: report.stats.notes,
    headings: report.stats.headings.chapter + report.stats.headings.section + report.stats.headings.subsection,
    figures: report.stats.figures,
  });
}

function frontmatter(report: Report): Yaml {
  const data = frontmatterOf(report);
  const lines = Object.entries(data).map(
    ([key, value]) => `${key}: ${JSON.stringify(value).replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`)}`,
  );
  return { type: 'yaml', value: lines.join('\n') };
}

function body(report: Report): RootContent[] {
  const out: RootContent[] = [];
  const chartsAfter = new Map<string, string[]>();
  for (const chart of report.figures?.charts ?? []) {
    const owner = report.blocks.find((b) => b.id === chart.block || (b.type === 'list' && b.items.some((i) => i.id === chart.block)))?.id ?? chart.block;
    chartsAfter.set(owner, [...(chartsAfter.get(owner) ?? []), chart.id]);
  }
  for (const block of report.blocks) {
    if (block.type === 'heading') {
      out.push(line(jsx('Heading', { id: block.id, level: String(block.level), kind: block.kind, label: block.label }, inline(block.content))));
    } else if (block.type === 'paragraph') {
      out.push(line(jsx('Para', { ...(block.n ? { n: String(block.n) } : {}), id: block.id }, inline(block.content))));
    } else if (block.type === 'figure') {
      out.push(line(jsx('KeyFigure', { id: block.id, value: block.value }, [text(block.caption)])));
    } else {
      out.push(flow('Items', { id: block.id }, block.items.map((item) => line(jsx('Item', { label: item.label, id: item.id }, inline(item.content))))));
    }
    for (const id of chartsAfter.get(block.id) ?? []) out.push(line(jsx('Chart', { report: report.slug, id }, [])));
  }
  if (report.notes.length) {
    out.push(
      flow(
        'Notes',
        {},
        report.notes.map((n) => line(jsx('Note', { n: String(n.n), id: n.id, refs: n.refs.join(' ') }, inline(n.content)))),
      ),
    );
  }
  return out;
}

function inline(content: Inline[]): PhrasingContent[] {
  return content.map((c): PhrasingContent => {
    if (c.type === 'text') return text(c.value);
    if (c.type === 'noteRef') return jsx('NoteRef', { n: String(c.n), id: c.id }, []);
    if (c.type === 'doc') return jsx('Doc', { s: c.symbol, kind: c.kind }, [text(c.text)]);
    if (c.type === 'paraRef') return jsx('ParaRef', { s: c.symbol, p: c.anchor }, [text(c.text)]);
    if (c.type === 'country') return jsx('Country', { code: c.code }, [text(c.text)]);
    const link: Link = { type: 'link', url: c.url, children: [text(c.text)] };
    return link;
  });
}

function text(value: string): Text {
  return { type: 'text', value: value.replace(/\s+/g, (run) => (run.includes('\n') ? ' ' : run)) };
}

function attributes(attrs: Record<string, string>): MdxJsxAttribute[] {
  return Object.entries(attrs).map(([name, value]) => ({ type: 'mdxJsxAttribute', name, value }));
}

function jsx(name: string, attrs: Record<string, string>, children: PhrasingContent[]): MdxJsxTextElement {
  return { type: 'mdxJsxTextElement', name, attributes: attributes(attrs), children };
}

function flow(name: string, attrs: Record<string, string>, children: Paragraph[]): MdxJsxFlowElement {
  return { type: 'mdxJsxFlowElement', name, attributes: attributes(attrs), children };
}

function line(element: MdxJsxTextElement): Paragraph {
  return { type: 'paragraph', children: [element] };
}
