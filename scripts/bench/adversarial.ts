/**
 * Adversarial seeds, one generator per class of pathological input (issue 11), each scaled by
 * `n`: `npm run bench` (and `npm run bench -- --only hostile`) prints the 1×/2×/4× curve of the
 * whole conversion; tests/converter/degrade.test.ts uses the numbers class. Deterministic: the same
 * `n` gives the same text.
 */
import { convertSeed } from '../converter/pipeline.ts';

export interface AdversarialCase {
  name: string;
  /** What the input provokes, in a few words (the bench prints it). */
  what: string;
  /** A seed of roughly `n` units of the pattern (its size grows linearly with `n`). */
  make(n: number): string;
  /** The size at which the bench's 1× is measured. */
  base: number;
}

const TITLE = '关于某一专题的报告\n\n一. 导言\n\n';

export const ADVERSARIAL: AdversarialCase[] = [
  {
    name: 'spaces-in-line',
    what: 'a long run of spaces inside one line (trailing-white-space pattern)',
    make: (n) => `${TITLE}1. 第一段${' '.repeat(n)}文字。\n\n2. 第二段。\n`,
    base: 20_000,
  },
  {
    name: 'note-references',
    what: 'one paragraph with n footnote references, bare and superscript (reference search)',
    make(n) {
      const refs = Array.from({ length: n }, (_, i) => (i % 2 ? `第${i + 1}句。${i + 1}` : `第${i + 1}句${toSuperscript(i + 1)}。`)).join(' ');
      const notes = Array.from({ length: n }, (_, i) => (i % 2 ? `${i + 1} 注释文字。` : `${toSuperscript(i + 1)} 注释文字。`)).join('\n');
      return `${TITLE}1. ${refs}\n\n2. 第二段。\n\n__________________\n${notes}\n`;
    },
    base: 500,
  },
  {
    name: 'duplicate-anchors',
    what: 'n paragraphs under the same number (anchor de-duplication)',
    make: (n) => `${TITLE}1. 第一段。\n\n2. 第二段。\n\n${'2. 重复编号的段落。\n\n'.repeat(n)}`,
    base: 1_000,
  },
  {
    name: 'known-urls',
    what: 'n link targets and n URLs wrapped across lines (URL re-joining)',
    make(n) {
      const urls = Array.from({ length: n }, (_, i) => `https://www.example.org/documents/report-${i}/index.html`);
      const text = urls.map((u) => `${u.slice(0, 30)}\n${u.slice(30)} 载有资料。`).join('\n');
      const lines = urls.flatMap((u) => [u, u]).join('\n');
      return `${TITLE}1. 见以下网址：\n${text}\n\n2. 第二段。\n\n${lines}\n`;
    },
    base: 300,
  },
  {
    name: 'numbers-in-sentence',
    what: 'one sentence with n numbers (figure records and their sentence)',
    make: (n) => `${TITLE}1. 共有${Array.from({ length: n }, (_, i) => `${(i % 90) + 10} 名`).join('、')}人员。\n\n2. 第二段。\n`,
    base: 500,
  },
  {
    name: 'huge-numbers',
    what: 'n numbers of 400 digits each (numbers the model cannot hold)',
    make: (n) => `${TITLE}1. ${Array.from({ length: n }, (_, i) => `共有 ${String(i + 1).padStart(400, '9')} 名人员。`).join('')}\n\n2. 第二段。\n`,
    base: 50,
  },
];

function toSuperscript(n: number): string {
  return String(n).replace(/\d/g, (d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(d)]!);
}

/** CPU milliseconds to convert one adversarial seed (best of `runs`: a shared machine's load counts less than in wall time). */
export function timeCase(c: AdversarialCase, n: number, runs = 2): { ms: number; inBytes: number; outBytes: number } {
  const bytes = new TextEncoder().encode(c.make(n));
  let best = Infinity;
  let outBytes = 0;
  for (let r = 0; r < runs; r++) {
    const t0 = process.cpuUsage();
    const { json, mdx } = convertSeed(`${c.name}.txt`, bytes);
    const used = process.cpuUsage(t0);
    best = Math.min(best, (used.user + used.system) / 1000);
    outBytes = json.length + mdx.length;
  }
  return { ms: best, inBytes: bytes.length, outBytes };
}

export interface Curve {
  case: string;
  what: string;
  points: { scale: number; inBytes: number; ms: number; outBytes: number }[];
}

/** The 1×/2×/4× curve of every class: time and output size should both double with the input. */
export function curves(scales = [1, 2, 4]): Curve[] {
  return ADVERSARIAL.map((c) => {
    timeCase(c, c.base, 1); // warm-up: compilation is not part of the curve
    return { case: c.name, what: c.what, points: scales.map((scale) => ({ scale, ...timeCase(c, c.base * scale) })) };
  });
}

/** The curves as a table: CPU ms per size, the 4×/1× time ratio (linear ≈ 4) and output/input. */
export function curveTable(rows: Curve[]): string {
  const head = ['class', ...rows[0]!.points.map((p) => `${p.scale}× ms`), 'time 4×/1×', 'out/in', 'input 1×'];
  const body = rows.map((r) => {
    const first = r.points[0]!;
    const last = r.points.at(-1)!;
    return [
      r.case,
      ...r.points.map((p) => p.ms.toFixed(0)),
      (last.ms / first.ms).toFixed(1),
      (last.outBytes / last.inBytes).toFixed(1),
      `${(first.inBytes / 1000).toFixed(0)} KB`,
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  return [head, ...body].map((row) => row.map((cell, i) => (i ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ')).join('\n');
}
