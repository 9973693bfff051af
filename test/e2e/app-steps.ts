import { type Page, expect } from '@playwright/test';

/** Opens the app, adds a repository and takes its first snapshot, as a user would. */
export async function addAndScan(page: Page, url: string, repository: string): Promise<void> {
  await page.goto(url);
  await openAddForm(page);
  await page.getByLabel('Add a local git repository').fill(repository);
  await page.getByRole('button', { name: 'Add' }).click();
  await scanAndWait(page);
  await expect(page.getByText('Lines of code by language')).toBeVisible();
}

/** The home page's form to add a repository: in view on an empty portfolio, folded under "Add a repository" once there are some. */
async function openAddForm(page: Page): Promise<void> {
  const portfolio = page.getByRole('region', { name: 'Repositories' });
  const empty = page.getByText('No repositories yet');
  await expect(portfolio.or(empty)).toBeVisible();
  if (await portfolio.isVisible()) await page.getByText('Add a repository', { exact: true }).click();
}

/**
 * Presses Scan and waits for this scan to end, however long a loaded machine takes (the test's own
 * timeout is the only bound), then expects it to have succeeded.
 */
export async function scanAndWait(page: Page): Promise<void> {
  const finished = page.getByRole('status').filter({ hasText: 'Scan finished' });
  const outcome = async (): Promise<string | null> => {
    if ((await page.getByRole('alert').count()) > 0) return `failed: ${await page.getByRole('alert').first().textContent()}`;
    return (await finished.count()) > 0 ? await finished.textContent() : null;
  };
  const before = await outcome();
  await page.getByRole('button', { name: 'Scan' }).click();
  let after: string | null = before;
  await expect
    .poll(
      async () => {
        after = await outcome();
        return after !== null && after !== before;
      },
      { timeout: 0 },
    )
    .toBe(true);
  expect(after).toMatch(/^Scan finished: snapshot \d+ saved\.$/);
}

/**
 * Screenshots of the page at 1024 and 1440 px wide, light and dark, named `<name>-<width>-<scheme>.png`
 * in the test's output; fails if the page is wider than the window at any of them.
 */
export async function screenshotWidthsAndThemes(page: Page, name: string, outputPath: (file: string) => string): Promise<void> {
  const viewport = page.viewportSize();
  for (const width of [1024, 1440]) {
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme });
      // Charts follow their container's new width a frame or two later (a ResizeObserver): wait for the page to settle.
      await expect.poll(() => page.evaluate<number>('document.documentElement.scrollWidth'), { message: `${name} at ${width} px` }).toBeLessThanOrEqual(width);
      await page.screenshot({ path: outputPath(`${name}-${width}-${colorScheme}.png`), fullPage: true });
    }
  }
  // The test goes on as it was.
  if (viewport) await page.setViewportSize(viewport);
  await page.emulateMedia({ colorScheme: null });
}
