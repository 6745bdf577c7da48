import { expect, test } from '@playwright/test';
import { pauseTraining, readNumber, waitUntilReady, watchErrors } from './lab';

/** The lab's rule (backendPlan): the backend it picks, and the reason it gives, for each kind of WebGPU adapter. */
const expectedBackend = {
  none: { name: 'wasm', reason: 'no WebGPU adapter in this browser' },
  software: { name: 'wasm', reason: 'the WebGPU adapter is software' },
  hardware: { name: 'webgpu', reason: 'WebGPU on a real GPU' },
};

test('loads with no console errors and picks the backend the WebGPU adapter calls for: wasm unless it is a real GPU', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await waitUntilReady(page);
  // The adapter this browser offers, asked as the lab asks: a fallback or SwiftShader adapter is software.
  const adapter = await page.evaluate(async (): Promise<keyof typeof expectedBackend> => {
    type Adapter = { info?: { architecture?: string }; isFallbackAdapter?: boolean };
    const gpu = (navigator as unknown as { gpu?: { requestAdapter(): Promise<Adapter | null> } }).gpu;
    const found = await gpu?.requestAdapter().catch(() => null);
    if (!found) return 'none';
    return found.info?.architecture === 'swiftshader' || found.isFallbackAdapter === true ? 'software' : 'hardware';
  });
  // The status line names the backend, then why: it must have seen the same adapter and chosen by the rule.
  const { name, reason } = expectedBackend[adapter];
  await expect(page.getByTestId('backend').locator('..')).toHaveText(new RegExp(`^${name} — ${reason}`));
  await expect(page.getByRole('list', { name: 'Classes' })).toContainText('Ankle boot');
  expect(errors).toEqual([]);
});

test('Start trains, the sphere moves, and Pause stops the step counter', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await waitUntilReady(page);
  const canvas = page.getByTestId('sphere-canvas');
  const before = await canvas.screenshot();

  await page.getByRole('button', { name: 'Start' }).click();
  await expect.poll(() => readNumber(page, 'step')).toBeGreaterThan(20);
  await expect.poll(async () => Buffer.compare(before, await canvas.screenshot())).not.toBe(0);
  expect(await readNumber(page, 'steps-per-sec')).toBeGreaterThan(0);
  expect(Number.isFinite(await readNumber(page, 'loss'))).toBe(true);

  // The worker says it stopped (0 steps/s) at this step.
  const paused = await pauseTraining(page);

  // Step takes exactly one step and snapshots it (after its progress): had the run gone on after Pause,
  // the counter would be past that snapshot's step once the timeline shows it.
  await page.getByRole('button', { name: 'Step' }).click();
  await expect(page.getByTestId('timeline-position')).toHaveText(`Live · step ${paused + 1}`);
  expect(await readNumber(page, 'step')).toBe(paused + 1);
  expect(errors).toEqual([]);
});

test('without stop-gradient SimSiam collapses: collapse std × √d falls below 0.1', async ({ page }) => {
  await page.goto('/');
  await waitUntilReady(page);
  await page.getByRole('switch', { name: 'Stop-gradient' }).uncheck();
  await page.getByRole('button', { name: 'Start' }).click();
  await expect.poll(() => readNumber(page, 'collapse-std-scaled'), { timeout: 180_000 }).toBeLessThan(0.1);
  const step = await readNumber(page, 'step');
  expect(step).toBeLessThan(400);
});

test('?backend=webgpu trains a few tiny steps on WebGPU', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/?backend=webgpu#v=1&batch=8&steps=3&evalEvery=3&autoplay=1');
  await expect(page.getByTestId('backend')).toHaveText('webgpu', { timeout: 120_000 });
  await expect.poll(() => readNumber(page, 'step'), { timeout: 200_000 }).toBe(3);
  expect(Number.isFinite(await readNumber(page, 'loss'))).toBe(true);
  expect(errors).toEqual([]);
});
