import { expect, test } from '@playwright/test';
import { readNumber, waitUntilReady, watchErrors } from './lab';

test('switching method shows that method’s switches and trains it', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await waitUntilReady(page);
  const method = page.getByLabel('Method');

  await method.selectOption({ label: 'SimCLR' });
  await expect(page.getByRole('switch', { name: 'Negatives' })).toBeVisible();
  await expect(page.getByLabel('Temperature')).toHaveValue('0.5');
  await expect(page.getByRole('switch', { name: 'Predictor' })).toHaveCount(0);

  await method.selectOption({ label: 'SwAV' });
  await expect(page.getByRole('switch', { name: 'Sinkhorn' })).toBeVisible();
  await expect(page.getByLabel('Prototypes K')).toHaveValue('32');
  await expect(page.getByLabel('Temperature')).toHaveValue('0.1');

  await method.selectOption({ label: 'BYOL' });
  await expect(page.getByLabel('EMA momentum τ')).toHaveValue('0.99');
  await expect(page.getByRole('switch', { name: 'Predictor' })).toBeVisible();
  // BYOL's stop-gradient acts only without an EMA target: disabled at τ = 0.99, with the reason as its description.
  const stopGrad = page.getByRole('switch', { name: 'Stop-gradient' });
  await expect(stopGrad).toBeDisabled();
  await expect(stopGrad).toHaveAccessibleDescription(/Acts only at EMA momentum τ = 0/);
  await page.getByLabel('EMA momentum τ').fill('0');
  await page.getByLabel('EMA momentum τ').press('Enter');
  await expect(stopGrad).toBeEnabled();
  await expect(page.getByLabel('Momentum schedule')).toBeDisabled();
  await page.getByLabel('EMA momentum τ').fill('0.99');
  await page.getByLabel('EMA momentum τ').press('Enter');
  await expect(stopGrad).toBeDisabled();
  await waitUntilReady(page);
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect.poll(() => readNumber(page, 'step')).toBeGreaterThan(10);
  expect(Number.isFinite(await readNumber(page, 'loss'))).toBe(true);
  await expect(page.getByTestId('collapse-std-scaled')).not.toHaveText(/—/);
  expect(errors).toEqual([]);
});

test('the redundancy-reduction methods show their terms, and a weight whose term is off is disabled with the reason', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await waitUntilReady(page);
  const method = page.getByLabel('Method');

  await method.selectOption({ label: 'Barlow Twins' });
  await expect(page.getByRole('switch', { name: 'Off-diagonal term' })).toBeChecked();
  await expect(page.getByLabel('Off-diagonal weight λ')).toHaveValue('0.05');
  await page.getByRole('switch', { name: 'Off-diagonal term' }).uncheck();
  await expect(page.getByLabel('Off-diagonal weight λ')).toBeDisabled();
  await expect.poll(() => new URL(page.url()).hash).toBe('#v=1&method=barlow-twins&offDiagonal=false');

  await method.selectOption({ label: 'VICReg' });
  // "Variance term" is also part of "Covariance term": exact names.
  for (const term of ['Invariance term', 'Variance term', 'Covariance term']) await expect(page.getByRole('switch', { name: term, exact: true })).toBeChecked();
  await expect(page.getByLabel('Covariance weight', { exact: true })).toHaveValue('1');
  const varianceWeight = page.getByLabel('Variance weight', { exact: true });
  await expect(varianceWeight).toHaveValue('25');
  await page.getByRole('switch', { name: 'Variance term', exact: true }).uncheck();
  await expect(varianceWeight).toBeDisabled();
  await expect(varianceWeight).toHaveAccessibleDescription(/Acts only with the variance term on/);
  await expect(page.getByLabel('Covariance weight', { exact: true })).toBeEnabled();
  await waitUntilReady(page);
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect.poll(() => readNumber(page, 'step')).toBeGreaterThan(10);
  expect(Number.isFinite(await readNumber(page, 'loss'))).toBe(true);
  expect(errors).toEqual([]);
});

test('the two baselines: Random init shows the initialised network and cannot be started; Supervised trains', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await waitUntilReady(page);
  const method = page.getByLabel('Method');

  await method.selectOption({ label: 'Random init' });
  await expect(page.getByTestId('untrained-note')).toContainText('Random init trains nothing');
  // Its one snapshot, at step 0, is measured like any other (the sphere's spread, kNN on z and h); waitUntilReady
  // waits for an enabled Start, which this run never has.
  await expect(page.getByTestId('metric-knn-z')).toBeVisible({ timeout: 120_000 });
  await expect(page.getByTestId('collapse-std-scaled')).not.toHaveText(/—/);
  await expect(page.getByRole('button', { name: 'Start', exact: true })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Step', exact: true })).toBeDisabled();
  expect(await readNumber(page, 'step')).toBe(0);

  await method.selectOption({ label: 'Supervised' });
  await waitUntilReady(page);
  await expect(page.getByTestId('untrained-note')).toHaveCount(0);
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect.poll(() => readNumber(page, 'step')).toBeGreaterThan(10);
  expect(Number.isFinite(await readNumber(page, 'loss'))).toBe(true);
  expect(errors).toEqual([]);
});
