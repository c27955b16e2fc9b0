/**
 * No function in the converter (`scripts/converter/**`) is longer than 80 lines (issue 20): a
 * state machine that classifies several constructs in one loop is split into one module per
 * construct of docs/un-document-anatomy.md, each a short entry point with its state passed in and
 * out. Lengths are measured with the TypeScript compiler API, from a function's first line (its
 * signature) to its last (the closing brace), nested functions counting towards the outer one.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';

const ROOT = join(import.meta.dirname, '../..');
const CONVERTER = join(ROOT, 'scripts/converter');
const MAX_LINES = 80;

/** Every `.ts` file under `dir`, recursively. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** The name a reader would search for: the declaration's own, or the variable or property it is assigned to. */
function nameOf(node: ts.Node): string {
  const named = (node as { name?: ts.Node }).name;
  if (named && ts.isIdentifier(named)) return named.text;
  const parent = node.parent;
  if (parent && (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) && ts.isIdentifier(parent.name)) return parent.name.text;
  return '(anonymous)';
}

/** Each function of a source text with its length in lines. */
function functionLengths(file: string, text: string): { name: string; line: number; lines: number }[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: { name: string; line: number; lines: number }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      found.push({ name: nameOf(node), line: first + 1, lines: last - first + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

test('the measure counts a function from its signature to its closing brace, inner functions inside the outer', () => {
  const text = [
    'export function outer(a: number) {',
    '  const inner = (b: number) => {',
    '    return b;',
    '  };',
    '  return inner(a);',
    '}',
    'const f = function () {};',
  ].join('\n');
  assert.deepEqual(functionLengths('x.ts', text), [
    { name: 'outer', line: 1, lines: 6 },
    { name: 'inner', line: 2, lines: 3 },
    { name: 'f', line: 7, lines: 1 },
  ]);
});

test(`no function in the converter is longer than ${MAX_LINES} lines`, () => {
  const long = sources(CONVERTER).flatMap((file) =>
    functionLengths(file, readFileSync(file, 'utf8'))
      .filter((f) => f.lines > MAX_LINES)
      .map((f) => `${relative(ROOT, file)}:${f.line} ${f.name} (${f.lines} lines)`),
  );
  assert.deepEqual(long, [], `split these into named steps or construct modules:\n${long.join('\n')}`);
});

test(`no function in the search client is longer than ${MAX_LINES} lines`, () => {
  const long = sources(join(ROOT, 'src/search-client')).flatMap((file) =>
    functionLengths(file, readFileSync(file, 'utf8'))
      .filter((f) => f.lines > MAX_LINES)
      .map((f) => `${relative(ROOT, file)}:${f.line} ${f.name} (${f.lines} lines)`),
  );
  assert.deepEqual(long, [], `split these into named steps or modules:\n${long.join('\n')}`);
});
