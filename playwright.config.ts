/**
 * Browser tests against the production build of the pinned test corpus in `.test-build/dist/`
 * (tests/pinned.ts), served by `astro preview`. They use the system's Chromium (Debian's
 * /usr/bin/chromium): nothing is downloaded. `npm test` builds it first (`npm run test:build`). `--ignore-lock` lets the test server run beside anyone's own
 * `astro preview` of this project (Astro 7 otherwise allows one per project).
 */
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './scripts/chromium.ts';

const port = Number(process.env.E2E_PORT ?? 4329);
const base = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/').replace(/^\/?/, '/');

export default defineConfig({
  testDir: 'tests/e2e',
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
