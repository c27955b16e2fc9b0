/**
 * How every browser run of the project starts Chromium — the Playwright tests
 * (playwright.config.ts) and the benchmarks: Debian's `chromium` package (CHROMIUM_PATH
 * overrides it), never a browser a test tool downloads; no sandbox (CI runs as root), no GPU, and
 * none of the background traffic that would add requests or noise to what is measured.
 */
import type { LaunchOptions } from '@playwright/test';

export const chromiumLaunchOptions: LaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
