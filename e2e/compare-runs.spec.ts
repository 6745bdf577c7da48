import { expect, type Locator, type Page, test } from '@playwright/test';
import { watchErrors } from './lab';

/** Running workers whose script is `name` (training, or sphere: each sphere draws in a worker of its own). */
function workersNamed(page: Page, name: 'training' | 'sphere'): number {
  return page.workers().filter((worker) => worker.url().includes(`${name}.worker`)).length;
}

/** How many pixels of a run's angle ring (the d = 2 picture) are drawn on, and whether its class strips are there. */
async function ringDrawing(run: Locator): Promise<{ pixels: number; signature: number; strips: boolean }> {
  return run.locator('canvas.angle-ring-canvas').evaluate((canvas: HTMLCanvasElement) => {
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    let pixels = 0;
    let signature = 0;
    for (let i = 3; i < data.length; i += 4) {
      if (data[i]! > 0) pixels++;
      signature = (signature * 31 + data[i - 1]! + data[i]!) % 1_000_000_007;
    }
    // The strips under the ring make the canvas taller than wide once the first snapshot's points are drawn.
    return { pixels, signature, strips: canvas.clientHeight > canvas.clientWidth };
  });
}

const hashOf = (page: Page) => new URL(page.url()).hash;

test('a three-run compare link at d = 2: a sphere, angle ring and worker per run, overlaid charts; remove one, add one', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/#v=1&compare=3&method=simclr&dim=2&seed=7&B.method=byol&C.seed=3');
  const runA = page.getByRole('region', { name: 'Run A: SimCLR · Seed 7' });
  const runB = page.getByRole('region', { name: 'Run B: BYOL · Seed 7' });
  const runC = page.getByRole('region', { name: 'Run C: SimCLR · Seed 3' });
  for (const run of [runA, runB, runC]) await expect(run.getByTestId('sphere-canvas')).toBeVisible();
  await expect(page.getByTestId('sphere-canvas')).toHaveCount(3);
  await expect.poll(() => workersNamed(page, 'training')).toBe(3);
  await expect.poll(() => workersNamed(page, 'sphere')).toBe(3);
  await expect(page.getByRole('list', { name: 'Runs on the charts' })).toHaveText(/A · SimCLR · Seed 7\s*B · BYOL · Seed 7\s*C · SimCLR · Seed 3/);

  // The d = 2 picture of each run: points and density on the ring, a strip per class under it.
  for (const run of [runA, runB, runC]) {
    await expect(run.getByRole('img', { name: /The angle of coordinates x1 and x2/ })).toBeVisible();
    await expect.poll(async () => (await ringDrawing(run)).strips).toBe(true);
    expect((await ringDrawing(run)).pixels).toBeGreaterThan(2000);
  }
  // One step of every run, then the Positive-pair distances histogram overlays the three runs, each in its colour.
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  for (const run of [runA, runB, runC]) await expect(run.getByTestId('step')).toHaveText('1');
  const histogram = page.getByTestId('chart-pair-distances');
  await expect(page.getByTestId('pair-distances-summary')).toHaveText(/^A: .*B: .*C: /);
  await expect.poll(() => histogram.locator('rect').evaluateAll((rects) => new Set(rects.map((rect) => rect.getAttribute('fill'))).size)).toBe(3);

  // The picture follows the timeline: back at step 0 it is drawn anew, and again at step 1.
  const ringA = runA.locator('canvas.angle-ring-canvas');
  await expect(ringA).toHaveAttribute('data-step', '1');
  const atStep1 = (await ringDrawing(runA)).signature;
  await runA.getByRole('slider', { name: 'Timeline' }).focus();
  await page.keyboard.press('Home');
  await expect(ringA).toHaveAttribute('data-step', '0');
  expect((await ringDrawing(runA)).signature).not.toBe(atStep1);
  await page.keyboard.press('End');
  await expect(ringA).toHaveAttribute('data-step', '1');
  expect((await ringDrawing(runA)).signature).toBe(atStep1);

  // Removing run B ends its workers (training and sphere); the others keep theirs, and the link follows.
  await runB.getByRole('button', { name: 'Remove run B' }).click();
  await expect(page.getByTestId('sphere-canvas')).toHaveCount(2);
  await expect.poll(() => workersNamed(page, 'training')).toBe(2);
  await expect.poll(() => workersNamed(page, 'sphere')).toBe(2);
  await expect.poll(() => hashOf(page)).toBe('#v=1&compare=2&method=simclr&seed=7&dim=2&B.seed=3');
  await expect(page.getByRole('region', { name: 'Run B: Seed 3' }).getByTestId('step')).toHaveText('1');
  // Two runs are the least a comparison shows: no Remove.
  await expect(page.getByRole('button', { name: /^Remove run/ })).toHaveCount(0);
  // The focus went from the removed run's button to Add run.
  await expect(page.getByRole('button', { name: 'Add run' })).toBeFocused();

  // Add run, from the keyboard: a third run with the last run's settings, in its own workers.
  await page.keyboard.press('Enter');
  const added = page.getByRole('region', { name: 'Run C: Seed 3' });
  await expect(added.getByTestId('sphere-canvas')).toBeVisible();
  await expect(added).toBeFocused();
  await expect.poll(() => workersNamed(page, 'training')).toBe(3);
  await expect.poll(() => workersNamed(page, 'sphere')).toBe(3);
  await expect.poll(() => hashOf(page)).toBe('#v=1&compare=3&method=simclr&seed=7&dim=2&B.seed=3&C.seed=3');
  if (process.env.SCREENSHOTS) await page.screenshot({ path: `${process.env.SCREENSHOTS}/compare-runs.png`, fullPage: true });
  expect(errors).toEqual([]);
});

test('a link asking for five runs shows four, says why, offers no fifth, and lays them out on a wide screen, a laptop and a phone', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/#v=1&compare=5&method=simsiam&dim=2&E.seed=4');
  const notices = page.getByRole('region', { name: 'Notices' });
  await expect(notices).toContainText('compare: "5" is not a number of runs from 2 to 4; showing 4 runs.');
  await expect(notices).toContainText('E.…: this link shows 4 runs, so the settings of run E were ignored.');
  await expect(page.getByTestId('sphere-canvas')).toHaveCount(4);
  await expect.poll(() => workersNamed(page, 'training')).toBe(4);
  await expect(page.getByRole('button', { name: 'Add run' })).toBeDisabled();
  await expect.poll(() => hashOf(page)).toBe('#v=1&compare=4&method=simsiam&dim=2');
  // Four in a row on a wide screen, two by two on a laptop, one above the other on a phone; never sideways scrolling.
  const runs = page.locator('.compare-run');
  const lefts = () => runs.evaluateAll((sections) => sections.map((section) => Math.round(section.getBoundingClientRect().left)));
  const tops = () => runs.evaluateAll((sections) => sections.map((section) => Math.round(section.getBoundingClientRect().top)));
  const sideways = () => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  for (const [size, columns] of [
    [{ width: 1920, height: 1080 }, 4],
    [{ width: 1280, height: 800 }, 2],
    [{ width: 390, height: 844 }, 1],
  ] as const) {
    await page.setViewportSize(size);
    await expect.poll(async () => new Set(await lefts()).size, { message: `${size.width} px` }).toBe(columns);
    await expect.poll(async () => new Set(await tops()).size).toBe(4 / columns);
    expect(await sideways()).toBe(false);
  }
  expect(errors).toEqual([]);
});

test('Add run in the Compare panel turns one run into two; each run then has its own settings, and the link follows', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/#v=1&method=simclr&dim=2&seed=7');
  await expect(page.getByTestId('backend')).not.toHaveText(/starting/);
  await page.getByRole('region', { name: 'Compare' }).getByRole('button', { name: 'Add run' }).click();
  await expect(page.getByRole('region', { name: 'Run B: same settings' })).toBeVisible();
  await expect.poll(() => hashOf(page)).toBe('#v=1&compare=2&method=simclr&seed=7&dim=2');
  await expect.poll(() => workersNamed(page, 'training')).toBe(2);

  const runB = page.locator('[data-testid="run-B"]');
  await runB.getByText('Settings of run B').click();
  await expect(runB.getByLabel('Method')).toBeEnabled();
  await runB.getByLabel('Method').selectOption('byol');
  await expect(page.getByRole('region', { name: 'Run A: SimCLR' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Run B: BYOL' })).toBeVisible();
  await expect.poll(() => hashOf(page)).toBe('#v=1&compare=2&method=simclr&seed=7&dim=2&B.method=byol');
  await expect(page.getByRole('list', { name: 'Runs on the charts' })).toHaveText(/A · SimCLR\s*B · BYOL/);
  expect(errors).toEqual([]);
});
