/**
 * The same report's page on our build and on Starlight's, as a reader's browser gets it: each
 * dist is served by `astro preview` (what the browser tests use; Vite's preview server gzips
 * text responses like a host would), and Debian's Chromium, through Playwright, opens the page
 * in a fresh context (cold cache) each time, alternating the two sites. Per load: the bytes
 * transferred until the load event (CDP `Network.loadingFinished` encodedDataLength: every
 * response, compressed, headers included) and first contentful paint (the `paint` entry). Medians
 * of `runs` loads, at 1280 px and at a 360 px phone viewport, under each of PROFILES (CPU slowed
 * with CDP `Emulation.setCPUThrottlingRate`, the link with `Network.emulateNetworkConditions`).
 * On a shared machine FCP on loopback is mostly noise, so
 * each load is also traced: the main thread's CPU time until first paint is the steadier figure.
 *
 * Used by starlight-bench.ts on its largest case; by hand on two built sites:
 * `npx node scripts/bench/page-compare.ts --ours <project dir> --starlight <Starlight site dir>`
 * (each with `dist/` and `node_modules/astro`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chromiumLaunchOptions } from '../util/chromium.ts';
import { readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { parseCli } from '../util/cli.ts';

export interface Load {
  /** Bytes on the wire until the load event, headers included. */
  bytes: number;
  requests: number;
  /** First contentful paint, ms from navigation start. */
  fcp: number;
  /** Largest contentful paint until the load event: when the report's text, not only the header, is on screen. */
  lcp: number;
  /**
   * CPU time of the page's main thread from navigation start to first contentful paint (thread
   * time of its tasks in a Chrome trace): what the page itself costs to first paint, without
   * the time other processes on a loaded machine take from it. Null when the trace holds none of
   * the thread's tasks before the paint (tracing reached a new renderer process late).
   */
  cpuToFcp: number | null;
}

export interface PageComparison {
  slug: string;
  /** Our page's size class in the corpus: largest, median or smallest HTML file. */
  which: string;
  viewport: 'desktop' | 'mobile';
  /** The load conditions (PROFILES). */
  profile: Profile;
  runs: number;
  ours: Load;
  starlight: Load;
  ratio: { bytes: number; fcp: number; lcp: number; cpuToFcp: number | null };
}

/**
 * Load conditions: the CPU as is; slowed 4× (a mid-range phone); slowed 4× on a slow 4G link
 * (Lighthouse's mobile preset: 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up).
 */
export const PROFILES = {
  fast: { cpu: 1 },
  cpu4: { cpu: 4 },
  slow4g: { cpu: 4, network: { latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 7.5e5 / 8 } },
} as const;
export type Profile = keyof typeof PROFILES;

const VIEWPORTS = {
  desktop: { viewport: { width: 1280, height: 900 } },
  mobile: { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
} as const;

/** The largest, a median and the smallest report page of our build (by HTML bytes). */
export function pickReports(dist: string): { which: string; slug: string }[] {
  const dir = join(dist, 'reports');
  const pages = readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .map((f) => ({ slug: f.slice(0, -'.html'.length), size: statSync(join(dir, f)).size }))
    .sort((a, b) => b.size - a.size || a.slug.localeCompare(b.slug));
  return [
    { which: 'largest', slug: pages[0]!.slug },
    { which: 'median', slug: pages[Math.floor(pages.length / 2)]!.slug },
    { which: 'smallest', slug: pages[pages.length - 1]!.slug },
  ];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** `astro preview` of `<dir>/dist` with `dir`'s own Astro and config, once `probe` answers. */
async function preview(dir: string, probe: string): Promise<{ server: ChildProcess; origin: string }> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}/`;
  const server = spawn(
    process.execPath,
    [
      join(dir, 'node_modules', 'astro', 'bin', 'astro.mjs'),
      'preview',
      '--ignore-lock',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--outDir',
      join(dir, 'dist'),
    ],
    { cwd: dir, stdio: 'ignore', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } },
  );
  for (let i = 0; i < 240; i++) {
    if (
      await fetch(origin + probe).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { server, origin };
    await new Promise((r) => setTimeout(r, 250));
  }
  server.kill();
  throw new Error(`astro preview of ${dir} did not answer on ${origin}`);
}

/** One cold load of `url`: a fresh context, gzip accepted, bytes counted until the load event. */
async function load(browser: Browser, url: string, viewport: keyof typeof VIEWPORTS, profile: Profile): Promise<Load> {
  const context = await browser.newContext({ ...VIEWPORTS[viewport], locale: 'zh-CN' });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const conditions: { cpu: number; network?: { latency: number; downloadThroughput: number; uploadThroughput: number } } = PROFILES[profile];
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: conditions.cpu });
    if (conditions.network) await cdp.send('Network.emulateNetworkConditions', { offline: false, ...conditions.network });
    let bytes = 0;
    let requests = 0;
    let loaded = false;
    cdp.on('Network.loadingFinished', (e) => {
      if (loaded) return;
      bytes += e.encodedDataLength;
      requests += 1;
    });
    await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    const response = await page.goto(url, { waitUntil: 'load' });
    loaded = true;
    if (!response?.ok()) throw new Error(`${url}: ${response?.status()}`);
    const { fcp, lcp } = await page.evaluate(
      () =>
        new Promise<{ fcp: number; lcp: number }>((resolve) => {
          let lcp = NaN;
          new PerformanceObserver((list) => (lcp = list.getEntries().at(-1)!.startTime)).observe({ type: 'largest-contentful-paint', buffered: true });
          const entry = () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
          const poll = () => (entry() !== undefined && !Number.isNaN(lcp) ? resolve({ fcp: entry()!, lcp }) : setTimeout(poll, 20));
          poll();
        }),
    );
    const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
    let cpuToFcp: number | null = null;
    try {
      cpuToFcp = cpuToFirstPaint(trace.traceEvents);
    } catch {
      // Counted as not measured (see Load.cpuToFcp), not as zero.
    }
    return { bytes, requests, fcp, lcp, cpuToFcp };
  } finally {
    await context.close();
  }
}

// RunTask events (with their thread time) are only in the disabled-by-default timeline category.
const TRACE_CATEGORIES = ['loading', 'blink.user_timing', 'devtools.timeline', 'disabled-by-default-devtools.timeline'];

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
}

/** Thread time (ms) of the top-level tasks on the painting thread, from its last navigation start to its first contentful paint. */
export function cpuToFirstPaint(events: readonly TraceEvent[]): number {
  const fcp = events.find((e) => e.name === 'firstContentfulPaint');
  if (!fcp) throw new Error('no firstContentfulPaint in the trace');
  const start = Math.max(...events.filter((e) => e.name === 'navigationStart' && e.pid === fcp.pid && e.ts <= fcp.ts).map((e) => e.ts));
  if (!Number.isFinite(start)) throw new Error('no navigationStart before the first contentful paint');
  const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.pid === fcp.pid && e.tid === fcp.tid && e.ts >= start && e.ts <= fcp.ts);
  // A page cannot paint without running a task: none in the trace means tracing missed them.
  if (!tasks.length) throw new Error('no task of the painting thread before its first paint in the trace');
  return tasks.reduce((sum, e) => sum + (e.tdur ?? e.dur ?? 0), 0) / 1000;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
/** The median of the loads whose trace measured it, or null if none did. */
const measured = (xs: (number | null)[]) => {
  const some = xs.filter((x): x is number => x !== null);
  return some.length ? round(median(some), 1) : null;
};
const round = (x: number, digits = 2) => Number(x.toFixed(digits));

/** Compares the picked report pages of two built sites (project dirs with `dist/`). */
export async function comparePages(ours: string, starlight: string, runs = 7, profiles: Profile[] = ['fast', 'cpu4', 'slow4g']): Promise<PageComparison[]> {
  const picked = pickReports(join(ours, 'dist'));
  const a = await preview(ours, 'index.html');
  const b = await preview(starlight, 'index.html').catch((e) => {
    a.server.kill();
    throw e;
  });
  const browser = await chromium.launch(chromiumLaunchOptions).catch((e) => {
    a.server.kill();
    b.server.kill();
    throw e;
  });
  const results: PageComparison[] = [];
  try {
    for (const { which, slug } of picked) {
      const urls = { ours: `${a.origin}reports/${slug}.html`, starlight: `${b.origin}reports/${slug}/` };
      for (const viewport of ['desktop', 'mobile'] as const) {
        for (const profile of profiles) {
          const loads: { ours: Load[]; starlight: Load[] } = { ours: [], starlight: [] };
          // One warm-up pair (server and browser caches of code, not of the page), then alternating pairs, the first site switching each time.
          await load(browser, urls.ours, viewport, profile);
          await load(browser, urls.starlight, viewport, profile);
          for (let i = 0; i < runs; i++) {
            const order = i % 2 === 0 ? (['ours', 'starlight'] as const) : (['starlight', 'ours'] as const);
            for (const site of order) loads[site].push(await load(browser, urls[site], viewport, profile));
          }
          const med = (ls: Load[]): Load => ({
            bytes: median(ls.map((l) => l.bytes)),
            requests: median(ls.map((l) => l.requests)),
            fcp: round(median(ls.map((l) => l.fcp)), 1),
            lcp: round(median(ls.map((l) => l.lcp)), 1),
            cpuToFcp: measured(ls.map((l) => l.cpuToFcp)),
          });
          const o = med(loads.ours);
          const s = med(loads.starlight);
          results.push({
            slug,
            which,
            viewport,
            profile,
            runs,
            ours: o,
            starlight: s,
            ratio: {
              bytes: round(o.bytes / s.bytes),
              fcp: round(o.fcp / s.fcp),
              lcp: round(o.lcp / s.lcp),
              cpuToFcp: o.cpuToFcp && s.cpuToFcp ? round(o.cpuToFcp / s.cpuToFcp) : null,
            },
          });
          console.error(
            `page ${which} ${viewport} ${profile}: ${o.bytes} / ${s.bytes} B, FCP ${o.fcp} / ${s.fcp} ms, LCP ${o.lcp} / ${s.lcp} ms, main thread to FCP ${o.cpuToFcp} / ${s.cpuToFcp} ms`,
          );
        }
      }
    }
  } finally {
    await browser.close();
    a.server.kill();
    b.server.kill();
  }
  return results;
}

const PROFILE_NAMES: Record<Profile, string> = { fast: 'CPU 1×', cpu4: 'CPU 4×', slow4g: 'CPU 4×, slow 4G' };
const kb = (n: number) => (n / 1024).toFixed(1);

/** The table printed after a run and pasted into the README (KB = 1024 bytes). */
export function pageComparisonTable(rows: readonly PageComparison[]): string {
  const pair = (o: number, s: number) => `${o.toFixed(0)} / ${s.toFixed(0)}`;
  return [
    '| report page | viewport | load | KB (ours / Starlight) | bytes ours / Starlight | requests | FCP ms | FCP ours / Starlight | main thread to FCP, ms | ours / Starlight | LCP ms | LCP ours / Starlight |',
    '|---|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
    ...rows
      .map((r) =>
        [
          r.which,
          r.viewport === 'desktop' ? '1280 px' : '360 px',
          PROFILE_NAMES[r.profile],
          `${kb(r.ours.bytes)} / ${kb(r.starlight.bytes)}`,
          r.ratio.bytes.toFixed(2),
          `${r.ours.requests} / ${r.starlight.requests}`,
          pair(r.ours.fcp, r.starlight.fcp),
          r.ratio.fcp.toFixed(2),
          `${r.ours.cpuToFcp ?? '–'} / ${r.starlight.cpuToFcp ?? '–'}`,
          r.ratio.cpuToFcp?.toFixed(2) ?? '–',
          pair(r.ours.lcp, r.starlight.lcp),
          r.ratio.lcp.toFixed(2),
        ].join(' | '),
      )
      .map((line) => `| ${line} |`),
  ].join('\n');
}

if (import.meta.main) {
  const { values } = parseCli('npx node scripts/bench/page-compare.ts --ours DIR --starlight DIR [--runs 7] [--profiles fast,cpu4,slow4g]', {
    options: {
      ours: { type: 'string' },
      starlight: { type: 'string' },
      runs: { type: 'string', default: '7' },
      profiles: { type: 'string', default: Object.keys(PROFILES).join(',') },
    },
  });
  if (!values.ours || !values.starlight) throw new Error('--ours and --starlight are required');
  const rows = await comparePages(
    values.ours,
    values.starlight,
    Number(values.runs),
    values.profiles.split(',').map((p) => {
      if (!Object.hasOwn(PROFILES, p)) throw new Error(`--profiles: unknown profile ${p} (${Object.keys(PROFILES).join(', ')})`);
      return p as Profile;
    }),
  );
  console.log(pageComparisonTable(rows));
}
