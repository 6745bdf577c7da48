import { expect, type Locator, type Page } from '@playwright/test';

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

/** A screenshot once the picture has stopped changing (two in a row alike): points eased, camera at rest. */
export async function settledShot(target: Locator): Promise<Buffer> {
  let previous = await target.screenshot();
  for (;;) {
    await target.page().waitForTimeout(300);
    const next = await target.screenshot();
    if (next.equals(previous)) return next;
    previous = next;
  }
}
