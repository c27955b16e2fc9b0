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

/** Thrown by {@link keyReplacer} to have {@link stableJson} find the value's path (the rare case). */
const REFUSED = Symbol('refused');

/**
 * The replacer that keeps a page key whole: a value with a key of its own ({@link withKey}) is
 * replaced by it, and a value JSON would silently turn into `{}` or drop throws.
 */
function keyReplacer(_key: string, value: unknown): unknown {
  if (typeof value === 'object' && value !== null) {
    const digest = digests.get(value);
    if (digest !== undefined) return { '#sha256': digest };
    if (Array.isArray(value)) return value;
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) throw REFUSED;
    return value;
  }
  if (typeof value === 'number' ? !Number.isFinite(value) : typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint')
    throw REFUSED;
  return value;
}

/**
 * The JSON of a page key's value. Throws on a value JSON would silently turn into `{}` or drop
 * (a Map, a Set, a class instance, a function), naming where it is: data the page shows must
 * never be left out of its key.
 *
 * Keys are written in the order the value was built, not sorted: the same code builds the same
 * data in the same order (a page's key is only compared with the key the same code made, since
 * Astro renders again any page whose code changed), so equal data gives equal text, and data
 * built in another order would only be rendered again, never taken for other data. Sorting
 * every object's keys was 38 % of the lists part's time at 10 000 reports (docs/scale.md).
 */
export function stableJson(value: unknown): string {
  try {
    return JSON.stringify(value, keyReplacer);
  } catch (error) {
    if (error !== REFUSED) throw error;
    refuse(value, '$');
    throw new Error('a value cannot be part of a page key');
  }
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

/** Walks `value` to the first part a page key cannot hold, and throws naming its path. */
function refuse(value: unknown, path: string): void {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`${path}: ${value} has no JSON form`);
    return;
  }
  if (Array.isArray(value)) return value.forEach((v, i) => v !== undefined && refuse(v, `${path}[${i}]`));
  if (typeof value === 'object') {
    if (digests.has(value)) return;
    // As JSON.stringify does: a Date is its text.
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') return refuse(toJSON.call(value), path);
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null)
      throw new Error(`${path}: a ${proto?.constructor?.name ?? 'non-plain object'} cannot be part of a page key; use plain objects and arrays`);
    for (const [key, v] of Object.entries(value)) if (v !== undefined) refuse(v, `${path}.${key}`);
    return;
  }
  throw new Error(`${path}: a ${typeof value} cannot be part of a page key`);
}

/** The SHA-256 of the page-key JSON of `value` ({@link stableJson}). */
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
