import { expect, type Page, test } from '@playwright/test';
import { pauseTraining, readNumber, settledShot, waitUntilReady, watchErrors } from './lab';

/** The metrics panel names each value by its label; `exact` keeps "Uniformity" from matching "Uniformity term". */
const metricLabels = ['Alignment', 'Uniformity', 'Collapse std', 'Effective rank', 'Top direction', 'kNN accuracy', 'Linear probe'];
const charts = ['loss', 'collapse-std', 'alignment', 'uniformity', 'effective-rank', 'knn', 'linear-probe'];

async function chartPoints(page: Page, id: string): Promise<number> {
  return Number(await page.getByTestId(`chart-${id}`).getAttribute('data-points'));
}

test('metrics, charts and the timeline follow a run; scrubbing back holds that snapshot', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await waitUntilReady(page);
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  // Past step 50, where kNN is first measured after step 0.
  await expect.poll(() => readNumber(page, 'step'), { timeout: 180_000 }).toBeGreaterThan(60);
  await pauseTraining(page);

  for (const label of metricLabels) await expect(page.getByLabel(label, { exact: true })).toHaveText(/\d/);
  // Spread points: uniformity far below 0 (one point) toward the sphere's best, −2.08 (−1.24 at step 69 here),
  // and neighbours that share a class far more often than chance, 0.1 (kNN on z 0.50 at step 69).
  expect(await readNumber(page, 'metric-uniformity')).toBeLessThan(-1);
  expect(await readNumber(page, 'metric-knn-z')).toBeGreaterThan(0.3);
  // A linear classifier on the same frozen features does better than chance too, and its cost is shown.
  expect(await readNumber(page, 'metric-linear-z')).toBeGreaterThan(0.2);
  await expect(page.getByTestId('metric-linear-ms')).toHaveText(/^took [1-9]\d* ms$/);
  for (const id of charts) await expect.poll(() => chartPoints(page, id)).toBeGreaterThanOrEqual(id === 'knn' || id === 'linear-probe' ? 2 : 5);
  // Default SimSiam spreads its points: no collapse to report.
  await expect(page.getByTestId('collapse-banner')).toHaveCount(0);
  // The spectrum: one bar per direction of d = 3, the largest share under the dimensional-collapse limit.
  const spectrum = page.getByRole('img', { name: 'Spectrum' });
  await expect(spectrum.locator('rect')).toHaveCount(3);
  const liveTopShare = Number(await page.getByTestId('chart-spectrum').getAttribute('data-top-share'));
  expect(liveTopShare).toBeGreaterThan(1 / 3);
  expect(liveTopShare).toBeLessThan(0.78);
  await expect(page.getByTestId('spectrum-summary')).toHaveText(/^step \d+\. Largest directions/);
  // The alignment histogram: 40 bins of ‖f(x) − f(y)‖² over [0, 4], its mean the alignment shown in the panel.
  const distances = page.getByRole('img', { name: 'Positive-pair distances' });
  await expect(distances.locator('rect')).toHaveCount(40);
  await expect(distances.locator('line.pair-distance-mean')).toHaveCount(1);
  const mean = Number(await page.getByTestId('chart-pair-distances').getAttribute('data-mean'));
  expect(mean).toBeGreaterThan(0);
  await expect(page.getByTestId('metric-alignment')).toHaveText(mean.toFixed(3));
  await expect(page.getByTestId('pair-distances-summary')).toHaveText(new RegExp(`^step \\d+\\. Mean ${mean.toFixed(3).replace('.', '\\.')} \\(the alignment`));

  const canvas = page.getByTestId('sphere-canvas');
  const live = await settledShot(canvas);
  const slider = page.getByRole('slider', { name: 'Timeline' });
  await slider.focus();
  await page.keyboard.press('Home');
  await expect(page.getByTestId('timeline-position')).toHaveText(/^Step 0 of \d+/);
  await expect(page.getByTestId('metrics-step')).toHaveText('at step 0 (timeline)');
  // The spectrum replays with the timeline.
  await expect(page.getByTestId('spectrum-summary')).toHaveText(/^step 0\. Largest directions/);
  await expect(page.getByTestId('pair-distances-summary')).toHaveText(/^step 0\. Mean \d\.\d{3} \(the alignment/);
  const scrubbed = await settledShot(canvas);
  expect(scrubbed.equals(live)).toBe(false);

  // Training on does not move the sphere off the scrubbed snapshot; Live returns to the run.
  const step = await readNumber(page, 'step');
  await page.getByRole('button', { name: 'Start', exact: true }).click();
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
  // Screen readers hear the verdict once, from the assertive region (the banner's own words move with the figures).
  await expect(page.getByTestId('collapse-announcement')).toHaveText(`Collapsed at step ${collapsedAt}: every image maps to nearly the same point.`);
  expect(errors).toEqual([]);
});
