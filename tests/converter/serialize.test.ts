/**
 * Seed text is data, never code: whatever the text contains, the MDX parses back to our own
 * components holding the same literal text: no ESM, no expressions, no foreign JSX or HTML.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { compile } from '@mdx-js/mdx';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { toString } from 'mdast-util-to-string';
import { frontmatter } from 'micromark-extension-frontmatter';
import { mdxjs } from 'micromark-extension-mdxjs';
import { visit } from 'unist-util-visit';
import { convertSeed } from '../../scripts/converter/pipeline.ts';

const HOSTILE = [
  '{process.exit(1)}',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'import fs from "node:fs"',
  'export default function X() {}',
  '<!-- a comment -->',
  '<https://example.org/x>',
  '[x](javascript:alert(1))',
  '“引号” "quotes" \'single\' -- --- ...',
  '*not emphasis* _nor this_ # not a heading',
  '&amp; &lt;b&gt; \\ backslash',
];

const OURS = new Set(['Heading', 'Para', 'Items', 'Item', 'KeyFigure', 'Notes', 'Note', 'NoteRef', 'Doc']);

function parse(mdx: string) {
  return fromMarkdown(mdx, { extensions: [frontmatter(['yaml']), mdxjs()], mdastExtensions: [frontmatterFromMarkdown(['yaml']), mdxFromMarkdown()] });
}

describe('hostile seed text comes out as the same literal text', () => {
  const lines = HOSTILE.flatMap((text, i) => [`${i + 1}. ${text}`, '']);
  const seedText = `第一章\n\n导言\n\n${lines.join('\n')}\n`;
  const { mdx, report } = convertSeed('hostile.txt', Buffer.from(seedText));

  test('the MDX holds no ESM, no expressions and no JSX but our components', () => {
    const tree = parse(mdx);
    visit(tree, (node) => {
      assert.ok(!['mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression', 'html'].includes(node.type), `unexpected ${node.type}`);
      if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') assert.ok(OURS.has(node.name ?? ''), `foreign element <${node.name}>`);
    });
  });

  test('each numbered paragraph parses back to exactly its seed text', () => {
    const tree = parse(mdx);
    const texts: string[] = [];
    visit(tree, 'mdxJsxTextElement', (node) => {
      if (node.name === 'Para' && node.attributes.some((a) => a.type === 'mdxJsxAttribute' && a.name === 'n')) texts.push(toString(node));
    });
    assert.equal(texts.length, HOSTILE.length);
    // Only the text inside markdown link syntax would lose its brackets; ours stays literal.
    HOSTILE.forEach((t, i) => assert.equal(texts[i], t));
    assert.equal(report.stats.paragraphs, HOSTILE.length);
  });

  test('the MDX compiles with the MDX compiler', async () => {
    await compile(mdx);
  });
});

describe('the report model written to content/data/', () => {
  const seedText = '第一章\n\n导言\n\n1. 第一段 "引号" \\ 反斜杠\n\n2. 第二段。\n\n第二章\n\n结论\n\n3. 第三段。\n';
  const { json, report } = convertSeed('model.txt', Buffer.from(seedText));

  test('reads back as the very model, with a line of its own for each top-level field and each block', () => {
    assert.deepEqual(JSON.parse(json), JSON.parse(JSON.stringify(report)));
    const lines = json.split('\n');
    for (const key of Object.keys(report)) assert.equal(lines.filter((l) => l.startsWith(`  ${JSON.stringify(key)}: `)).length, 1, key);
    const blockLines = lines.filter((l) => l.startsWith('    {"type":'));
    assert.equal(blockLines.length, report.blocks.length);
    report.blocks.forEach((block, i) => assert.deepEqual(JSON.parse(blockLines[i]!.replace(/,$/, '')), JSON.parse(JSON.stringify(block))));
    assert.ok(json.endsWith('}\n'));
  });
});
