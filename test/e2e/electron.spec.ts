import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { _electron as electron, expect, test } from '@playwright/test';

function electronBinary(): string | undefined {
  try {
    const path = createRequire(import.meta.url)('electron') as string;
    return existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

const binary = electronBinary();
const display = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

const skipReason = !binary
  ? 'the Electron runtime is not installed on this machine (its download is blocked); browser mode covers the UI'
  : !display
    ? 'there is no display for an Electron window'
    : undefined;

test('the desktop window opens onto the repositories page, sandboxed', async () => {
  if (skipReason) console.log(`SKIPPED desktop window test: ${skipReason}`);
  test.skip(skipReason !== undefined, skipReason);
  const app = await electron.launch({ executablePath: binary!, args: ['.'] });
  try {
    const window = await app.firstWindow();
    await expect(window.getByRole('heading', { name: 'Portfolio' })).toBeVisible();
    expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
  } finally {
    await app.close();
  }
});
