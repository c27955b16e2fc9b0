/**
 * The regular expressions of the converter (`scripts/converter/**`), found with the TypeScript parser
 * (every regex literal, and every `new RegExp(...)` with its source when that is a plain string
 * or template), checked for super-linear backtracking by recheck (its pure-JS backend: no
 * Java or native binary needed). Used by tests/converter/regex-audit.test.ts; `node
 * scripts/bench/regex-audit.ts` prints the report.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { buildCache, cacheKey } from '../util/cache.ts';

process.env.RECHECK_SYNC_BACKEND ??= 'pure';
const { checkSync } = await import('recheck');

export interface FoundRegex {
  file: string;
  line: number;
  source: string;
  flags: string;
}

export interface Verdict extends FoundRegex {
  status: 'safe' | 'vulnerable' | 'unknown';
  complexity: string;
  attack?: string;
}

const root = fileURLToPath(new URL('../../', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : name.endsWith('.ts') ? [path] : [];
    });
}

/** Every regex in the converter's source; `new RegExp` with a computed source is listed with the text of its argument. */
export function findRegexes(dir = join(root, 'scripts', 'converter')): FoundRegex[] {
  const out: FoundRegex[] = [];
  for (const path of files(dir)) {
    const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
    const file = relative(root, path).replace(/\\/g, '/');
    const line = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
    const visit = (node: ts.Node) => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText();
        const end = text.lastIndexOf('/');
        out.push({ file, line: line(node), source: text.slice(1, end), flags: text.slice(end + 1) });
      } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp' && node.arguments?.[0]) {
        const arg = node.arguments[0];
        const flags = node.arguments[1] && ts.isStringLiteral(node.arguments[1]) ? node.arguments[1].text : '';
        out.push({ file, line: line(node), source: dynamicSource(arg, source), flags });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return out;
}

/**
 * A `new RegExp` source: string literals as they are; a template with `${…}` gets each
 * substitution replaced by a stand-in that can repeat (`[\u4e00-\u9fff]+` for a character list,
 * `\d+` for a number), so that the checker sees the shape the pattern has at run time.
 */
function dynamicSource(arg: ts.Expression, source: ts.SourceFile): string {
  if (ts.isStringLiteralLike(arg)) return arg.text;
  if (ts.isTemplateExpression(arg)) {
    let text = arg.head.text;
    for (const span of arg.templateSpans) {
      const name = span.expression.getText(source);
      text += (/^[A-Z_]+$/.test(name) ? 'x' : /\bn\b|number/i.test(name) ? '\\d+' : 'x') + span.literal.text;
    }
    return text.replace(/\\\\/g, '\\');
  }
  return arg.getText(source);
}

/**
 * recheck's budget per pattern, in milliseconds of the clock. recheck stops at it with `unknown`, so
 * a short budget makes the verdict depend on how busy the machine is (a pattern decided in 0.8 s
 * alone is undecided under load); this one is ten times what a quiet machine needs for all but the
 * patterns recheck never decides, and `auditAll` keeps each verdict, so it is paid once per pattern.
 */
export const BUDGET_MS = 10_000;

/** recheck's version: part of every cached verdict's key, so that upgrading it checks every pattern again. */
const recheckVersion = (createRequire(import.meta.url)('recheck/package.json') as { version: string }).version;

/** recheck's verdict on one regex, within `timeout` ms. */
export function audit(found: FoundRegex, timeout = BUDGET_MS): Verdict {
  const result = checkSync(found.source, found.flags.replace(/[gy]/g, ''), { timeout, randomSeed: 0 });
  const complexity =
    result.status === 'unknown'
      ? 'unknown'
      : result.complexity.type === 'polynomial'
        ? `polynomial (degree ${result.complexity.degree})`
        : result.complexity.type;
  return {
    ...found,
    status: result.status,
    complexity,
    ...(result.status === 'vulnerable' ? { attack: result.attack.pattern } : {}),
  };
}

/** What a verdict adds to the pattern it is about: what the cache keeps. */
type Decided = Omit<Verdict, keyof FoundRegex>;

/**
 * The verdicts of `found`, in order, each computed once per pattern and kept in the sealed build
 * cache at `dir` (scripts/util/cache.ts), keyed by everything that decides it: the source, the
 * flags recheck is given, recheck's version and the budget. A verdict is the same whichever file
 * holds the pattern, and a damaged entry is checked again, never used. Without `dir` nothing is
 * kept. `stats`: how many verdicts came from the cache, how many from recheck.
 */
export async function auditAll(
  found: readonly FoundRegex[],
  dir?: string,
  timeout = BUDGET_MS,
): Promise<{ verdicts: Verdict[]; stats: { hits: number; misses: number } }> {
  const cache = buildCache(dir);
  const stats = { hits: 0, misses: 0 };
  const verdicts: Verdict[] = [];
  try {
    for (const f of found) {
      const key = cacheKey('regex-audit', recheckVersion, String(timeout), f.source, f.flags.replace(/[gy]/g, ''));
      const kept = cache.read(key);
      let decided: Decided;
      if (kept) {
        stats.hits++;
        decided = JSON.parse(kept.toString('utf8')) as Decided;
      } else {
        stats.misses++;
        const { status, complexity, attack } = audit(f, timeout);
        decided = { status, complexity, ...(attack === undefined ? {} : { attack }) };
        await cache.store(key, (path) => writeFileSync(path, JSON.stringify(decided)));
      }
      verdicts.push({ ...f, ...decided });
    }
    await cache.prune();
  } finally {
    cache.release();
  }
  return { verdicts, stats };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const found of findRegexes()) {
    const v = audit(found);
    if (v.status !== 'safe') console.log(`${v.file}:${v.line} ${v.status} ${v.complexity} /${v.source}/${v.flags}${v.attack ? ` attack ${v.attack}` : ''}`);
  }
}
