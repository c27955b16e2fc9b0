/**
 * Layers import downward only (docs/architecture.md, "Layers"). Every .ts, .mts, .mjs, .js and
 * .astro file under scripts/ and src/ (and astro.config.mjs) is read as text, each relative
 * import (`import`, `import type`, `export … from`, `import()`) is resolved to a file, both ends
 * are mapped to a layer by folder, and an import its layer does not allow fails the test, naming
 * the file, the line and the import.
 *
 *   model, util    scripts/model/ (+ scripts/data/), scripts/util/: import nothing of ours
 *   converter      scripts/converter/   → model, util
 *   search         scripts/search/      → model, util   (search indexing)
 *   site           src/ (but search-client/), astro.config.mjs → model, util
 *   browser        src/search-client/   → model         (bundled into the built site)
 *   zip            scripts/zip/ → search, model, util
 *   build          scripts/tasks/       → converter, search, zip, model, util
 *   commands       scripts/commands/, scripts/bench/ → all of the above but the site
 *
 * `LAYERS_SHOW=1 npx node --test tests/architecture/layers.test.ts` prints the import graph between
 * folders (one line per arrow, with how many imports it stands for); `LAYERS_ROOT=dir` reads
 * another checkout (an older commit, say) instead of this one.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import { root as repoRoot } from '../helpers.ts';

const root = resolve(process.env['LAYERS_ROOT'] ?? repoRoot);

type Layer = 'model' | 'util' | 'converter' | 'search' | 'site' | 'browser' | 'zip' | 'build' | 'commands';

/** What each layer may import, itself included. */
const ALLOWED: Record<Layer, readonly Layer[]> = {
  model: ['model'],
  util: ['util'],
  converter: ['converter', 'model', 'util'],
  search: ['search', 'model', 'util'],
  site: ['site', 'model', 'util'],
  browser: ['browser', 'model'],
  zip: ['zip', 'search', 'model', 'util'],
  build: ['build', 'converter', 'search', 'zip', 'model', 'util'],
  commands: ['commands', 'build', 'converter', 'search', 'zip', 'model', 'util'],
};

/** The layer of a file (path relative to the root, `/`-separated), or undefined outside the layered code. */
export function layerOf(path: string): Layer | undefined {
  if (path.startsWith('scripts/model/') || path.startsWith('scripts/data/')) return 'model';
  if (path.startsWith('scripts/util/')) return 'util';
  if (path.startsWith('scripts/converter/')) return 'converter';
  if (path.startsWith('scripts/search/')) return 'search';
  if (path.startsWith('scripts/tasks/')) return 'build';
  if (path.startsWith('scripts/zip/')) return 'zip';
  if (path.startsWith('scripts/')) return 'commands';
  if (path.startsWith('src/search-client/')) return 'browser';
  if (path.startsWith('src/') || path === 'astro.config.mjs') return 'site';
  return undefined;
}

const SOURCE = /\.(?:ts|mts|mjs|js|astro)$/;
/** Static imports and re-exports (type-only ones included: a type is knowledge too) and `import('…')`. */
const IMPORT = /\b(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]*?\bfrom\s*)?['"]([^'"\n]+)['"]|\bimport\(\s*['"]([^'"\n]+)['"]\s*\)/g;

function sources(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return SOURCE.test(name) ? [path] : [];
  });
}

/** One relative import: who, on which line, what it names, and the file it resolves to. */
export interface Import {
  from: string;
  line: number;
  specifier: string;
  to: string;
}

/** Every relative import of the layered code, paths relative to the root. */
export function imports(): Import[] {
  const files = [...sources(join(root, 'scripts')), ...sources(join(root, 'src')), join(root, 'astro.config.mjs')].filter(existsSync);
  const out: Import[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(IMPORT)) {
      const specifier = m[1] ?? m[2]!;
      if (!specifier.startsWith('.')) continue;
      const line = text.slice(0, m.index).split('\n').length;
      out.push({ from: rel(file), line, specifier, to: rel(resolve(dirname(file), specifier)) });
    }
  }
  return out;
}

const rel = (path: string): string => relative(root, path).split('\\').join('/');

/** The folder a file is drawn in: `scripts/converter/constructs/x.ts` → `scripts/converter`, `scripts/commands/build.ts` → `scripts/commands`. */
export function folderOf(path: string): string {
  const parts = path.split('/');
  if (parts.length === 1) return path;
  if (parts.length === 2) return `${parts[0]}/*.${path.split('.').pop()}`;
  return `${parts[0]}/${parts[1]}`;
}

/** The imports a layer does not allow, as `file:line imports 'specifier' (layer → layer)`. */
export function upwardImports(all: readonly Import[]): string[] {
  const bad: string[] = [];
  for (const i of all) {
    const from = layerOf(i.from);
    const to = layerOf(i.to);
    if (!from) continue;
    if (!to) bad.push(`${i.from}:${i.line} imports '${i.specifier}', outside the layered code`);
    else if (!ALLOWED[from].includes(to))
      bad.push(`${i.from}:${i.line} imports '${i.specifier}' (${from} → ${to}: ${from} may import ${ALLOWED[from].join(', ')})`);
  }
  return bad;
}

/** The import graph between folders, one `a → b  (n)` line per arrow, n imports behind it. */
export function folderGraph(all: readonly Import[]): string[] {
  const edges = new Map<string, number>();
  for (const i of all) {
    const edge = `${folderOf(i.from)} → ${folderOf(i.to)}`;
    if (folderOf(i.from) !== folderOf(i.to)) edges.set(edge, (edges.get(edge) ?? 0) + 1);
  }
  return [...edges].sort(([a], [b]) => a.localeCompare(b)).map(([edge, n]) => `${edge}  (${n})`);
}

test('every import of scripts/ and src/ runs down the layers', () => {
  const all = imports();
  if (process.env['LAYERS_SHOW']) console.log(folderGraph(all).join('\n'));
  assert.ok(all.length > 200, `only ${all.length} imports read: the scan is broken`);
  assert.deepEqual(upwardImports(all), []);
});

test('the layer check names an upward import', () => {
  const fake: Import[] = [
    { from: 'scripts/search/records.ts', line: 12, specifier: '../../src/lib/figures.ts', to: 'src/lib/figures.ts' },
    { from: 'src/search-client/search.ts', line: 11, specifier: '../../scripts/search/chunks.ts', to: 'scripts/search/chunks.ts' },
    { from: 'scripts/model/schema.ts', line: 3, specifier: '../converter/x.ts', to: 'scripts/converter/x.ts' },
    { from: 'src/lib/data.ts', line: 4, specifier: '../../scripts/model/schema.ts', to: 'scripts/model/schema.ts' },
  ];
  assert.deepEqual(upwardImports(fake), [
    "scripts/search/records.ts:12 imports '../../src/lib/figures.ts' (search → site: search may import search, model, util)",
    "src/search-client/search.ts:11 imports '../../scripts/search/chunks.ts' (browser → search: browser may import browser, model)",
    "scripts/model/schema.ts:3 imports '../converter/x.ts' (model → converter: model may import model)",
  ]);
});
