/**
 * The serializer prints MDX by hand (scripts/converter/serialize.ts), so this proves it safe: every
 * seed, fixture and hostile input, and random strings full of Markdown, MDX and GFM syntax,
 * parse back — with the site's processor (Sätteri, GFM on) and with @mdx-js/mdx (+ remark-gfm)
 * — to our components only, each holding exactly the model's text, attributes and links.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { evaluate as mdxEvaluate } from '@mdx-js/mdx';
import fc from 'fast-check';
import remarkGfm from 'remark-gfm';
import { evaluate as satteriEvaluate } from 'satteri';
import { SeedError } from '../../scripts/converter/errors.ts';
import { convertSeed } from '../../scripts/converter/pipeline.ts';
import type { Block, Inline, Report } from '../../scripts/model/schema.ts';
import { toMdx } from '../../scripts/converter/serialize.ts';
import { inlineText } from '../../scripts/model/inline.ts';
import { allContent, root, seedFiles, seedsDir } from '../helpers.ts';
import { children, isEl, textOf, type El } from './jsx.ts';

function elements(x: unknown, out: El[] = []): El[] {
  if (isEl(x)) {
    out.push(x);
    children(x).forEach((c) => elements(c, out));
  }
  return out;
}

/** The components the report page passes to the MDX body (src/components/report/index.ts). */
const OURS = ['Heading', 'Para', 'Items', 'Item', 'KeyFigure', 'Notes', 'Note', 'NoteRef', 'Doc', 'ParaRef', 'Country', 'Chart'];
const record = (type: unknown, props: El['props']) => ({ type: typeof type === 'string' ? type : 'Fragment', props });
const runtime = { Fragment: 'Fragment', jsx: record, jsxs: record };
const components = Object.fromEntries(OURS.map((n) => [n, n]));

/** Each parser compiles and runs the body with a runtime that only records elements. */
const PARSERS: Record<string, (body: string) => Promise<El>> = {
  'Sätteri (the site’s processor)': async (body) => {
    const { default: Content } = (await satteriEvaluate(body, { ...runtime, features: { gfm: true, smartPunctuation: false } } as never)) as {
      default: (p: unknown) => El;
    };
    return Content({ components });
  },
  '@mdx-js/mdx with remark-gfm': async (body) => {
    const { default: Content } = await mdxEvaluate(body, { ...runtime, remarkPlugins: [remarkGfm] } as never);
    return Content({ components }) as unknown as El;
  },
};

/** A renderer percent-encodes what may not stand in a URL (`\\`, `{`, `|` …), as browsers would. */
const href = (url: string) => url.replace(/[^A-Za-z0-9!#$&'()*+,\-./:;=?@_~%]|%(?![0-9A-Fa-f]{2})/g, (c) => encodeURIComponent(c));

/** Each text is printed on one line: a line break and the blanks around it become one space. */
const oneLine = (s: string) => s.replace(/\s*[\r\n]\s*/g, ' ');
const runOnOneLine = (c: Inline): Inline =>
  c.type === 'text' ? { ...c, value: oneLine(c.value) } : c.type === 'noteRef' ? c : { ...c, text: oneLine(c.text) };

/** What the page must show for a report: per element id, its text; its links; its attributes. */
function expected(report: Report) {
  const texts = new Map(allContent(report).map(({ id, content }) => [id, inlineText((content as Inline[]).map(runOnOneLine))]));
  for (const b of report.blocks) if (b.type === 'figure') texts.set(b.id, oneLine(b.caption));
  const links = allContent(report).flatMap(({ content }) => content.flatMap((c) => (c.type === 'link' ? [[href(c.url), oneLine(c.text)]] : [])));
  const labels = report.blocks.flatMap((b) =>
    b.type === 'heading' ? [[b.id, oneLine(b.label)]] : b.type === 'list' ? b.items.map((i) => [i.id, oneLine(i.label)]) : [],
  );
  /** A pull-quote's attribution, an attribute of its paragraph. */
  const attributions = report.blocks.flatMap((b) => (b.type === 'paragraph' && b.by ? [[b.id, b.by]] : []));
  return { texts, links, labels, attributions };
}

async function assertRoundTrip(report: Report, parse: (body: string) => Promise<El>) {
  const mdx = toMdx(report);
  const body = mdx.replace(/^---\n[\s\S]*?\n---\n/, '');
  const all = elements(await parse(body));
  const foreign = all.filter((el) => !OURS.includes(el.type) && el.type !== 'a' && el.type !== 'Fragment');
  assert.deepEqual(
    foreign.map((el) => el.type),
    [],
    'only our components and links',
  );
  const want = expected(report);
  const got = new Map(all.filter((el) => typeof el.props.id === 'string' && el.type !== 'NoteRef').map((el) => [el.props.id as string, textOf(el)]));
  assert.deepEqual(
    [...want.texts].map(([id]) => [id, got.get(id)]),
    [...want.texts],
  );
  // The model's links, in order; besides them only GFM literal autolinks of plain text
  // (`www.x`, `https://x`, `a@b.org`), which no escape can stop and which keep their text.
  let next = 0;
  for (const [url, text] of all.filter((el) => el.type === 'a').map((el) => [String(el.props.href), textOf(el)] as const)) {
    if (url === want.links[next]?.[0] && text === want.links[next]?.[1]) next++;
    else
      assert.ok(
        [text, `http://${text}`, `mailto:${text}`].some((u) => /^(https?|mailto):/.test(u) && url === href(u)),
        `a link not in the model: ${url} ${text}`,
      );
  }
  assert.deepEqual(want.links.slice(next), [], 'every link of the model, in order');
  assert.deepEqual(
    want.labels.map(([id]) => [id, all.find((el) => el.props.id === id)?.props.label]),
    want.labels,
  );
  assert.deepEqual(
    want.attributions.map(([id]) => [id, all.find((el) => el.props.id === id)?.props.by]),
    want.attributions,
  );
}

/** Every input the converter accepts among the seeds, fixtures and hostile corpus. */
function corpus(): [string, Report][] {
  const files = [
    ...seedFiles.map((f) => join(seedsDir, f)),
    ...readdirSync(join(root, 'tests/fixtures')).map((d) => join(root, 'tests/fixtures', d, 'input.txt')),
    ...readdirSync(join(root, 'tests/hostile'))
      .filter((f) => f.endsWith('.txt'))
      .map((f) => join(root, 'tests/hostile', f)),
  ];
  return files.flatMap((path): [string, Report][] => {
    try {
      return [[path.slice(root.length), convertSeed(path.split('/').pop()!, readFileSync(path)).report]];
    } catch (e) {
      if (e instanceof SeedError) return [];
      throw e;
    }
  });
}

/** Characters MDX, Markdown or GFM could read as syntax, with Chinese text, blanks and line breaks. */
const UNITS = [...'{}<>*_[]\\`#&|~!-:()@.=+"\'/;abcwhtpsW1 \n\t', '人权', '。', '，', '“', '）', 'www.', 'https://', '&amp;', '&#x3C;'];
const anyText = fc.string({ unit: fc.constantFrom(...UNITS), maxLength: 40 });
const urlText = fc.string({ unit: fc.constantFrom(...'()<>&\\`*_[]{}#;=?%~!:@.abc12'), maxLength: 20 });

/** A one-block report around random strings: a heading (its label an attribute) and a paragraph with a link and a country. */
function reportOf(base: Report, s: string[], path: string): Report {
  const blocks: Block[] = [
    { type: 'heading', id: 'h-1', line: 1, level: 1, kind: 'chapter', label: s[0]!, content: [{ type: 'text', value: s[1]! }] },
    {
      type: 'paragraph',
      id: 'p-1',
      line: 2,
      n: 1,
      content: [
        { type: 'text', value: s[2]! },
        { type: 'link', url: `https://example.org/${path}`, text: s[3]! },
        { type: 'text', value: s[4]! },
        { type: 'country', code: 'CHN', text: s[5]! },
        { type: 'noteRef', n: 1, id: 'fnref-1' },
        { type: 'text', value: s[6]! },
      ],
    },
    { type: 'list', id: 'p-1-list', line: 3, items: [{ id: 'p-1-a', line: 3, label: s[7]!, content: [{ type: 'text', value: s[8]! }] }] },
  ];
  return {
    ...base,
    blocks,
    notes: [{ id: 'fn-1', line: 4, n: 1, mark: '1', refs: ['fnref-1'], content: [{ type: 'text', value: s[9]! }] }],
    figures: undefined,
  } as Report;
}

for (const [name, parse] of Object.entries(PARSERS)) {
  describe(`the MDX parses back to the model (${name})`, () => {
    for (const [file, report] of corpus()) {
      test(`${file}: every block's text, link and label`, async () => {
        await assertRoundTrip(report, parse);
      });
    }

    test('random strings of syntax characters, Chinese text and line breaks come back as the same text', async () => {
      const base = corpus()[0]![1];
      await fc.assert(
        fc.asyncProperty(fc.array(anyText, { minLength: 10, maxLength: 10 }), urlText, async (s, path) => {
          await assertRoundTrip(reportOf(base, s, path), parse);
        }),
        { numRuns: 300, seed: 14 },
      );
    });
  });
}
