/**
 * No pattern that reads citations out of user text repeats a group that itself repeats (`(a+)+`,
 * `(?:\s*x\s*){0,30}`): nested repetition is what lets a regular expression backtrack
 * exponentially. Every regular expression literal and `new RegExp(…)` in the audited files is
 * found with the TypeScript parser and its star height measured.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import ts from 'typescript';
import { root } from '../helpers.ts';

const AUDITED = ['scripts/converter/inline.ts', 'scripts/converter/paras.ts', 'scripts/model/docgroups.ts'];

/**
 * The star height of a pattern: how deeply repetitions (`*`, `+`, `{n,m}` with m > 1) nest.
 * `a+` is 1, `(?:ab*)+` is 2. `?` does not repeat, so `(?:\s*x)?` stays 1.
 */
export function starHeight(pattern: string): number {
  const stack: number[] = [0];
  let last = 0;
  for (let i = 0; i < pattern.length; i += 1) {
    const c = pattern[i];
    if (c === '\\') {
      i += 1;
      last = 0;
    } else if (c === '[') {
      for (i += 1; i < pattern.length && pattern[i] !== ']'; i += 1) if (pattern[i] === '\\') i += 1;
      last = 0;
    } else if (c === '(') {
      stack.push(0);
      continue;
    } else if (c === ')') {
      last = stack.pop()!;
    } else if (c === '*' || c === '+' || c === '?' || c === '{') {
      let repeats = c !== '?';
      if (c === '{') {
        const m = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i));
        if (!m) {
          last = 0;
        } else {
          i += m[0].length - 1;
          repeats = m[2] === undefined ? Number(m[1]) > 1 : m[3] === '' || Number(m[3]) > 1;
        }
      }
      if (pattern[i + 1] === '?') i += 1;
      const h = last + (repeats ? 1 : 0);
      stack[stack.length - 1] = Math.max(stack.at(-1)!, h);
      last = h;
      continue;
    } else {
      last = 0;
    }
    stack[stack.length - 1] = Math.max(stack.at(-1)!, last);
  }
  return stack[0]!;
}

/**
 * Every pattern in a source file: regex literals, and `new RegExp` arguments, where a `${NAME}`
 * naming a string constant of the file is replaced by that constant (so a pattern assembled
 * from pieces is audited whole) and any other `${…}` by `x`.
 */
function patternsIn(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(`${root}${file}`, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const constants = new Map<string, ts.Expression>();
  const collect = (node: ts.Node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) constants.set(node.name.text, node.initializer);
    ts.forEachChild(node, collect);
  };
  collect(source);
  const templateText = (node: ts.Node, raw = false): string | undefined => {
    const piece = (n: ts.TemplateLiteralLikeNode) => (raw ? (n.rawText ?? n.text) : n.text);
    if (ts.isStringLiteral(node)) return node.text;
    if (ts.isNoSubstitutionTemplateLiteral(node)) return piece(node);
    if (ts.isTaggedTemplateExpression(node)) return templateText(node.template, node.tag.getText(source) === 'String.raw');
    if (ts.isTemplateExpression(node)) {
      const sub = (e: ts.Expression) => {
        const named = ts.isIdentifier(e) ? constants.get(e.text) : undefined;
        return (named && templateText(named)) ?? 'x';
      };
      return piece(node.head) + node.templateSpans.map((s) => sub(s.expression) + piece(s.literal)).join('');
    }
    return undefined;
  };
  const visit = (node: ts.Node) => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const text = node.getText(source);
      out.push(text.slice(1, text.lastIndexOf('/')));
    } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
      const arg = node.arguments?.[0];
      const text = arg && templateText(arg);
      assert.ok(text !== undefined, `${file}: a new RegExp whose pattern cannot be audited: ${arg?.getText(source)}`);
      out.push(text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

describe('regular expressions over user text', () => {
  test('the star height measure: nested repetition is 2, one level is 1', () => {
    assert.equal(starHeight(String.raw`\d{1,4}\/\d{1,4}`), 1);
    assert.equal(starHeight(String.raw`(?:\s*\([a-z]\))?`), 1);
    assert.equal(starHeight('(a+)+'), 2);
    assert.equal(starHeight(String.raw`(?:[(*+]x)+`), 1);
    assert.equal(starHeight('(?:ab{2})*'), 2);
    assert.equal(starHeight('(?:ab{1})*'), 1);
    // The resolution pattern this project used to have: exponential on an unclosed list.
    const old = String.raw`第\s*(?:\d{1,4}\/\d{1,4})\s*号?(?:\s*(?:和|、|及)\s*(?:第\s*)?(?:\d{1,4}\/\d{1,4})\s*号?){0,30}\s*决议`;
    assert.equal(starHeight(old), 2);
  });

  for (const file of AUDITED) {
    test(`${file}: no pattern nests repetition`, () => {
      const patterns = patternsIn(file);
      assert.ok(patterns.length > 3, `${file}: found only ${patterns.length} patterns`);
      const nested = patterns.filter((p) => starHeight(p) > 1);
      assert.deepEqual(nested, []);
    });
  }
});
