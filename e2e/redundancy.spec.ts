import { expect, test } from '@playwright/test';
import { readNumber, watchErrors } from './lab';

test('Barlow Twins shows its cross-correlation, VICReg its stds and covariance; other methods neither', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/?backend=wasm#v=1&method=barlow-twins&autoplay=1');
  const crossCorrelation = page.getByRole('img', { name: 'Cross-correlation matrix' });
  // d = 3: a 3 × 3 heatmap, driven toward the identity as training goes.
  await expect(crossCorrelation.locator('rect')).toHaveCount(3 * 3, { timeout: 120_000 });
  await expect.poll(() => readNumber(page, 'step'), { timeout: 120_000 }).toBeGreaterThan(40);
  await expect(page.getByTestId('cross-correlation-figures')).toHaveText(/^diagonal mean 0\.\d\d \(target 1\) · off-diagonal \d+% of the matrix/);
  await expect(page.getByRole('img', { name: 'Std of each dimension' })).toHaveCount(0);

  await page.goto('/?backend=wasm#v=1&method=vicreg&dim=8&autoplay=1');
  await expect(page.getByRole('img', { name: 'Std of each dimension' }).locator('rect')).toHaveCount(8, { timeout: 120_000 });
  await expect(page.getByRole('img', { name: 'Covariance matrix' }).locator('rect')).toHaveCount(8 * 8);
  await expect(page.getByRole('img', { name: 'Cross-correlation matrix' })).toHaveCount(0);

  // Compare mode: the off-diagonal term on and off, each run with its own heatmap.
  await page.goto('/?backend=wasm#v=1&method=barlow-twins&compare=offDiagonal&autoplay=1');
  for (const run of ['A', 'B']) {
    await expect(page.getByTestId(`run-${run}`).getByRole('img', { name: 'Cross-correlation matrix' }).locator('rect')).toHaveCount(9, { timeout: 120_000 });
  }

  await page.goto('/?backend=wasm#v=1&method=simclr');
  await expect(page.getByRole('img', { name: 'Spectrum' })).toBeVisible();
  await expect(page.getByTestId('redundancy-views')).toHaveCount(0);
  expect(errors).toEqual([]);
});
