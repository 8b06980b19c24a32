import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests: real Chromium (Debian's, never downloaded) against real
 * Plenary servers that the tests start themselves (e2e/fixtures/server.ts).
 * Build first: `pnpm build` (the root `pnpm test` does).
 *
 * Tests tagged `@timing` judge wall-clock time (a latency or load-time budget). They run in
 * a project of their own, with one worker, after the others (`pnpm test` runs the two
 * projects one after the other), so no other worker's browsers and servers compete with
 * them on this 2-core machine; they print the figure they measured.
 */
const timingTag = '@timing'; // e2e/fixtures/test.ts: `timing`

export default defineConfig({
  testDir: './tests',
  projects: [
    { name: 'parallel', grepInvert: new RegExp(timingTag), outputDir: './output/test-results/parallel' },
    { name: 'timing', grep: new RegExp(timingTag), workers: 1, outputDir: './output/test-results/timing' },
  ],
  // A safety net, not a budget (the timing project judges time): scenarios wait for states,
  // and on a busy 2-core machine CI measured 1.1 min for tests that take 30 s when it is quiet.
  timeout: 180_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  // Each project's run keeps its own report (`pnpm test` runs them one after the other).
  reporter: [['list'], ['html', { outputFolder: `./output/report${process.env.PLENARY_E2E_PROJECT ? `-${process.env.PLENARY_E2E_PROJECT}` : ''}`, open: 'never' }]],
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
});
