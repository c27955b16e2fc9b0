/**
 * Cache keys of pages, for Astro's incremental build (`experimental.incrementalBuild` in
 * astro.config.mjs): a page whose key and code are unchanged since the last build is copied from
 * that build instead of rendered again. Astro tracks the code (the page's module graph) and the
 * MDX entry it renders; the key covers the *data*: it is the hash of the one value the page
 * renders from — a report page's data object (src/lib/page-data.ts), a document, country,
 * catalogue or figures page's props, a data file's frontmatter or figures. Nothing is listed by
 * hand, so nothing can be forgotten.
 */
import { createHash } from 'node:crypto';

/**
 * JSON with object keys sorted at every depth, so equal data gives equal text whatever order
 * it was built in. Throws on a value JSON would silently turn into `{}` or drop (a Map, a Set,
 * a class instance, a function): data the page shows must never be left out of its key.
 */
export function stableJson(value: unknown): string {
  return JSON.stringify(sorted(value, '$'));
}

/** Values whose key was fixed when they were read (see {@link withKey}). */
const digests = new WeakMap<object, string>();

/**
 * Gives `value` the key `digest`: pages that show it hash the digest, not the value's JSON. For
 * a large value read from a file and never changed after — a report model, keyed by the hash of
 * its file's text when it is read (src/lib/data.ts) — so a build hashes each model once instead
 * of writing its sorted JSON for every page that shows it. The same text gives the same model,
 * so the key still changes whenever the value does.
 */
export function withKey<T extends object>(value: T, digest: string): T {
  digests.set(value, digest);
  return value;
}

function sorted(value: unknown, path: string): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`${path}: ${value} has no JSON form`);
    return value;
  }
  if (Array.isArray(value)) return value.map((v, i) => (v === undefined ? null : sorted(v, `${path}[${i}]`)));
  if (typeof value === 'object') {
    const digest = digests.get(value);
    if (digest !== undefined) return { '#sha256': digest };
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null)
      throw new Error(`${path}: a ${proto?.constructor?.name ?? 'non-plain object'} cannot be part of a page key; use plain objects and arrays`);
    const out: Record<string, unknown> = Object.create(null);
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sorted(v, `${path}.${key}`);
    }
    return out;
  }
  throw new Error(`${path}: a ${typeof value} cannot be part of a page key`);
}

/** The SHA-256 of the stable JSON of `value`. */
export function keyOf(value: unknown): string {
  return createHash('sha256').update(stableJson(value)).digest('hex');
}

/**
 * A getStaticPaths entry's `cacheKey`: the key of what `data()` returns. Not in the dev server,
 * which renders every request anyway (and would compute every page's data for nothing).
 */
export function cacheKeyOf(data: () => unknown): { cacheKey?: string } {
  return process.env.NODE_ENV === 'development' ? {} : { cacheKey: keyOf(data()) };
}
