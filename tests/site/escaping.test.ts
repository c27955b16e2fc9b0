/**
 * Output escaping (issue 23, case 6): the files a reader downloads — the figures CSV, the BibTeX
 * and CSL-JSON citations — carry seed text, and seed text is hostile input. Each format is fed
 * values built to break out of it, and read back the way the consuming program reads it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { frontmatterSchema, type Frontmatter } from '../../scripts/model/schema.ts';
import { bibtex, cslJson } from '../../scripts/model/cite.ts';
import { csvField } from '../../scripts/model/figure-files.ts';

const front = (extra: Partial<Frontmatter>): Frontmatter =>
  frontmatterSchema.parse({
    title: '报告',
    agendaItems: [],
    agendaTitles: [],
    slug: 'x',
    source: 'x.txt',
    paragraphs: 3,
    notes: 0,
    headings: 0,
    figures: 0,
    ...extra,
  });

/** One CSV record read as RFC 4180 says (quoted fields, doubled quotes), as spreadsheets read it. */
function readCsvRecord(line: string): string[] {
  const cells: string[] = [];
  for (let i = 0; i <= line.length;) {
    if (line[i] === '"') {
      let cell = '';
      for (i++; ; i++) {
        if (line[i] === '"' && line[i + 1] === '"') ((cell += '"'), i++);
        else if (line[i] === '"') break;
        else cell += line[i];
      }
      cells.push(cell);
      i += 2;
    } else {
      const end = line.indexOf(',', i) === -1 ? line.length : line.indexOf(',', i);
      cells.push(line.slice(i, end));
      i = end + 1;
    }
  }
  return cells;
}

test('CSV: a cell a spreadsheet would run as a formula is read back as text starting with an apostrophe; numbers stay numbers', () => {
  const hostile = [
    '=HYPERLINK("http://evil.example","点击")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+9)*cmd|' /C calc'!A0",
    '\t=1+1',
    '\r=1+1',
  ];
  const line = hostile.map(csvField).join(',');
  const cells = readCsvRecord(line);
  assert.deepEqual(
    cells,
    hostile.map((h) => `'${h}`),
  );
  for (const cell of cells) assert.doesNotMatch(cell, /^[=+\-@\t\r]/, 'no cell starts with a formula character');
  // Plain numbers, negative ones included, and ordinary text are written as they are.
  assert.deepEqual(['-5', '+3', '12.5', '人权', 'a,b', 'say "hi"'].map(csvField), ['-5', '+3', '12.5', '人权', '"a,b"', '"say ""hi"""']);
});

/**
 * A BibTeX entry's fields, found the way BibTeX finds them: a field's value runs to the brace
 * that balances its opening one, counting every brace (BibTeX ignores backslashes when it counts).
 */
function bibFields(entry: string): Map<string, string> {
  const body = /^@techreport\{[a-z0-9-]+,\n([\s\S]*)\n\}\n$/.exec(entry);
  assert.ok(body, `not one @techreport entry:\n${entry}`);
  const fields = new Map<string, string>();
  const text = body[1]!;
  for (let i = 0; i < text.length;) {
    const m = /^\s*([a-z]+) = \{/.exec(text.slice(i));
    assert.ok(m, `unparseable at ${JSON.stringify(text.slice(i, i + 40))}`);
    let depth = 1;
    let j = i + m[0].length;
    for (; depth > 0; j++) {
      assert.ok(j < text.length, 'a field never ends: the entry is broken');
      if (text[j] === '{') depth++;
      else if (text[j] === '}') depth--;
    }
    fields.set(m[1]!, text.slice(i + m[0].length, j - 1));
    i = j;
    const comma = /^,\n/.exec(text.slice(i));
    if (comma) i += comma[0].length;
    else assert.equal(i, text.length, `text after a field: ${JSON.stringify(text.slice(i))}`);
  }
  return fields;
}

test('BibTeX: hostile title, issuer and address stay inside their own fields, whatever braces, backslashes and line breaks they hold', () => {
  const meta = front({ title: '标题}, note = {注入', body: '大会} @misc{evil,', session: '第{一届\n会议', year: 2019 });
  const fields = bibFields(bibtex(meta, 'https://example.org/reports/x.html?a={b} c\\d"e'));
  assert.deepEqual([...fields.keys()], ['author', 'title', 'institution', 'type', 'year', 'url', 'language']);
  assert.equal(fields.get('title'), '{标题\\textbraceright{}, note = \\textbraceleft{}注入}');
  assert.equal(fields.get('author'), '{联合国大会\\textbraceright{} @misc\\textbraceleft{}evil,第\\textbraceleft{}一届 会议}');
  assert.equal(fields.get('url'), 'https://example.org/reports/x.html?a=%7Bb%7D%20c%5Cd%22e');
  // Every other TeX special is escaped too: nothing in a field is read as a TeX command or comment.
  const specials = bibFields(bibtex(front({ title: '100% & #1 $x$ a_b ^~ \\end' }))).get('title');
  assert.equal(specials, '{100\\% \\& \\#1 \\$x\\$ a\\_b \\^{}\\~{} \\textbackslash{}end}');
});

test('CSL-JSON: hostile values read back exactly, as one item with the same fields', () => {
  const title = '"},{"id":"evil","title":"x</script><script>alert(1)</script>\\\u2028\u2029\u0000\u001f';
  const meta = front({ title, symbol: 'A/74/36"', body: '大会\\"', year: 2019 });
  const items = JSON.parse(cslJson(meta, 'https://example.org/r"x')) as Record<string, unknown>[];
  assert.equal(items.length, 1);
  assert.deepEqual(Object.keys(items[0]!), ['id', 'type', 'title', 'author', 'publisher', 'genre', 'number', 'issued', 'URL', 'language']);
  assert.equal(items[0]!.title, title);
  assert.equal(items[0]!.number, 'A/74/36"');
  assert.deepEqual(items[0]!.author, [{ literal: '联合国大会\\"' }]);
});
