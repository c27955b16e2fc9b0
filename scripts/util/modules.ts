/**
 * The code a cache key covers, found from the module graph instead of a hand-kept list: a key
 * made from `codeKey([entry])` changes whenever any module the entry imports (statically,
 * transitively, `import type` aside), any data file it imports (`countries.json`), or the
 * version of any package it imports changes — and not when an unrelated file beside it does.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { cacheKey } from './cache.ts';

/** `import … from 'x'`, `export … from 'x'`, `import 'x'` and `import('x')`; group 1 is `type ` for type-only ones. */
const IMPORT = /\b(?:import|export)\s+(type\s+)?(?:[\w*{}\s,$]*?\bfrom\s*)?['"]([^'"\n]+)['"]|\bimport\(\s*['"]([^'"\n]+)['"]\s*\)/g;
const CODE = /\.(?:ts|mts|js|mjs)$/;

/** The specifiers a module imports at run time, in source order. */
export function importsOf(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(IMPORT)) {
    if (m[1]) continue;
    out.push((m[2] ?? m[3])!);
  }
  return out;
}

/** A bare specifier's package name (`@scope/name/sub` → `@scope/name`), or undefined for `node:` built-ins. */
function packageName(spec: string): string | undefined {
  if (spec.startsWith('node:')) return undefined;
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** The `package.json` of a package as Node would find it from `fromDir`, or undefined (a built-in). */
function packageJson(name: string, fromDir: string): string | undefined {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const path = join(dir, 'node_modules', name, 'package.json');
    if (existsSync(path)) return path;
    if (dirname(dir) === dir) return undefined;
  }
}

export interface ModuleGraph {
  /** The project's own files the entries load: modules and imported data files, sorted. */
  files: string[];
  /** `name@version` of each package they import, sorted. */
  packages: string[];
}

/** Every local module and data file reachable from `entries` by run-time imports, and the packages they use. */
export function moduleGraph(entries: readonly string[]): ModuleGraph {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    if (!CODE.test(file)) return;
    for (const spec of importsOf(readFileSync(file, 'utf8'))) {
      if (spec.startsWith('.')) {
        const target = resolve(dirname(file), spec);
        if (!existsSync(target)) throw new Error(`${file}: imports ${spec}, which does not exist`);
        visit(target);
        continue;
      }
      const name = packageName(spec);
      const manifest = name ? packageJson(name, dirname(file)) : undefined;
      if (manifest) packages.add(`${name}@${(JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string }).version ?? '?'}`);
    }
  };
  for (const entry of entries) visit(resolve(entry));
  return { files: [...files].sort(), packages: [...packages].sort() };
}

/**
 * The SHA-256 of what `entries` run: each file's path (relative to the first entry's folder, so
 * the key is the same in any checkout) and bytes, and the package versions.
 */
export function codeKey(entries: readonly string[]): string {
  const { files, packages } = moduleGraph(entries);
  const base = dirname(resolve(entries[0]!));
  return cacheKey(...files.flatMap((file) => [relative(base, file), readFileSync(file)]), ...packages);
}
