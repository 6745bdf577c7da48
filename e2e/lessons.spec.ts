import { expect, test } from '@playwright/test';
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
