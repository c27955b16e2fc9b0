/**
 * How many catalogue pages the filters make (src/lib/catalogue-pages.ts), without building the
 * site: the whole catalogue's pages, one value's, and two values combined, per pair of facets,
 * with the largest facet list a page carries. Either for a converted corpus
 * (`--content DIR`, e.g. the 1 000-report synthetic corpus converted with `npm run convert --
 * --seeds DIR --out DIR2`), or for `--model N` made-up reports drawn (deterministically) from
 * the distributions docs/scale.md states for the UN corpus, facets independent (which makes more
 * combinations than correlated facets would: an upper estimate).
 *
 *   npx node tests/scale/catalogue-combos.ts --content /tmp/syn/content
 *   npx node tests/scale/catalogue-combos.ts --model 10000
 */
import { fileURLToPath } from 'node:url';
import type { DocumentKind } from '../../scripts/model/schema.ts';
import { parseCli } from '../../scripts/util/cli.ts';
import { cataloguePages, type CatalogueItem, type CataloguePage } from '../../src/lib/catalogue-pages.ts';
import { PAGE_SIZES } from '../../src/lib/paging.ts';

/** Pages by what they filter (`whole`, `year`, `year×body` …) and the most facet values one page lists. */
export function countPages(pages: readonly CataloguePage<CatalogueItem>[]): { byFilter: Record<string, number>; total: number; maxValues: number } {
  const byFilter: Record<string, number> = {};
  let maxValues = 0;
  for (const p of pages) {
    const key = p.filters.map((f) => f.facet).join('×') || 'whole';
    byFilter[key] = (byFilter[key] ?? 0) + 1;
    maxValues = Math.max(
      maxValues,
      p.facets.reduce((n, f) => n + f.values.length, 0),
    );
  }
  return { byFilter, total: pages.length, maxValues };
}

/** A small deterministic generator (mulberry32), so that the model's counts are the same on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Pick from weighted choices. */
function pick<T>(rand: () => number, choices: readonly (readonly [T, number])[]): T {
  const total = choices.reduce((s, [, w]) => s + w, 0);
  let r = rand() * total;
  for (const [value, w] of choices) if ((r -= w) < 0) return value;
  return choices.at(-1)![0];
}

/**
 * `n` made-up reports: years 1997–2026 (twice as many documents a year at the end as at the
 * start), 15 bodies (人权理事会 half, 大会 a tenth, ten treaty bodies, three others), the kinds
 * in the proportions below, and each listed under three of 200 countries drawn by Zipf's law
 * (a report's principal countries: at most three).
 */
export function modelItems(n: number): CatalogueItem[] {
  const rand = random(1);
  const years = Array.from({ length: 30 }, (_, i) => [1997 + i, 1 + i / 29] as const);
  const treaty = ['CCPR', 'CESCR', 'CEDAW', 'CRC', 'CAT', 'CERD', 'CRPD', 'CMW', 'CED', 'SPT'];
  const bodies = [
    ['人权理事会', 50],
    ['大会', 10],
    ...treaty.map((b) => [b, 3] as const),
    ['秘书长', 5],
    ['经社理事会', 3],
    ['普遍定期审议工作组', 2],
  ] as const;
  const kinds: (readonly [DocumentKind, number])[] = [
    ['report', 50],
    ['concluding-observations', 15],
    ['resolution', 15],
    ['decision', 5],
    ['annual-report', 3],
    ['statement', 3],
    ['views', 5],
    ['other', 4],
  ];
  const countries = Array.from({ length: 200 }, (_, i) => [`C${String(i).padStart(3, '0')}`, 1 / (i + 1)] as const);
  return Array.from({ length: n }, (_, i) => {
    const named = new Set<string>();
    while (named.size < 3) named.add(pick(rand, countries));
    return { slug: `m-${i}`, title: `report ${i}`, year: pick(rand, years), body: pick(rand, bodies), kind: pick(rand, kinds), countries: [...named] };
  });
}

/** The catalogue items of the converted corpus in `dir` (as src/lib/catalogue-data.ts makes them). */
async function contentItems(dir: string): Promise<CatalogueItem[]> {
  process.env.CONTENT_DIR = dir;
  const { loadReport, reportSlugs } = await import('../../src/lib/data.ts');
  const { principalCountries } = await import('../../src/lib/countries.ts');
  return reportSlugs().map((slug) => {
    const r = loadReport(slug);
    return { ...r.meta, slug, countries: principalCountries(r) };
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const usage = 'npx node tests/scale/catalogue-combos.ts (--content DIR | --model N)';
  const { values } = parseCli(usage, { options: { content: { type: 'string' }, model: { type: 'string' } } });
  const items = values.content ? await contentItems(values.content) : modelItems(Number(values.model ?? 10000));
  const counted = countPages(cataloguePages(items, PAGE_SIZES.catalogue, (code) => code));
  console.log(JSON.stringify({ reports: items.length, pageSize: PAGE_SIZES.catalogue, ...counted }, null, 2));
}
