import { expect, type Locator, type Page, test } from '@playwright/test';
import { readNumber, waitUntilReady, watchErrors } from './lab';

/** The metrics panel names each value by its label; `exact` keeps "Uniformity" from matching "Uniformity term". */
const metricLabels = ['Alignment', 'Uniformity', 'Collapse std', 'Effective rank', 'kNN accuracy'];
const charts = ['loss', 'collapse-std', 'alignment', 'uniformity', 'effective-rank', 'knn'];

async function chartPoints(page: Page, id: string): Promise<number> {
  return Number(await page.getByTestId(`chart-${id}`).getAttribute('data-points'));
}

/** A screenshot once the points have finished easing into place (two in a row alike). */
async function settledShot(canvas: Locator): Promise<Buffer> {
  let previous = await canvas.screenshot();
  for (let attempt = 0; attempt < 40; attempt++) {
    await canvas.page().waitForTimeout(300);
    const next = await canvas.screenshot();
    if (next.equals(previous)) return next;
    previous = next;
  }
  throw new Error('The sphere kept changing for 12 s: it never settled on one snapshot.');
}

test('metrics, charts and the timeline follow a run; scrubbing back holds that snapshot', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await waitUntilReady(page);
  await page.getByRole('button', { name: 'Start' }).click();
  // Past step 50, where kNN is first measured after step 0.
  await expect.poll(() => readNumber(page, 'step'), { timeout: 180_000 }).toBeGreaterThan(60);
  await page.getByRole('button', { name: 'Pause' }).click();

  for (const label of metricLabels) await expect(page.getByLabel(label, { exact: true })).toHaveText(/\d/);
  expect(Number(await page.getByTestId('metric-uniformity').textContent())).toBeLessThan(0);
  await expect(page.getByTestId('metric-knn-z')).toHaveText(/^0\.\d{3}$/);
  for (const id of charts) await expect.poll(() => chartPoints(page, id)).toBeGreaterThanOrEqual(id === 'knn' ? 2 : 5);
  // Default SimSiam spreads its points: no collapse to report.
  await expect(page.getByTestId('collapse-banner')).toHaveCount(0);

  const canvas = page.getByTestId('sphere-canvas');
  const live = await settledShot(canvas);
  const slider = page.getByRole('slider', { name: 'Timeline' });
  await slider.focus();
  await page.keyboard.press('Home');
  await expect(page.getByTestId('timeline-position')).toHaveText(/^Step 0 of \d+/);
  await expect(page.getByTestId('metrics-step')).toHaveText('at step 0 (timeline)');
  const scrubbed = await settledShot(canvas);
  expect(scrubbed.equals(live)).toBe(false);

  // Training on does not move the sphere off the scrubbed snapshot; Live returns to the run.
  const step = await readNumber(page, 'step');
  await page.getByRole('button', { name: 'Start' }).click();
  await expect.poll(() => readNumber(page, 'step')).toBeGreaterThan(step + 20);
  expect((await settledShot(canvas)).equals(scrubbed)).toBe(true);
  await page.getByRole('button', { name: 'Live' }).click();
  await expect(page.getByTestId('timeline-position')).toHaveText(/^Live/);
  await expect.poll(async () => (await canvas.screenshot()).equals(scrubbed)).toBe(false);
  expect(errors).toEqual([]);
});

test('SimSiam without stop-gradient shows the collapse banner within a few hundred steps', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/#v=1&stopGrad=false&autoplay=1');
  const banner = page.getByTestId('collapse-banner');
  await expect(banner).toContainText(/Collapsed at step \d+: every image maps to nearly the same point/, { timeout: 200_000 });
  const collapsedAt = Number(/Collapsed at step (\d+)/.exec((await banner.textContent()) ?? '')![1]);
  expect(collapsedAt).toBeLessThan(400);
  await expect(banner.getByRole('alert')).toBeVisible();
  expect(errors).toEqual([]);
});
