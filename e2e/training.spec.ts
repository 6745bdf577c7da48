import { expect, test } from '@playwright/test';
import { pauseTraining, readNumber, waitUntilReady, watchErrors } from './lab';

/** The lab's rule without a real GPU (backendPlan): the backend it picks, and the reason it gives, by WebGPU adapter. */
const expectedWithoutGpu = {
  none: { name: 'wasm', reason: 'no WebGPU adapter in this browser' },
  software: { name: 'wasm', reason: 'the WebGPU adapter is software' },
};

test('loads with no console errors and picks the backend its rule calls for: measured on a real GPU, else wasm', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await waitUntilReady(page);
  // What this browser offers, asked as the lab asks: a fallback or SwiftShader adapter, a software WebGL renderer.
  const offered = await page.evaluate(async () => {
    type Adapter = { info?: { architecture?: string }; isFallbackAdapter?: boolean };
    const gpu = (navigator as unknown as { gpu?: { requestAdapter(): Promise<Adapter | null> } }).gpu;
    const found = await gpu?.requestAdapter().catch(() => null);
    const webgpu = !found ? 'none' : found.info?.architecture === 'swiftshader' || found.isFallbackAdapter === true ? 'software' : 'hardware';
    const gl = document.createElement('canvas').getContext('webgl2');
    const info = gl?.getExtension('WEBGL_debug_renderer_info');
    const renderer = gl && info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : '';
    const webgl = !renderer ? 'none' : /swiftshader|llvmpipe|softpipe|software/i.test(renderer) ? 'software' : 'hardware';
    return { webgpu: webgpu as 'none' | 'software' | 'hardware', webgl };
  });
  const status = page.getByTestId('backend').locator('..');
  if (offered.webgpu === 'hardware' || offered.webgl === 'hardware') {
    // Measured: each real-GPU backend and wasm with its steps/s, and the fastest used.
    await expect(status).toHaveText(/^(webgpu|webgl|wasm) — (\w+ \d+ steps\/s, )*\w+ \d+ steps\/s — using (webgpu|webgl|wasm)/);
    const text = (await status.textContent())!;
    expect(text.split(' — ')[0]).toBe(/using (\w+)/.exec(text)![1]);
  } else {
    const { name, reason } = expectedWithoutGpu[offered.webgpu as 'none' | 'software'];
    await expect(status).toHaveText(new RegExp(`^${name} — ${reason}`));
  }
  await expect(page.getByRole('list', { name: 'Classes' })).toContainText('Ankle boot');
  expect(errors).toEqual([]);
});

test('Start trains, the sphere moves, and Pause stops the step counter', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await waitUntilReady(page);
  const canvas = page.getByTestId('sphere-canvas');
  const before = await canvas.screenshot();

  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect.poll(() => readNumber(page, 'step')).toBeGreaterThan(20);
  await expect.poll(async () => Buffer.compare(before, await canvas.screenshot())).not.toBe(0);
  expect(await readNumber(page, 'steps-per-sec')).toBeGreaterThan(0);
  expect(Number.isFinite(await readNumber(page, 'loss'))).toBe(true);

  // The worker says it stopped (0 steps/s) at this step.
  const paused = await pauseTraining(page);

  // Step takes exactly one step and snapshots it (after its progress): had the run gone on after Pause,
  // the counter would be past that snapshot's step once the timeline shows it.
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(page.getByTestId('timeline-position')).toHaveText(`Live · step ${paused + 1}`);
  expect(await readNumber(page, 'step')).toBe(paused + 1);
  expect(errors).toEqual([]);
});

test('without stop-gradient SimSiam collapses: collapse std × √d falls below 0.1', async ({ page }) => {
  await page.goto('/');
  await waitUntilReady(page);
  await page.getByRole('switch', { name: 'Stop-gradient' }).uncheck();
  await page.getByRole('button', { name: 'Start', exact: true }).click();
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
