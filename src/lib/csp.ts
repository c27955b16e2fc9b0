/**
 * The site's Content-Security-Policy, as Astro's `security.csp` options.
 *
 * Astro hashes the styles it inlines and writes the policy into each page as
 * `<meta http-equiv="content-security-policy">`. It does not hash `<script is:inline>`, so
 * `inlineScriptHashes` reads those scripts from our own `.astro` sources at build time and
 * allows exactly them: a script that is not in `src/` (say, one smuggled in through seed text)
 * matches no hash and never runs. Scripts from files (`'self'`) are our own build's: Pagefind's
 * bundle and the offline index (its manifest and shards, added as <script src>). `'wasm-unsafe-eval'` lets Pagefind compile its WebAssembly;
 * nothing allows `eval`, inline event handlers or `javascript:` URLs.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Directives besides script-src and style-src (which Astro writes itself). */
export const CSP_DIRECTIVES = ["default-src 'self'", "img-src 'self' data:", "object-src 'none'", "base-uri 'none'", "form-action 'self'"] as const;

/** Where scripts may come from besides the hashed inline ones. */
export const SCRIPT_RESOURCES = ["'self'", "'wasm-unsafe-eval'"] as const;

/** `<script …>…</script>` in an .astro file; attributes in group 1, the code in group 2. */
const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/g;

/** The CSP source expression (`sha256-…`) for one script's exact text. */
export function scriptHash(code: string): `sha256-${string}` {
  return `sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}`;
}

/**
 * Hashes of every `<script is:inline>` in the `.astro` files under `dir`, sorted. Astro prints
 * such a script's text unchanged, so the hash of the source is the hash of the page's script.
 * Throws for `define:vars` (its text depends on data and cannot be hashed in advance).
 */
export function inlineScriptHashes(dir: string): `sha256-${string}`[] {
  const hashes = new Set<`sha256-${string}`>();
  for (const file of astroFiles(dir)) {
    for (const [, attrs, code] of readFileSync(file, 'utf8').matchAll(SCRIPT)) {
      if (!/\bis:inline\b/.test(attrs!)) continue;
      if (/\bdefine:vars\b/.test(attrs!))
        throw new Error(`${file}: <script define:vars> cannot be hashed for the CSP; read data from data-* attributes instead`);
      if (/\btype=["']?(?!module|text\/javascript)/.test(attrs!)) continue;
      hashes.add(scriptHash(code!));
    }
  }
  return [...hashes].sort();
}

function astroFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.astro'))
    .sort()
    .map((name) => join(dir, name));
}
