/**
 * The hostile-input corpus (`tests/hostile/`, plus a 20 MB report and a 1 MB line generated at
 * test time): each seed is either converted with the exact warnings below, its text kept
 * literally, or rejected with one error naming the file (and line); the real reports convert
 * byte for byte as committed; and nothing in seed text becomes code or a `javascript:` link.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { evaluate } from '@mdx-js/mdx';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { frontmatter } from 'micromark-extension-frontmatter';
import { mdxjs } from 'micromark-extension-mdxjs';
import { visit } from 'unist-util-visit';
import { SeedError } from '../../scripts/converter/errors.ts';
import { parseInline } from '../../scripts/converter/inline.ts';
import { convertSeed } from '../../scripts/converter/pipeline.ts';
import { convertAll, type RunOptions } from '../../scripts/converter/run.ts';
import type { Inline, Report } from '../../scripts/model/schema.ts';
import { inlineText } from '../../scripts/model/inline.ts';
import { largeReport, longLine, writeLarge } from '../hostile/generate.ts';
import { allContent, pinnedContent, root, seedFiles, seedsDir } from '../helpers.ts';
import { children, isEl, textOf, type El } from './jsx.ts';

const corpus = `${root}tests/hostile`;
const read = (file: string) => fs.readFileSync(join(corpus, file));

/** A warning or error as asserted: code and line (undefined when the problem has no one line). */
type Diag = [code: string, line?: number];
type Outcome = { error: Diag } | { warnings: Diag[] };

/** The exact outcome of each committed corpus file. */
const OUTCOMES: Record<string, Outcome> = {
  'empty.txt': { error: ['empty'] },
  'binary.png.txt': { error: ['binary'] },
  'invalid-utf8.txt': { error: ['encoding', 7] },
  'duplicate-paragraphs.txt': {
    warnings: [
      ['title-from-filename'],
      ['slug-from-filename'],
      ['paragraph-order', 7],
      ['duplicate-anchor', 7],
      ['paragraph-order', 9],
      ['duplicate-anchor', 9],
      ['paragraph-gap', 11],
      ['number-too-long', 11],
      ['paragraph-order', 17],
      ['duplicate-anchor', 17],
    ],
  },
  'notes-without-references.txt': {
    warnings: [
      ['title-from-filename'],
      ['slug-from-filename'],
      ['note-missing', 3],
      ['note-unreferenced', 9],
      ['note-unreferenced', 10],
      ['ibid-unresolved', 10],
      ['note-unreferenced', 11],
      ['ibid-unresolved', 11],
    ],
  },
  'no-structure.txt': { warnings: [['title-from-filename'], ['slug-from-filename']] },
  'injection.txt': { warnings: [] },
};

const diag = (d: { code: string; line?: number | undefined }): Diag => (d.line === undefined ? [d.code] : [d.code, d.line]);

describe('each corpus seed has its exact outcome', () => {
  test('every file in tests/hostile/ is listed here', () => {
    assert.deepEqual(
      fs
        .readdirSync(corpus)
        .filter((f) => f.endsWith('.txt'))
        .sort(),
      Object.keys(OUTCOMES).sort(),
    );
  });

  for (const [file, outcome] of Object.entries(OUTCOMES)) {
    test(`${file}: ${'error' in outcome ? `rejected [${outcome.error.join(':')}]` : `converted with ${outcome.warnings.length} warnings`}`, () => {
      if ('error' in outcome) {
        assert.throws(
          () => convertSeed(file, read(file)),
          (e: unknown) => {
            assert.ok(e instanceof SeedError);
            assert.deepEqual([e.file, ...diag(e)], [file, ...outcome.error]);
            assert.ok(e.message.startsWith(`${file}${e.line ? `:${e.line}` : ''}: `), e.message);
            return true;
          },
        );
      } else {
        const { report } = convertSeed(file, read(file));
        assert.deepEqual(report.warnings.map(diag), outcome.warnings);
        assert.ok(report.warnings.every((w) => w.file === file));
      }
    });
  }

  test('duplicated paragraph numbers keep every paragraph, each with its own anchor', () => {
    const { report } = convertSeed('duplicate-paragraphs.txt', read('duplicate-paragraphs.txt'));
    const paras = report.blocks.filter((b) => b.type === 'paragraph');
    assert.deepEqual(
      paras.map((p) => [p.n, p.id]),
      [
        [1, 'p-1'],
        [2, 'p-2'],
        [2, 'p-2-2'],
        [1, 'p-1-2'],
        [9, 'p-9'],
        [1, 'p-1-3'],
      ],
    );
    // A number too large to be a paragraph number stays text, in the paragraph before it.
    assert.equal(inlineText(paras[4]!.content), '跳到第九段。99999999999999999999. 一个大得离谱的段号。');
  });

  test('notes without references are kept and listed; a reference without a note stays text', () => {
    const { report } = convertSeed('notes-without-references.txt', read('notes-without-references.txt'));
    assert.deepEqual(
      report.notes.map((n) => [n.n, n.refs]),
      [
        [1, ['fnref-1']],
        [2, []],
        [3, []],
        [4, []],
      ],
    );
    assert.match(inlineText(report.blocks[1]!.type === 'paragraph' ? report.blocks[1]!.content : []), /没有注的标记⁷。$/);
  });

  test('text with no structure at all becomes plain paragraphs, its markup literal, nothing dropped', () => {
    const { report } = convertSeed('no-structure.txt', read('no-structure.txt'));
    // Prose is never infographic debris: the legend lines that follow it stay text too.
    assert.deepEqual(
      report.blocks.map((b) => [b.type, b.id]),
      [
        ['paragraph', 'b-1'],
        ['paragraph', 'b-2'],
        ['paragraph', 'b-3'],
      ],
    );
    assert.deepEqual(report.dropped, []);
    assert.match(
      inlineText(report.blocks[0]!.type === 'paragraph' ? report.blocks[0]!.content : []),
      /偶尔有 \{process\.exit\(1\)\} 和 <script>alert\(1\)<\/script> 这样的字符串。$/,
    );
  });
});

describe('large input converts in linear time', () => {
  test('a 20 MB report: every paragraph, in order, no warning beyond the missing title', () => {
    const { text, paragraphs } = largeReport();
    assert.ok(Buffer.byteLength(text) >= 20_000_000);
    const { report, mdx } = convertSeed('large-report.txt', Buffer.from(text));
    assert.equal(report.stats.paragraphs, paragraphs);
    assert.equal(report.blocks.at(-1)!.id, `p-${paragraphs}`);
    assert.deepEqual(report.warnings.map(diag), [['title-from-filename'], ['slug-from-filename']]);
    assert.ok(mdx.includes(`<Para n="${paragraphs}" id="p-${paragraphs}">人权高专办根据大会第 <Doc s="A/RES/48/141" kind="resolution">48/141</Doc> 号决议`));
  });

  test('5 MB of wrapped lines with no blank line and no number is one paragraph holding all of it', () => {
    const line = '人权高专办支持各国落实建议，并与民间社会合作。';
    const lines = Array.from({ length: Math.ceil(5_000_000 / Buffer.byteLength(`${line}\n`)) }, () => line);
    const { report } = convertSeed('wrapped.txt', Buffer.from(lines.join('\n')));
    assert.equal(report.blocks.length, 1);
    assert.equal(report.blocks[0]!.type === 'paragraph' && inlineText(report.blocks[0]!.content), lines.join(''));
  });

  test('a single 1 MB line is one paragraph holding all of it', () => {
    const line = longLine();
    assert.ok(Buffer.byteLength(line) >= 1_000_000 && !line.slice(12).includes('\n'));
    const { report } = convertSeed('long-line.txt', Buffer.from(line));
    const last = report.blocks.at(-1)!;
    assert.equal(report.stats.paragraphs, 2);
    assert.equal(last.type === 'paragraph' && inlineText(last.content), line.slice(line.indexOf('2. ') + 3));
  });
});

describe('a corpus folder beside the real seeds', () => {
  test('bad seeds are reported by file and line; the real reports come out byte for byte as without them', () => {
    const seeds = fs.mkdtempSync(join(tmpdir(), 'hostile-seeds-'));
    const out = fs.mkdtempSync(join(tmpdir(), 'hostile-content-'));
    for (const f of [...seedFiles, 'manifest.json']) fs.copyFileSync(join(seedsDir, f), join(seeds, f));
    for (const f of Object.keys(OUTCOMES)) fs.copyFileSync(join(corpus, f), join(seeds, f));
    fs.writeFileSync(join(seeds, 'long-line.txt'), longLine());
    const lines: string[] = [];
    const fsApi = { ...fs, join } as unknown as RunOptions['fs'];
    const result = convertAll({ seedsDir: seeds, outDir: out, fs: fsApi, log: (l) => lines.push(l) });

    assert.deepEqual(
      result.errors.map((e) => [e.file, e.code, e.line]),
      [
        ['binary.png.txt', 'binary', undefined],
        ['empty.txt', 'empty', undefined],
        ['invalid-utf8.txt', 'encoding', 7],
      ],
    );
    assert.ok(
      lines.includes(
        'error invalid-utf8.txt:7: text is neither valid UTF-8 nor GB18030 (undecodable bytes) [encoding] — skipped; the other reports still convert',
      ),
    );
    assert.equal(result.converted, seedFiles.length + 5);
    for (const sub of ['reports', 'data']) {
      for (const name of fs.readdirSync(join(pinnedContent(), sub))) {
        assert.ok(fs.readFileSync(join(out, sub, name)).equals(fs.readFileSync(join(pinnedContent(), sub, name))), `${sub}/${name} changed`);
      }
    }
    for (const d of [seeds, out]) fs.rmSync(d, { recursive: true });
  });

  test('the generator writes the large files into a given folder', () => {
    const dir = fs.mkdtempSync(join(tmpdir(), 'hostile-large-'));
    assert.deepEqual(writeLarge(dir), ['large-report.txt', 'long-line.txt']);
    assert.ok(fs.statSync(join(dir, 'large-report.txt')).size >= 20_000_000);
    assert.ok(fs.statSync(join(dir, 'long-line.txt')).size >= 1_000_000);
    fs.rmSync(dir, { recursive: true });
  });
});

/** The hostile strings of the injection seed, as they must reach the reader. */
const NEEDLES = [
  '{process.exit(1)}',
  '{alert(document.cookie)}',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'import fs from "node:fs"',
  'export default function X() { return alert(1) }',
  '<!-- 而没有结尾',
  '<![CDATA[ x ]]>',
  '&lt;script&gt; &#x3C;b&#x3E;',
  '` 反引号 `code` 与 *星号* _下划线_',
  '[x](javascript:alert(1))',
  '[点我](JavaScript:alert(2))',
  '<javascript:alert(1)>',
  'data:text/html,<script>alert(1)</script>',
  '<svg onload=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe> <a href="javascript:alert(1)">点</a> <style>body{display:none}</style>',
  '<script>alert("注")</script>',
];

function walk(x: unknown, visit: (el: El) => void): void {
  if (!isEl(x)) return;
  visit(x);
  children(x).forEach((c) => walk(c, visit));
}

/** The components the report page passes to the MDX body (src/components/report/index.ts). */
const OURS = ['Heading', 'Para', 'Items', 'Item', 'KeyFigure', 'Notes', 'Note', 'NoteRef', 'Doc', 'ParaRef', 'Country', 'Chart'];

/**
 * Runs the MDX body the way the site does (compiled, then executed) with a runtime that only
 * records elements: an expression or ESM smuggled in through seed text would execute here.
 */
async function render(mdx: string): Promise<El> {
  const body = mdx.replace(/^---\n[\s\S]*?\n---\n/, '');
  const record = (type: unknown, props: El['props']) => ({ type: typeof type === 'string' ? type : 'Fragment', props });
  const { default: Content } = await evaluate(body, { Fragment: 'Fragment', jsx: record, jsxs: record } as unknown as Parameters<typeof evaluate>[1]);
  return Content({ components: Object.fromEntries(OURS.map((n) => [n, n])) }) as unknown as El;
}

describe('injected markup stays text', () => {
  const { report, mdx } = convertSeed('injection.txt', read('injection.txt'));

  test('the front matter keeps the title, author and summary literally', () => {
    assert.equal(report.meta.title, '注入测试 <script>alert(1)</script> {process.exit(1)}');
    assert.equal(report.meta.author, '特别报告员 <img src=x onerror=alert(1)> 的报告');
    assert.equal(report.meta.summary, '本报告的每一行都试图把文本变成代码：{process.exit(1)}、<script>alert("概要")</script>、[x](javascript:alert(1))。');
    const yaml = Object.fromEntries(
      mdx
        .split('---\n')[1]!
        .trim()
        .split('\n')
        .map((l) => [l.slice(0, l.indexOf(':')), JSON.parse(l.slice(l.indexOf(':') + 1))]),
    );
    assert.equal(yaml.title, report.meta.title);
    assert.equal(yaml.summary, report.meta.summary);
  });

  test('the MDX parses to our components and text only: no ESM, expression, HTML or foreign element', () => {
    const tree = fromMarkdown(mdx, { extensions: [frontmatter(['yaml']), mdxjs()], mdastExtensions: [frontmatterFromMarkdown(['yaml']), mdxFromMarkdown()] });
    const types = new Set<string>();
    visit(tree, (node) => {
      types.add(node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement' ? `<${node.name}>` : node.type);
    });
    assert.deepEqual([...types].sort(), [
      '<Chart>',
      '<Heading>',
      '<Item>',
      '<Items>',
      '<Note>',
      '<NoteRef>',
      '<Notes>',
      '<Para>',
      'link',
      'paragraph',
      'root',
      'text',
      'yaml',
    ]);
  });

  test('the compiled MDX runs without executing seed text and renders every block’s text exactly', async () => {
    const tree = await render(mdx);
    const rendered = new Map<string, string>();
    walk(tree, (el) => {
      if (typeof el.props.id === 'string' && el.type !== 'NoteRef') rendered.set(el.props.id, textOf(el).replace(/\s+/g, ' '));
    });
    const expected = allContent(report).map(({ id, content }) => [id, inlineText(content as Inline[]).replace(/\s+/g, ' ')]);
    assert.deepEqual(
      expected.map(([id]) => [id, rendered.get(id!)]),
      expected,
    );
    const all = textOf(tree);
    for (const needle of NEEDLES) assert.ok(all.includes(needle), `missing literally: ${needle}`);
  });

  test('the only link is the https one; no javascript: URL anywhere becomes a link', async () => {
    const hrefs: unknown[] = [];
    walk(await render(mdx), (el) => {
      if (el.type === 'a') hrefs.push(el.props.href);
    });
    assert.deepEqual(hrefs, ['https://example.org/x']);
    assert.deepEqual(links(report), ['https://example.org/x']);
  });

  test('markdown links and autolinks to script URLs never become links in the inline parser', () => {
    const ctx = { links: ['javascript:alert(1)'], defaultBody: 'A' as const };
    for (const text of [
      '[x](javascript:alert(1))',
      '[x](JAVASCRIPT:alert(1))',
      '[x](%6Aavascript:alert(1))',
      '[x](vbscript:msgbox(1))',
      '[x](data:text/html,<script>alert(1)</script>)',
      '[x](//evil.example/x)',
      '<javascript:alert(1)>',
      'javascript:alert(1)',
    ]) {
      assert.deepEqual(parseInline(text, ctx), [{ type: 'text', value: text }], text);
    }
    // A web address as the label is linked to itself, without the bracket; the rest stays text.
    assert.deepEqual(parseInline('[https://example.org](javascript:alert(1))', ctx), [
      { type: 'text', value: '[' },
      { type: 'link', url: 'https://example.org', text: 'https://example.org' },
      { type: 'text', value: '](javascript:alert(1))' },
    ]);
  });
});

function links(report: Report): string[] {
  return allContent(report).flatMap(({ content }) => content.flatMap((c) => (c.type === 'link' ? [c.url] : [])));
}
