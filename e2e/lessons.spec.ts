import { expect, type Locator, test } from '@playwright/test';
import { readNumber, waitUntilReady, watchErrors } from './lab';

test('a lesson loads its preset, shows its text, and its runs switch the controls and train', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await waitUntilReady(page);
  await page.getByText('Lessons', { exact: true }).click();

  await page.getByRole('button', { name: 'SwAV: equal shares with Sinkhorn' }).click();
  const lesson = page.getByRole('article', { name: 'SwAV: equal shares with Sinkhorn' });
  await expect(lesson).toContainText('What to watch for');
  await expect(lesson).toContainText('Unsupervised Learning of Visual Features by Contrasting Cluster Assignments');
  await expect(page.getByLabel('Method')).toHaveValue('swav');
  await expect(page.getByRole('switch', { name: 'Sinkhorn' })).toBeChecked();
  await expect(lesson.getByRole('button', { name: 'Run with Sinkhorn' })).toHaveAttribute('aria-pressed', 'true');

  await lesson.getByRole('button', { name: 'Run without Sinkhorn' }).click();
  await expect(page.getByRole('switch', { name: 'Sinkhorn' })).not.toBeChecked();
  await expect(lesson.getByRole('button', { name: 'Run without Sinkhorn' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
  await expect.poll(() => readNumber(page, 'step')).toBeGreaterThan(3);
  expect(new URL(page.url()).hash).toBe('#v=1&method=swav&sinkhorn=false');
  if (process.env.SCREENSHOTS) await page.screenshot({ path: `${process.env.SCREENSHOTS}/lessons.png`, fullPage: true });
  expect(errors).toEqual([]);
});

test('“What uniformity buys” opens random init, Supervised and SimCLR side by side at d = 2; Start trains the two that learn', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await waitUntilReady(page);
  await page.getByText('Lessons', { exact: true }).click();
  await page.getByRole('button', { name: 'What uniformity buys: random, supervised, contrastive' }).click();

  const runs = ['Random init', 'Supervised', 'SimCLR'].map((method, i) => page.getByRole('region', { name: `Run ${'ABC'[i]}: ${method}` }));
  for (const run of runs) await expect(run.getByTestId('sphere-canvas')).toBeVisible();
  await expect.poll(() => new URL(page.url()).hash).toBe('#v=1&compare=3&method=random&dim=2&B.method=supervised&C.method=simclr');
  // The lesson's text stays above its runs: what to watch for in view, the explanation folded.
  const lesson = page.getByRole('region', { name: 'The lesson of these runs' });
  await expect(lesson).toContainText('What uniformity buys: random, supervised, contrastive');
  await expect(lesson).toContainText('What to watch for');
  await expect(lesson).toContainText('Understanding Contrastive Representation Learning through Alignment and Uniformity on the Hypersphere');

  const [random, supervised, simclr] = runs as [Locator, Locator, Locator];
  const start = page.getByRole('button', { name: 'Start', exact: true });
  await expect(start).toBeEnabled();
  await start.click();
  await expect.poll(() => readNumber(supervised, 'step')).toBeGreaterThan(3);
  await expect.poll(() => readNumber(simclr, 'step')).toBeGreaterThan(3);
  // Random init trains nothing: its figures stay those of step 0.
  await expect(random.getByTestId('step')).toHaveText('0');
  await expect(page.getByTestId('chart-pair-distances')).toBeVisible();
  if (process.env.SCREENSHOTS) await page.screenshot({ path: `${process.env.SCREENSHOTS}/lesson-uniformity.png`, fullPage: true });
  expect(errors).toEqual([]);
});

test('“Colour is a shortcut” opens SimCLR on Shapes & colours with and without the colour augmentations, side by side', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await waitUntilReady(page);
  await page.getByText('Lessons', { exact: true }).click();
  await page.getByRole('button', { name: 'Colour is a shortcut' }).click();

  await expect(page.getByTestId('sphere-canvas')).toHaveCount(2);
  await expect.poll(() => new URL(page.url()).hash).toBe('#v=1&compare=2&method=simclr&dataset=shapes-colours&B.jitterProb=0&B.greyProb=0');
  await expect(page.getByRole('region', { name: 'The lesson of these runs' })).toContainText('Colour the points by the image’s colour');
  const runs = page.locator('.compare-run');
  // Each run can colour its points by the image's own colour, the lesson's second look.
  for (const run of await runs.all()) await expect(run.getByLabel('Colour points by')).toBeVisible();
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  for (const run of await runs.all()) await expect(run.getByTestId('step')).toHaveText('1');
  expect(errors).toEqual([]);
});
