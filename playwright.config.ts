import { defineConfig } from '@playwright/test';
import { findChromium } from './cli/print-pdf.js';

export default defineConfig({
  testDir: 'test/e2e',
  globalSetup: ['./test/support/temporary-root-setup.ts', './test/support/quiet-registry-setup.ts'],
  timeout: 120_000,
  retries: 0,
  workers: 1,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: findChromium() ?? undefined,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    },
    viewport: { width: 1280, height: 900 },
  },
});
