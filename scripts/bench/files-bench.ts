/**
 * `npm run bench -- --only files`: how fast the official-file readers are, in pages per second.
 * Each seed is printed in the UN layout as a Word file (the `docx` package), as a PDF by
 * Chromium and as a PDF by LibreOffice from that Word file (scripts/bench/producers/), then each
 * file is read (the reader alone) and converted (the whole pipeline), three times, the median
 * kept. The start-up (the run's first read, which starts the reader's worker thread and loads
 * pdf.js, less the same file's later reads) is reported apart. A .docx has no pages of its own: its pages are those LibreOffice prints.
 * Writes bench/results/files.json.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { convertSeed } from '../converter/pipeline.ts';
import { parseManifest } from '../model/manifest.ts';
import { readSource } from '../converter/readers/index.ts';
import { makeDocx } from './producers/docx.ts';
import { printPdf } from './producers/html.ts';
import { libreOffice } from './producers/lo.ts';
import { printable } from './producers/printable.ts';

interface Row {
  format: string;
  files: number;
  pages: number;
  MB: number;
  readSeconds: number;
  readCpuSeconds: number;
  convertSeconds: number;
  convertCpuSeconds: number;
  pagesPerSecondRead: number;
  pagesPerCpuSecondRead: number;
  pagesPerSecondConvert: number;
  pagesPerCpuSecondConvert: number;
}

const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Median wall-clock and CPU seconds of three runs (CPU time counts every thread of the process: the reader's worker too). */
function time(f: () => void): { wall: number; cpu: number } {
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const c = process.cpuUsage();
    f();
    const used = process.cpuUsage(c);
    walls.push((performance.now() - t) / 1000);
    cpus.push(cpuSeconds(used));
  }
  return { wall: median(walls), cpu: median(cpus) };
}

const cpuSeconds = (used: NodeJS.CpuUsage) => (used.user + used.system) / 1e6;

export async function benchFiles(root: string): Promise<void> {
  const seedsDir = join(root, 'seeds');
  const manifestPath = join(seedsDir, 'manifest.json');
  const manifest = parseManifest(readFileSync(manifestPath, 'utf8'), manifestPath);
  const lo = hasLibreOffice();
  const files: { format: string; name: string; bytes: Buffer; pages: number }[] = [];
  for (const txt of readdirSync(seedsDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()) {
    const bytes = readFileSync(join(seedsDir, txt));
    const doc = printable(convertSeed(txt, bytes, manifest[txt]).report, bytes.toString('utf8'));
    const stem = txt.replace(/\.txt$/, '');
    const docx = await makeDocx(doc);
    const chromium = await printPdf(doc);
    files.push({ format: 'PDF (Chromium)', name: `${stem}.pdf`, bytes: chromium, pages: 0 });
    if (lo) {
      const pdf = libreOffice(docx, 'docx', 'pdf');
      files.push({ format: 'PDF (LibreOffice)', name: `${stem}.pdf`, bytes: pdf, pages: 0 });
      files.push({ format: '.docx (docx package)', name: `${stem}.docx`, bytes: docx, pages: 0 });
    }
  }
  // Start-up: the first read of the run (starting the reader's worker thread, loading pdf.js)
  // against the same file's later reads.
  const smallest = files.filter((f) => f.name.endsWith('.pdf')).sort((a, b) => a.bytes.length - b.bytes.length)[0]!;
  const first = performance.now();
  const firstCpu = process.cpuUsage();
  readSource(smallest.name, smallest.bytes);
  const firstRead = { wall: (performance.now() - first) / 1000, cpu: cpuSeconds(process.cpuUsage(firstCpu)) };
  const warm = time(() => readSource(smallest.name, smallest.bytes));
  const startup = { wall: firstRead.wall - warm.wall, cpu: firstRead.cpu - warm.cpu };
  // Pages: a PDF's own; a .docx's as LibreOffice prints it (the PDF made from it).
  for (const f of files) if (f.name.endsWith('.pdf')) f.pages = readSource(f.name, f.bytes).layout!.pages;
  for (const f of files)
    if (f.name.endsWith('.docx')) f.pages = files.find((g) => g.format === 'PDF (LibreOffice)' && g.name === f.name.replace(/\.docx$/, '.pdf'))!.pages;

  const rows: Row[] = [];
  for (const format of [...new Set(files.map((f) => f.format))]) {
    const group = files.filter((f) => f.format === format);
    const read = { wall: 0, cpu: 0 };
    const convert = { wall: 0, cpu: 0 };
    const add = (sum: { wall: number; cpu: number }, t: { wall: number; cpu: number }) => ((sum.wall += t.wall), (sum.cpu += t.cpu));
    for (const f of group) {
      add(
        read,
        time(() => readSource(f.name, f.bytes)),
      );
      const entry = manifest[f.name.replace(/\.(pdf|docx)$/, '.txt')];
      add(
        convert,
        time(() => convertSeed(f.name, f.bytes, entry)),
      );
    }
    const pages = group.reduce((s, f) => s + f.pages, 0);
    rows.push({
      format,
      files: group.length,
      pages,
      MB: Number((group.reduce((s, f) => s + f.bytes.length, 0) / 1e6).toFixed(2)),
      readSeconds: Number(read.wall.toFixed(3)),
      readCpuSeconds: Number(read.cpu.toFixed(3)),
      convertSeconds: Number(convert.wall.toFixed(3)),
      convertCpuSeconds: Number(convert.cpu.toFixed(3)),
      pagesPerSecondRead: Math.round(pages / read.wall),
      pagesPerCpuSecondRead: Math.round(pages / read.cpu),
      pagesPerSecondConvert: Math.round(pages / convert.wall),
      pagesPerCpuSecondConvert: Math.round(pages / convert.cpu),
    });
  }
  const load = loadavg()[0]!.toFixed(1);
  console.log(`Official files (seeds printed in the UN layout; median of 3 reads each; load average ${load} at the start):`);
  console.log('| format | files | pages | MB | read s | pages/s read | pages/CPU s read | convert s | pages/s convert | pages/CPU s convert |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows)
    console.log(
      `| ${r.format} | ${r.files} | ${r.pages} | ${r.MB} | ${r.readSeconds} | ${r.pagesPerSecondRead} | ${r.pagesPerCpuSecondRead} | ${r.convertSeconds} | ${r.pagesPerSecondConvert} | ${r.pagesPerCpuSecondConvert} |`,
    );
  console.log(
    `start-up (the run's first read less the same file's later reads: starting the reader's worker thread, loading pdf.js): ${startup.wall.toFixed(2)} s, ${startup.cpu.toFixed(2)} CPU s`,
  );
  if (!lo) console.log('LibreOffice (soffice) not found: its PDFs and the .docx pages are left out');
  const file = join(root, 'bench', 'results', 'files.json');
  mkdirSync(join(root, 'bench', 'results'), { recursive: true });
  writeFileSync(
    file,
    `${JSON.stringify({ node: process.version, load1: Number(load), startupSeconds: Number(startup.wall.toFixed(2)), startupCpuSeconds: Number(startup.cpu.toFixed(2)), rows }, null, 2)}\n`,
  );
  console.log(`wrote ${file.slice(root.length)}\n`);
}

function hasLibreOffice(): boolean {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}
