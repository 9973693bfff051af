import { type Page, expect } from '@playwright/test';

/** Opens the app, adds a repository and takes its first snapshot, as a user would. */
export async function addAndScan(page: Page, url: string, repository: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Add a local git repository').fill(repository);
  await page.getByRole('button', { name: 'Add' }).click();
  await page.getByRole('button', { name: 'Scan' }).click();
  await expect(page.getByText('Lines of code by language')).toBeVisible();
}
