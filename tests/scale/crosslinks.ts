/**
 * What the corpus-wide cross-link computations (src/lib/crosslinks.ts) cost as the corpus grows:
 * CPU seconds and heap growth of `topicIndex`, `sameTopicSections`, `relatedReports` (`relatedLinks`: the lists and the
 * keys too common to count, with the
 * default key functions) and `citedBy` on the first N models of a converted corpus, for each N.
 * Not a test (no timed tests): numbers for docs/scale.md ("Cross-links at scale").
 *
 *   npx node tests/scale/crosslinks.ts --write-seeds /tmp/rel/seeds --sizes 4000   (scripts/bench/synthetic.ts, from seeds/)
 *   npx node scripts/commands/convert.ts --seeds /tmp/rel/seeds --out /tmp/rel/content --quiet
 *   npx node --expose-gc tests/scale/crosslinks.ts --content /tmp/rel/content --sizes 500,1000,2000,4000
 *
 * Each size runs in the same process one after the other, models read once (the largest size),
 * with a garbage collection before each step so heap growth is the step's retained result.
 * `--json` prints the rows as JSON; `--dump FILE` writes the related and same-topic lists of
 * the largest size (to compare two versions of the code).
 *
 * In the synthetic corpus every key (cited document, heading phrase, country) is held by a
 * quarter of the reports, more than COMMON_KEY_REPORTS (src/lib/common-keys.ts) from 404 reports
 * on, so nothing relates and the lists are empty. `--groups G` measures the rule's worst case
 * instead: each report's headings and cited symbols get the number of its group of G consecutive
 * reports (`普遍定期审议` → `普遍定期审议组3`), so that a key is held by G / 4 reports (G = 400: 100,
 * the most that still counts) and every report has full lists. `--common K` sets the cut-off
 * (`--common 100000`: none, to time the computations without the rule).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { modelSlugs, modelFile, readModelFile } from '../../scripts/model/load.ts';
import { makeCorpus, readSeeds, writeCorpus } from '../../scripts/bench/synthetic.ts';
import type { Report } from '../../scripts/model/schema.ts';
import { parseCli } from '../../scripts/util/cli.ts';
import { defaultKeyFns } from '../../src/lib/crosslinks.ts';
import { citedBy, MAX_RELATED, relatedLinks } from '../../src/lib/related.ts';
import { COMMON_KEY_REPORTS } from '../../src/lib/common-keys.ts';
import { sameTopicSections, topicIndex } from '../../src/lib/topics.ts';

/** `report` with its headings and cited symbols marked as group `g`'s (see `--groups`). */
export function grouped(report: Report, g: number): Report {
  const mark = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(mark);
    if (value === null || typeof value !== 'object') return value;
    const object = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mark(v)])) as Record<string, unknown>;
    if (object['type'] === 'doc') object['symbol'] = `${String(object['symbol'])}/G${g}`;
    if (object['type'] === 'heading') object['content'] = [...(object['content'] as unknown[]), { type: 'text', value: `组${g}` }];
    return object;
  };
  return mark(report) as Report;
}

/** One step's cost: CPU seconds of this thread and the heap it left behind (MB, after GC). */
export interface StepCost {
  cpu: number;
  heapMB: number;
}

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

function measure<T>(fn: () => T): { value: T; cost: StepCost } {
  gc();
  const heap0 = process.memoryUsage().heapUsed;
  const t0 = process.threadCpuUsage();
  const value = fn();
  const used = process.threadCpuUsage(t0);
  gc();
  return { value, cost: { cpu: (used.user + used.system) / 1e6, heapMB: (process.memoryUsage().heapUsed - heap0) / 2 ** 20 } };
}

/** The cost of each cross-link step on `reports`, and their results. */
export function crossLinkCosts(reports: readonly Report[], common = COMMON_KEY_REPORTS) {
  const topics = measure(() => topicIndex(reports, common));
  const sameTopic = measure(() => sameTopicSections(topics.value));
  const related = measure(() => relatedLinks(reports, defaultKeyFns(reports, topics.value), MAX_RELATED, common));
  const cited = measure(() => citedBy(reports));
  return {
    costs: { topicIndex: topics.cost, sameTopicSections: sameTopic.cost, relatedReports: related.cost, citedBy: cited.cost },
    sameTopic: sameTopic.value,
    related: related.value.related,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const usage =
    'npx node --expose-gc tests/scale/crosslinks.ts --content DIR [--sizes 500,1000] [--groups G] [--common K] [--json] [--dump FILE] | --write-seeds DIR --sizes N';
  const { values } = parseCli(usage, {
    options: {
      content: { type: 'string' },
      sizes: { type: 'string', default: '500,1000,2000,4000' },
      json: { type: 'boolean', default: false },
      dump: { type: 'string' },
      groups: { type: 'string' },
      common: { type: 'string' },
      'write-seeds': { type: 'string' },
    },
  });
  const sizes = values.sizes.split(',').map(Number);
  if (values['write-seeds']) {
    writeCorpus(makeCorpus(readSeeds(fileURLToPath(new URL('../../seeds', import.meta.url))), Math.max(...sizes)), values['write-seeds']);
    process.exit(0);
  }
  if (!values.content) throw new Error(`usage: ${usage}`);
  const slugs = modelSlugs(values.content).slice(0, Math.max(...sizes));
  const group = values.groups ? Number(values.groups) : 0;
  const all = slugs.map((slug, i) => {
    const { report } = readModelFile(modelFile(values.content!, slug));
    return group ? grouped(report, Math.floor(i / group)) : report;
  });
  const rows = [];
  for (const n of sizes) {
    const reports = all.slice(0, n);
    const { costs, sameTopic, related } = crossLinkCosts(reports, values.common ? Number(values.common) : COMMON_KEY_REPORTS);
    rows.push({ n, ...costs });
    if (!values.json) {
      const cells = Object.entries(costs).map(([name, c]) => `${name} ${c.cpu.toFixed(2)} s ${c.heapMB.toFixed(0)} MB`);
      console.log(`${n}: ${cells.join(' | ')}`);
    }
    if (values.dump && n === Math.max(...sizes)) {
      writeFileSync(values.dump, JSON.stringify({ related: [...related], sameTopic: [...sameTopic] }));
    }
  }
  if (values.json) console.log(JSON.stringify(rows, null, 2));
}
