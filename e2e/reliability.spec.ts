import { errors as playwrightErrors, expect, type Locator, type Page, test } from '@playwright/test';
import { Rng } from '../src/core/rng';
import { SILENCE_LIMIT_MS } from '../src/ui/trainingClient';
import { pauseTraining, readNumber, stripSignature, waitForPoints, waitUntilReady, watchErrors } from './lab';

/** The page's training workers (one per run); the batch and drawing workers are not counted. */
function trainingWorkers(page: Page) {
  return page.workers().filter((worker) => worker.url().includes('training.worker'));
}

/**
 * Acts on a control if it is enabled. One that becomes disabled between the check and the act (a confirmation
 * arrived: Step is disabled while the run goes) takes it as a user's click on a disabled button: nothing happens.
 */
async function ifEnabled(control: Locator, act: (timeout: { timeout: number }) => Promise<unknown>): Promise<void> {
  if (!(await control.isEnabled())) return;
  await act({ timeout: 2_000 }).catch((error: unknown) => {
    if (!(error instanceof playwrightErrors.TimeoutError)) throw error;
  });
}

/** Content-Security-Policy violations seen by the page, collected from the moment it opens. */
async function watchPolicyViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { policyViolations: string[] }).policyViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  return () => page.evaluate(() => (window as unknown as { policyViolations: string[] }).policyViolations);
}

test('a training worker that dies is noticed at once, and Restart resumes the run with its timeline', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/#v=1&method=simsiam&seed=3&evalEvery=10');
  await waitUntilReady(page);
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  // Past the first checkpoint (step 50).
  await expect.poll(() => readNumber(page, 'step'), { timeout: 120_000 }).toBeGreaterThan(60);
  await expect.poll(() => trainingWorkers(page).length).toBe(1);

  // The worker closes itself, as one the browser stopped would: no error event, no message; its life lock goes.
  const killed = Date.now();
  await trainingWorkers(page)[0]!.evaluate(() => (self as unknown as { close(): void }).close());
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The training worker crashed: it ended', { timeout: 5_000 });
  expect(Date.now() - killed).toBeLessThan(5_000);
  await expect(alert).toContainText('resumes the run from step 50');
  await expect(page.getByRole('button', { name: 'Start', exact: true })).toBeDisabled();

  await alert.getByRole('button', { name: 'Restart', exact: true }).click();
  await waitUntilReady(page);
  await expect(page.getByTestId('step')).toHaveText('50');
  // The history up to the checkpoint is still there: steps 0, 10, …, 50.
  await expect(page.getByRole('slider', { name: 'Timeline' })).toHaveAttribute('max', '5');
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect.poll(() => readNumber(page, 'step')).toBeGreaterThan(55);
  await pauseTraining(page);
  await expect.poll(() => trainingWorkers(page).length).toBe(1);
  expect(errors).toEqual([]);
});

test('a training worker that hangs is noticed once it has been silent SILENCE_LIMIT_MS, and Restart replaces it', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/#v=1&method=simsiam&seed=3&evalEvery=10');
  await waitForPoints(page);
  // The worker's thread loops for ever, from a task of its own: alive (its life lock held), never answering.
  const hung = Date.now();
  await trainingWorkers(page)[0]!.evaluate(() => {
    setTimeout(() => {
      for (;;);
    });
  });
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The training worker has not answered', { timeout: SILENCE_LIMIT_MS + 10_000 });
  expect(Date.now() - hung).toBeGreaterThanOrEqual(SILENCE_LIMIT_MS);
  await alert.getByRole('button', { name: 'Restart' }).click();
  await waitForPoints(page);
  await expect.poll(() => trainingWorkers(page).length).toBe(1);
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(page.getByTestId('step')).toHaveText('1');
  expect(errors).toEqual([]);
});

test('a strict Content-Security-Policy holds: training, compare mode and every export run without a violation', async ({ page }) => {
  const errors = watchErrors(page);
  const violations = await watchPolicyViolations(page);
  const response = await page.goto('/#v=1&method=swav&seed=2');
  expect(response!.headers()['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toContain("default-src 'self'");
  await waitUntilReady(page);
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect.poll(() => readNumber(page, 'step')).toBeGreaterThan(20);
  await pauseTraining(page);
  for (const name of ['Sphere PNG', 'Metrics CSV', 'Run report JSON', 'Open in PyTorch']) {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name }).first().click();
    await download;
  }
  await page.getByLabel('Switch to compare').selectOption('sinkhorn');
  await page.getByRole('button', { name: 'Open comparison' }).click();
  await expect(page.getByTestId('sphere-canvas')).toHaveCount(2);
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect.poll(async () => Math.min(...(await page.getByTestId('step').allTextContents()).map(Number))).toBeGreaterThan(5);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Start', exact: true })).toBeEnabled();
  expect(await violations()).toEqual([]);
  expect(errors).toEqual([]);
});

test('200 random quick actions: no error, no step after a confirmed Pause, one training worker', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/#v=1&method=simsiam&seed=5');
  await waitUntilReady(page);
  const rng = new Rng(2026);
  const actions: [string, () => Promise<void>][] = [
    ['start/pause', async () => {
      const button = page.getByRole('button', { name: /^(Start|Pause)$/ });
      await ifEnabled(button, (options) => button.click(options));
    }],
    ['step', async () => {
      const step = page.getByRole('button', { name: 'Step', exact: true });
      await ifEnabled(step, (options) => step.click(options));
    }],
    ['reset', () => page.getByRole('button', { name: 'Reset', exact: true }).click()],
    // Settings are disabled while a worker builds its model: a user's click then does nothing either.
    ['switch', async () => {
      const toggle = page.getByRole('switch', { name: 'Stop-gradient' });
      await ifEnabled(toggle, (options) => toggle.click(options));
    }],
    ['method', async () => {
      const select = page.getByLabel('Method');
      await ifEnabled(select, (options) => select.selectOption(rng.bernoulli(0.5) ? 'simsiam' : 'byol', options));
    }],
    ['scrub', async () => {
      const timeline = page.getByRole('slider', { name: 'Timeline' });
      await ifEnabled(timeline, (options) => timeline.press(rng.bernoulli(0.5) ? 'ArrowLeft' : 'End', options));
    }],
  ];
  for (let i = 0; i < 200; i++) {
    const [, act] = actions[rng.int(actions.length)]!;
    await act();
  }
  // Whatever state that left, once the worker has caught up with every click: pause if it runs; then the step
  // counter must hold still.
  const button = page.getByRole('button', { name: /^(Start|Pause)$/ });
  await expect(button).toHaveAttribute('aria-busy', 'false');
  if ((await button.textContent()) === 'Pause') await button.click();
  await expect(page.getByRole('button', { name: 'Start', exact: true })).toBeEnabled();
  await expect(button).toHaveAttribute('aria-busy', 'false');
  const stopped = await readNumber(page, 'step');
  // New examples go through the worker's queue behind any step it might still take: once they are drawn, a step
  // that followed the pause would have shown.
  const strip = await stripSignature(page);
  await page.getByRole('button', { name: 'New examples' }).click();
  await expect.poll(() => stripSignature(page)).not.toBe(strip);
  expect(await readNumber(page, 'step')).toBe(stopped);
  expect(trainingWorkers(page)).toHaveLength(1);
  expect(errors).toEqual([]);
});
