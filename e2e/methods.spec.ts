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
  await waitUntilReady(page);
  await page.getByRole('button', { name: 'Start' }).click();
  await expect.poll(() => readNumber(page, 'step')).toBeGreaterThan(10);
  expect(Number.isFinite(await readNumber(page, 'loss'))).toBe(true);
  await expect(page.getByTestId('collapse-std-scaled')).not.toHaveText(/—/);
  expect(errors).toEqual([]);
});
