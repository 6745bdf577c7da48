/** Colour end to end: the Shapes & colours dataset trains in colour; the preview and the point card draw colour. */
import { expect, test } from '@playwright/test';
import { aDrawnPoint, colourfulImages, settledShot, waitForPoints, waitUntilReady, watchErrors } from './lab';

test('Shapes & colours trains in colour: the preview and the point card show colour; the colour settings act on it, not on grey images', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await waitUntilReady(page);
  await page.getByText('Augmentations', { exact: true }).click();
  const hue = page.getByLabel('Hue jitter');
  await expect(hue).toBeDisabled();
  await expect(page.getByText('Acts on colour images only: these images are grey.')).toHaveCount(3);
  await expect(page.getByRole('switch', { name: 'Train in grey' })).toBeDisabled();

  await page.getByLabel('Dataset').selectOption('shapes-colours');
  await waitForPoints(page);
  await expect(hue).toBeEnabled();
  await expect(page.getByRole('list', { name: 'Classes' }).getByRole('button')).toContainText(['circle', 'square', 'triangle']);
  // The strip: each image and its two views, in colour (8 images, some views may be turned grey).
  const strip = page.getByRole('list', { name: 'Examples' }).getByRole('img');
  await expect(strip).toHaveCount(24);
  await expect.poll(() => colourfulImages(strip)).toBeGreaterThanOrEqual(8);

  // Coloured by their images' colours, the points change colour.
  const canvas = page.getByTestId('sphere-canvas');
  const byClass = await settledShot(canvas);
  const colourBy = page.getByLabel('Colour points by');
  await colourBy.selectOption('image');
  await expect.poll(async () => (await settledShot(canvas)).equals(byClass)).toBe(false);
  await colourBy.selectOption('class');

  // Point at a dot: its card shows the point's image and its neighbours' in colour.
  await page.getByRole('switch', { name: 'Pair lines' }).click();
  const point = await aDrawnPoint(canvas);
  await page.mouse.move(point.x, point.y);
  const card = page.getByRole('tooltip');
  await expect(card).toBeVisible();
  await expect(card.getByRole('img')).toHaveCount(6);
  await expect.poll(() => colourfulImages(card.getByRole('img'))).toBe(6);
  await page.keyboard.press('Escape');

  // Trained in grey, the colour settings do nothing: they say why.
  await page.getByRole('switch', { name: 'Train in grey' }).click();
  await waitForPoints(page);
  await expect(hue).toBeDisabled();
  await expect(page.getByText('Acts on colour images only: "Train in grey" is on.')).toHaveCount(3);
  await expect.poll(() => colourfulImages(strip)).toBe(0);
  expect(errors).toEqual([]);
});
