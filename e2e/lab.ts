import { expect, type Locator, type Page } from '@playwright/test';
import { EASE_MS } from '../src/ui/sphere/motion';

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

/**
 * Presses Pause and waits until the worker has stopped: once the step in flight (and its snapshot, if it
 * takes one) is done, the worker's last progress report says 0 steps/s, with the step it stopped at.
 * Returns that step. For a single run that has trained a few steps (Steps/s above 0).
 */
export async function pauseTraining(page: Page): Promise<number> {
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('button', { name: 'Start' })).toBeEnabled();
  await expect(page.getByTestId('steps-per-sec')).toHaveText('0.0');
  return readNumber(page, 'step');
}

/**
 * A screenshot once the picture is at rest: two screenshots EASE_MS apart alike (a new snapshot's
 * points ease into place over EASE_MS, so two alike that far apart are not both mid-ease). Fails
 * after `timeout` ms of a picture that keeps changing.
 */
export async function settledShot(target: Locator, timeout = 30_000): Promise<Buffer> {
  const shots: Buffer[] = []; // the last two
  await expect
    .poll(
      async () => {
        shots.push(await target.screenshot());
        if (shots.length > 2) shots.shift();
        return shots.length === 2 && shots[0]!.equals(shots[1]!);
      },
      { message: `The picture kept changing for ${timeout / 1000} s: it never settled.`, timeout, intervals: [EASE_MS] },
    )
    .toBe(true);
  return shots[1]!;
}

/** A signature of the "What the model sees" strip's pixels, to see a new strip arrive. */
export function stripSignature(page: Page): Promise<string> {
  return page
    .getByRole('list', { name: 'Examples' })
    .getByRole('img')
    .evaluateAll((canvases) => canvases.map((canvas) => (canvas as HTMLCanvasElement).toDataURL()).join());
}
