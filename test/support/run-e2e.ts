// Runs the end-to-end tests (Playwright, test/e2e) in the Chromium this machine has: the one
// CHROMIUM_PATH names, one on PATH (as `steward report --format pdf` finds it), or Playwright's own.
// Without one, `npm test` (--skip-without-browser) reports the tests as skipped with the command
// that enables them; `npm run test:e2e` and CI fail instead, since they asked for the tests.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { findChromium } from '../../cli/print-pdf.js';

const skipWithoutBrowser = process.argv.includes('--skip-without-browser') && process.env['CI'] !== 'true';
const playwrightArgs = process.argv.slice(2).filter((arg) => arg !== '--skip-without-browser');
const playwrightOwn = chromium.executablePath();
const browser = findChromium() ?? (process.env['CHROMIUM_PATH'] === undefined && existsSync(playwrightOwn) ? playwrightOwn : null);

if (browser === null) {
  const wanted = process.env['CHROMIUM_PATH'] ? `CHROMIUM_PATH (${process.env['CHROMIUM_PATH']}) is not an executable file` : 'no Chromium was found (CHROMIUM_PATH, chromium or google-chrome on PATH, or Playwright\'s own)';
  const enable = 'install Chromium (Debian/Ubuntu: sudo apt-get install -y chromium) or set CHROMIUM_PATH, then run: npm run test:e2e';
  if (skipWithoutBrowser) {
    console.log(`\nEnd-to-end tests SKIPPED: ${wanted}. To run them, ${enable}\n`);
    process.exit(0);
  }
  console.error(`End-to-end tests cannot run: ${wanted}; ${enable}`);
  process.exit(1);
}

const result = spawnSync('playwright', ['test', ...playwrightArgs], { stdio: 'inherit', env: { ...process.env, CHROMIUM_PATH: browser } });
process.exit(result.status ?? 1);
