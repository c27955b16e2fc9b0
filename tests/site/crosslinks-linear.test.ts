/**
 * The corpus-wide cross-links (buildCrossLinks: topics, same-topic sections, related reports,
 * cited by) take about linear time in the number of reports (issue 24: a 10 000-report build
 * must not spend minutes in them). A constructed corpus has what makes them quadratic: keys every
 * report holds (a country, a resolution, a heading such as 人权状况 named by all), keys of groups
 * of 40 reports, and a heading of its own per report (the topic phrases grow with the corpus).
 * 8× the reports may take well under the 64× a quadratic computation shows (bound 30×; thread
 * CPU time, best of three interleaved runs, each repeated until the small corpus costs ≥ 50 ms,
 * so a busy machine does not fail it), and the lists
 * stay bounded: at most MAX_RELATED related reports and MAX_SAME_TOPIC sections each.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Inline, Report } from '../../scripts/model/schema.ts';
import { buildCrossLinks } from '../../src/lib/crosslinks.ts';
import { MAX_RELATED } from '../../src/lib/related.ts';
import { MAX_SAME_TOPIC } from '../../src/lib/topics.ts';

const LINEAR_BOUND = 30;
const FACTOR = 8;
const GROUP = 40;

const text = (value: string): Inline => ({ type: 'text', value });
const doc = (symbol: string): Inline => ({ type: 'doc', symbol, text: symbol, kind: 'resolution' });
const country = (code: string, name: string): Inline => ({ type: 'country', code, text: name });

/** Report `i` of the constructed corpus: three headings and a paragraph citing and naming. */
function report(i: number): Report {
  const g = Math.floor(i / GROUP);
  const heading = (n: number, value: string) => ({
    type: 'heading' as const,
    id: `h-${n}`,
    line: n,
    level: 1,
    kind: 'chapter' as const,
    label: '',
    content: [text(value)],
  });
  return {
    slug: `r-${String(i).padStart(5, '0')}`,
    source: { file: `r-${i}.txt`, sha256: '', encoding: 'utf-8' },
    meta: { symbol: `A/HRC/${i}`, title: `报告 ${i}` } as Report['meta'],
    blocks: [
      heading(1, '人权状况'),
      heading(2, `第${g}组的专题`),
      heading(3, `报告${i}独有的议题`),
      {
        type: 'paragraph',
        id: 'p-1',
        line: 4,
        n: 1,
        content: [doc('A/RES/60/251'), doc(`A/HRC/RES/${g}/1`), country('CHN', '中国'), country(['MEX', 'COL', 'UKR'][g % 3]!, '某国'), text('。')],
      },
    ],
    notes: [],
    stats: {} as Report['stats'],
    dropped: [],
    warnings: [],
  };
}

const corpus = (n: number): Report[] => Array.from({ length: n }, (_, i) => report(i));

/** Thread CPU milliseconds of building the cross-links of `reports` `reps` times. */
function cpu(reports: readonly Report[], reps: number): number {
  const t0 = process.threadCpuUsage();
  for (let i = 0; i < reps; i++) buildCrossLinks(reports);
  const used = process.threadCpuUsage(t0);
  return (used.user + used.system) / 1000;
}

test('the cross-links of 8× the reports take about 8× the time, not 64×, with every list bounded', () => {
  const small = corpus(300);
  const large = corpus(FACTOR * 300);
  const links = buildCrossLinks(large);
  // The lists are full: each report relates to others of its group, each section to others;
  // the keys every report holds (A/RES/60/251, 人权状况, 中国) and the countries a third of them
  // name relate none.
  assert.equal(links.related.get('r-00100')!.length, MAX_RELATED);
  for (const list of links.related.values()) assert.ok(list.length <= MAX_RELATED);
  assert.deepEqual(
    links.related.get('r-00100')![0]!.shared.map((s) => `${s.name}=${s.keys.join('、')}`),
    ['documents=A/HRC/RES/2/1', 'topics=第2组的专题'],
  );
  const group = links.sameTopic.get('r-00100#h-2')!;
  assert.equal(group.total, GROUP - 1);
  assert.equal(group.shown.length, MAX_SAME_TOPIC);
  for (const list of links.sameTopic.values()) assert.ok(list.shown.length <= MAX_SAME_TOPIC);
  let reps = 1;
  while (cpu(small, reps) < 50 && reps < 64) reps *= 2;
  let a = Infinity;
  let b = Infinity;
  for (let r = 0; r < 3; r++) {
    a = Math.min(a, cpu(small, reps));
    b = Math.min(b, cpu(large, reps));
  }
  const ratio = b / a;
  assert.ok(
    ratio < LINEAR_BOUND,
    `${FACTOR}× the reports took ${ratio.toFixed(1)}× the time (${a.toFixed(0)} → ${b.toFixed(0)} ms for ${reps} runs; linear ≈ 8, quadratic ≈ 64)`,
  );
});
