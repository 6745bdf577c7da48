import { expect, type Page } from '@playwright/test';

/** Collects console errors and uncaught page errors, to assert a clean page. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

export async function readNumber(page: Page, testId: string): Promise<number> {
  return Number((await page.getByTestId(testId).textContent())?.trim());
}

/** Waits for the worker to finish loading data and building the model. */
export async function waitUntilReady(page: Page): Promise<void> {
  await expect(page.getByRole('button', { name: 'Start' }).or(page.getByRole('button', { name: 'Pause' }))).toBeEnabled();
  await expect(page.getByTestId('backend')).not.toHaveText(/starting/);
}
