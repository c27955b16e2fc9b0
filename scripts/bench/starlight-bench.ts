/**
 * Our build against Starlight's on the same report text (`npm run bench`, or
 * `npm run bench -- --only starlight`). For each case — the four real seeds, then synthetic
 * corpora (`--sizes`) — a throwaway copy of the project converts and builds the corpus
 * (`scripts/commands/build.ts --json`, cold: no cache), then a Starlight site is generated from the same
 * converted reports (`content/data/*.json`: every heading, paragraph, list item and note, with
 * its links, as Markdown) and built with `astro build` (Starlight's Pagefind search included).
 * The two builds alternate `--pairs` times; the table gives medians and the ratios ours / Starlight.
 * On the last case's last pair, before the sites are removed, the same report pages of both are
 * loaded in Chromium (page-compare.ts): transferred bytes and first contentful paint.
 *
 * Starlight is not a dependency of the project: it is installed with npm, once per run, into
 * a temporary folder (with the project's Astro version) that is removed at the end.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, cpSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Inline, Report } from '../model/schema.ts';
import { escapeText } from '../converter/serialize.ts';
import { comparePages, pageComparisonTable, type PageComparison } from './page-compare.ts';
import { projectCopy } from './site-bench.ts';
import { makeCorpus, readSeeds, writeCorpus } from './synthetic.ts';

/** The Starlight version measured (its peer range must admit the project's Astro). */
const STARLIGHT = '^0.42.4';
const GNU_TIME = '/usr/bin/time';

interface Run {
  seconds: number;
  /** User + system CPU seconds of the whole process tree (GNU time), when measurable. */
  cpuSeconds: number | null;
  peakMB: number | null;
}

export interface StarlightMeasure {
  case: string;
  reports: number;
  load1: number;
  ours: Run;
  starlight: Run;
  pages: { ours: number; starlight: number };
  ratio: { wall: number; cpu: number | null };
}

/** One report as Starlight Markdown: its title, then every block and note, in order. */
export function reportMarkdown(report: Report): string {
  const inline = (content: Inline[]) =>
    content
      .map((c) =>
        c.type === 'text'
          ? escapeText(c.value)
          : c.type === 'noteRef'
            ? `<sup>${c.n}</sup>`
            : c.type === 'link'
              ? `[${escapeText(c.text, true)}](${c.url})`
              : escapeText(c.text),
      )
      .join('');
  const lines = [`---`, `title: ${JSON.stringify(report.meta.title)}`, `---`, ''];
  for (const b of report.blocks) {
    if (b.type === 'heading') lines.push(`${'#'.repeat(b.level + 1)} ${escapeText(b.label)} ${inline(b.content)}`);
    else if (b.type === 'paragraph') lines.push(`${b.n ? `${b.n}\\. ` : ''}${inline(b.content)}`);
    else if (b.type === 'figure') lines.push(`**${escapeText(b.value)}** ${escapeText(b.caption)}`);
    else lines.push(b.items.map((i) => `- ${escapeText(i.label)} ${inline(i.content)}`).join('\n'));
    lines.push('');
  }
  if (report.notes.length) lines.push('## 注', '', ...report.notes.flatMap((n) => [`${n.n}\\. ${inline(n.content)}`, '']));
  return lines.join('\n');
}

/** Writes a Starlight site of the converted reports in `dataDir` into `dir` (node_modules linked from `base`). */
export function starlightSite(dataDir: string, dir: string, base: string): number {
  mkdirSync(join(dir, 'src', 'content', 'docs', 'reports'), { recursive: true });
  symlinkSync(join(base, 'node_modules'), join(dir, 'node_modules'));
  cpSync(join(base, 'package.json'), join(dir, 'package.json'));
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
export default defineConfig({
  // The site's own cache folder: node_modules is shared by every Starlight site of the run, and a
  // data store left there by the previous pair would make this build a warm one.
  cacheDir: './.astro-cache',
  integrations: [starlight({ title: '联合国人权报告', defaultLocale: 'root', locales: { root: { label: '简体中文', lang: 'zh-CN' } } })],
});
`,
  );
  writeFileSync(
    join(dir, 'src', 'content.config.ts'),
    `import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`,
  );
  const reports = readdirSync(dataDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dataDir, f), 'utf8')) as Report);
  for (const r of reports) writeFileSync(join(dir, 'src', 'content', 'docs', 'reports', `${r.slug}.md`), reportMarkdown(r));
  const index = reports.map((r) => `- [${escapeText(r.meta.title, true)}](reports/${r.slug}/)`).join('\n');
  writeFileSync(join(dir, 'src', 'content', 'docs', 'index.md'), `---\ntitle: 联合国人权报告\n---\n\n${index}\n`);
  return reports.length;
}

/** Installs Astro (the project's version) and Starlight into `base` with npm. */
export function installStarlight(root: string, base: string): void {
  const astro = JSON.parse(readFileSync(join(root, 'node_modules', 'astro', 'package.json'), 'utf8')).version as string;
  writeFileSync(
    join(base, 'package.json'),
    `${JSON.stringify({ name: 'starlight-bench', private: true, type: 'module', dependencies: { astro, '@astrojs/starlight': STARLIGHT } }, null, 2)}\n`,
  );
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: base, stdio: ['ignore', 'ignore', 'inherit'] });
}

/** Runs a command under GNU time when it exists: wall seconds, CPU seconds and peak RSS of the tree. */
function timed(command: string[], cwd: string): Run {
  const report = join(cwd, 'time.txt');
  const gnu = existsSync(GNU_TIME);
  const started = performance.now();
  execFileSync(gnu ? GNU_TIME : command[0]!, gnu ? ['-f', '%U %S %M', '-o', report, ...command] : command.slice(1), {
    cwd,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, CI: '1', ASTRO_TELEMETRY_DISABLED: '1' },
  });
  const seconds = (performance.now() - started) / 1000;
  if (!gnu) return { seconds: round(seconds), cpuSeconds: null, peakMB: null };
  const [user, system, kib] = readFileSync(report, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
  return { seconds: round(seconds), cpuSeconds: round(user! + system!), peakMB: Math.round((kib! * 1024) / 1e6) };
}

function countPages(dir: string): number {
  return readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile() && e.name.endsWith('.html')).length;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const medianRun = (runs: Run[]): Run => ({
  seconds: median(runs.map((r) => r.seconds)),
  cpuSeconds: runs.every((r) => r.cpuSeconds !== null) ? median(runs.map((r) => r.cpuSeconds!)) : null,
  peakMB: runs.every((r) => r.peakMB !== null) ? Math.max(...runs.map((r) => r.peakMB!)) : null,
});

export async function benchStarlight(root: string, sizes: number[], pairs = 1): Promise<StarlightMeasure[]> {
  const tmp = mkdtempSync(join(tmpdir(), 'un-hr-starlight-'));
  const results: StarlightMeasure[] = [];
  let pageLoads: PageComparison[] = [];
  /** Why the page comparison did not run (no Chromium, say): the build times are still written. */
  let pageLoadsError: string | undefined;
  const cases = ['seeds', ...sizes.map(String)];
  try {
    const base = join(tmp, 'base');
    mkdirSync(base);
    console.error('starlight: npm install astro + @astrojs/starlight into a temporary folder…');
    installStarlight(root, base);
    const seeds = readSeeds(join(root, 'seeds'));
    for (const size of cases) {
      const corpus = join(tmp, `seeds-${size}`);
      if (size === 'seeds') cpSync(join(root, 'seeds'), corpus, { recursive: true });
      else writeCorpus(makeCorpus(seeds, Number(size)), corpus);
      const load1 = round(loadavg()[0]!, 1);
      const runs: { ours: Run[]; starlight: Run[] } = { ours: [], starlight: [] };
      let reports = 0;
      let pages = { ours: 0, starlight: 0 };
      for (let pair = 1; pair <= pairs; pair++) {
        // Each build is cold: a fresh copy of the project, with no cache of any step.
        const ours = join(tmp, `ours-${size}-${pair}`);
        mkdirSync(ours);
        projectCopy(root, ours);
        cpSync(corpus, join(ours, 'seeds'), { recursive: true });
        console.error(`starlight ${size}: our build, pair ${pair}/${pairs} (load ${round(loadavg()[0]!, 1)})…`);
        runs.ours.push(timed([process.execPath, join(ours, 'scripts', 'commands', 'build.ts')], ours));
        const site = join(tmp, `starlight-${size}-${pair}`);
        reports = starlightSite(join(ours, 'content', 'data'), site, base);
        console.error(`starlight ${size}: Starlight build, pair ${pair}/${pairs}…`);
        runs.starlight.push(timed([process.execPath, join(base, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'], site));
        pages = { ours: countPages(join(ours, 'dist')), starlight: countPages(join(site, 'dist')) };
        if (size === cases.at(-1) && pair === pairs) {
          console.error(`starlight ${size}: the same report pages in Chromium…`);
          pageLoads = await comparePages(ours, site).catch((error: Error) => {
            pageLoadsError = error.message;
            console.error(`✗ page comparison: ${error.message}`);
            return [];
          });
        }
        for (const d of [ours, site]) rmSync(d, { recursive: true, force: true });
      }
      const o = medianRun(runs.ours);
      const s = medianRun(runs.starlight);
      results.push({
        case: size,
        reports,
        load1,
        ours: o,
        starlight: s,
        pages,
        ratio: { wall: round(o.seconds / s.seconds), cpu: o.cpuSeconds !== null && s.cpuSeconds ? round(o.cpuSeconds / s.cpuSeconds) : null },
      });
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  console.log(`\n${starlightTable(results)}`);
  if (pageLoads.length)
    console.log(`\nThe same report page (${cases.at(-1)} case), medians of ${pageLoads[0]!.runs} cold loads each:\n${pageComparisonTable(pageLoads)}`);
  const file = join(root, 'bench', 'results', 'starlight.json');
  mkdirSync(join(root, 'bench', 'results'), { recursive: true });
  writeFileSync(
    file,
    `${JSON.stringify({ node: process.version, cpus: cpus().length, pairs, results, pageLoads, ...(pageLoadsError ? { pageLoadsError } : {}) }, null, 2)}\n`,
  );
  console.log('wrote bench/results/starlight.json');
  return results;
}

function round(x: number, digits = 2): number {
  return Number(x.toFixed(digits));
}

/** The table printed after a run and pasted into the README. */
export function starlightTable(results: StarlightMeasure[]): string {
  const head = [
    'case',
    'reports',
    'ours s',
    'Starlight s',
    'ours / Starlight (wall)',
    'ours CPU s',
    'Starlight CPU s',
    'ours / Starlight (CPU)',
    'peak MB (ours / Starlight)',
    'pages (ours / Starlight)',
    'load',
  ];
  const rows = results.map((r) => [
    r.case,
    String(r.reports),
    r.ours.seconds.toFixed(1),
    r.starlight.seconds.toFixed(1),
    r.ratio.wall.toFixed(2),
    r.ours.cpuSeconds?.toFixed(1) ?? '?',
    r.starlight.cpuSeconds?.toFixed(1) ?? '?',
    r.ratio.cpu?.toFixed(2) ?? '?',
    `${r.ours.peakMB ?? '?'} / ${r.starlight.peakMB ?? '?'}`,
    `${r.pages.ours} / ${r.pages.starlight}`,
    r.load1.toFixed(1),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  return [line(head), `|${widths.map((w, i) => (i === 0 ? `${'-'.repeat(w + 1)}-` : `${'-'.repeat(w + 1)}:`)).join('|')}|`, ...rows.map(line)].join('\n');
}
