/**
 * Synthetic corpora for benchmarks: n reports made from the real seeds, each a copy of one seed
 * with its own manifest slug and perturbed text, so that no two outputs collide and no two
 * inputs are byte-identical (the converter's cache keys on content hashes).
 *
 * Perturbations keep every line's length, so the converter's length heuristics (headings,
 * prose, wrapped lines) see the same structure as in the seed: a synthetic copy converts to
 * the same counts of paragraphs, notes, headings and figures as the seed it was made from.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decode } from '../converter/decode.ts';
import { parseManifest, type Manifest, type ManifestEntry } from '../model/manifest.ts';
import { SYMBOL_LINE } from '../converter/clean.ts';

/** A seed as the generator needs it: its file name, decoded text and manifest entry. */
export interface SeedText {
  file: string;
  text: string;
  manifest?: ManifestEntry;
}

/** A seed folder in memory: `.txt` files (UTF-8) and the `manifest.json` that goes with them. */
export interface Corpus {
  files: { file: string; text: string }[];
  manifest: Manifest;
}

/** Counts followed by a unit; not fractions, thousands groups or numbers with a leading zero. */
const COUNT = /(?<![\d.,])(?:[1-9]\d*|0)(?=\s?(?:个|万|亿|名|次|份|项|%|美元|国))/g;

/** Countries swapped within groups of equal length; none is part of another country's name. */
const COUNTRY_GROUPS = [
  ['突尼斯', '乌克兰', '墨西哥', '乌干达', '阿富汗'],
  ['危地马拉', '哥伦比亚', '洪都拉斯', '塞内加尔'],
];

/**
 * `n` synthetic reports, taking the seeds in turn. Copy k (1-based) of seed `001_x.txt` is
 * `00k_001_x.txt` with manifest slug `synthetic-000k`; its running-header symbol becomes an
 * addendum (`A/74/36` → `A/74/36/Add.k`), its counts ("77 个") are shifted by the digits of k,
 * and its country names are rotated by k.
 */
export function makeCorpus(seeds: readonly SeedText[], n: number): Corpus {
  if (!seeds.length) throw new Error('makeCorpus: no seeds');
  const width = String(n).length;
  const files: Corpus['files'] = [];
  const manifest: Manifest = {};
  for (let k = 1; k <= n; k++) {
    const seed = seeds[(k - 1) % seeds.length]!;
    const id = String(k).padStart(Math.max(4, width), '0');
    const file = `${id}_${seed.file}`;
    files.push({ file, text: perturb(seed.text, k) });
    manifest[file] = { ...seed.manifest, slug: `synthetic-${id}` };
  }
  return { files, manifest };
}

function perturb(text: string, k: number): string {
  const countries = COUNTRY_GROUPS.flat();
  const rotate = new Map(COUNTRY_GROUPS.flatMap((group) => group.map((name, i) => [name, group[(i + k) % group.length]!] as const)));
  const countryPattern = new RegExp(countries.join('|'), 'g');
  let occurrence = 0;
  return text
    .split('\n')
    .map((line) => (SYMBOL_LINE.test(line.trim()) ? line.replace(line.trim(), `${line.trim()}/Add.${k}`) : line))
    .join('\n')
    .replace(COUNT, (digits) => shift(digits, digitOf(k, occurrence++)))
    .replace(countryPattern, (name) => rotate.get(name)!);
}

/**
 * The j-th count is shifted by the j-th decimal digit of k (cycling), so that copies with
 * different k differ in their first counts; shifts keep the number of digits.
 */
function digitOf(k: number, j: number): number {
  const digits = String(k).split('').reverse();
  return Number(digits[j % digits.length]) + (j >= digits.length ? k : 0);
}

function shift(digits: string, by: number): string {
  const low = digits.length === 1 ? 0 : 10 ** (digits.length - 1);
  const span = 10 ** digits.length - low;
  return String(low + ((Number(digits) - low + by) % span));
}

/** Read a seed folder (its `.txt` files and optional `manifest.json`) for `makeCorpus`. */
export function readSeeds(dir: string): SeedText[] {
  const manifestPath = join(dir, 'manifest.json');
  const manifest = existsSync(manifestPath) ? parseManifest(readFileSync(manifestPath, 'utf8'), manifestPath) : {};
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => ({ file, text: decode(readFileSync(join(dir, file)), file).text, ...(manifest[file] ? { manifest: manifest[file] } : {}) }));
}

/** Write a corpus as a seed folder that `convertAll` can read. */
export function writeCorpus(corpus: Corpus, dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const { file, text } of corpus.files) writeFileSync(join(dir, file), text);
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(corpus.manifest, null, 2)}\n`);
}
