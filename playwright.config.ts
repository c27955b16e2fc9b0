/**
 * Browser tests against the production build of the pinned test corpus in `.test-build/dist/`
 * (tests/pinned.ts), served by `astro preview`. They use the system's Chromium (Debian's
 * /usr/bin/chromium): nothing is downloaded. `npm test` builds it first (`npm run test:build`). `--ignore-lock` lets the test server run beside anyone's own
 * `astro preview` of this project (Astro 7 otherwise allows one per project).
 */
import { execFileSync } from 'node:child_process';
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './scripts/util/chromium.ts';

/**
 * The test server's port: E2E_PORT if set (it must be free: said at once, not after the build),
 * else one the system finds free. Chosen once, in the runner, and put in the environment, so
 * that the workers (which load this file again and inherit the environment) agree on it.
 */
function testPort(): number {
  const probe = (port: number) =>
    Number(
      execFileSync(
        process.execPath,
        [
          '-e',
          `const s=require('net').createServer().once('error',()=>console.log(-1)).listen(${port},'127.0.0.1',()=>{console.log(s.address().port);s.close()})`,
        ],
        { encoding: 'utf8' },
      ).trim(),
    );
  const asked = process.env.E2E_PORT;
  // A worker: the runner has chosen (and its server now holds) the port.
  if (asked && process.env.E2E_PORT_CHOSEN === asked) return Number(asked);
  if (asked && probe(Number(asked)) < 0)
    throw new Error(`port ${asked} (E2E_PORT) is in use: set E2E_PORT to a free port, or unset it to let the tests pick one`);
  const port = asked ? Number(asked) : probe(0);
  process.env.E2E_PORT = process.env.E2E_PORT_CHOSEN = String(port);
  return port;
}

const port = testPort();
const base = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/').replace(/^\/?/, '/');

export default defineConfig({
  testDir: 'tests/browser',
  fullyParallel: true,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}${base}`,
    browserName: 'chromium',
    locale: 'zh-CN',
    timezoneId: 'UTC',
    viewport: { width: 1280, height: 900 },
    colorScheme: 'light',
    launchOptions: chromiumLaunchOptions,
  },
  webServer: {
    command: `astro preview --ignore-lock --host 127.0.0.1 --port ${port} --outDir .test-build/dist`,
    url: `http://127.0.0.1:${port}${base}index.html`,
    // Never a server already on the port: it could be serving another site (your dist/), not the pinned build.
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
