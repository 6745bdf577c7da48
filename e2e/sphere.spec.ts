import { expect, type Locator, test } from '@playwright/test';
import { aDrawnPoint, settledShot, stripSignature, waitForPoints, waitUntilReady, watchErrors } from './lab';

/** Toggling `control` changes the sphere's picture, and toggling it back restores it. */
async function expectToggleChangesPicture(canvas: Locator, control: Locator): Promise<void> {
  const before = await settledShot(canvas);
  await control.click();
  await expect.poll(async () => (await settledShot(canvas)).equals(before)).toBe(false);
  await control.click();
  await expect.poll(async () => (await settledShot(canvas)).equals(before)).toBe(true);
}

test('pair lines, density and the class filter change the sphere; a point shows its card', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await waitForPoints(page);
  const canvas = page.getByTestId('sphere-canvas');

  await expectToggleChangesPicture(canvas, page.getByRole('switch', { name: 'Pair lines' }));
  await expectToggleChangesPicture(canvas, page.getByRole('switch', { name: 'Density' }));

  const trouser = page.getByRole('button', { name: 'Trouser' });
  await expect(trouser).toHaveAttribute('aria-pressed', 'true');
  const all = await settledShot(canvas);
  await trouser.click();
  await expect(trouser).toHaveAttribute('aria-pressed', 'false');
  await expect.poll(async () => (await settledShot(canvas)).equals(all)).toBe(false);
  await page.getByRole('button', { name: 'All' }).click();
  await expect(trouser).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(async () => (await settledShot(canvas)).equals(all)).toBe(true);

  await expect(page.getByRole('img', { name: /The angle of coordinates x1 and x2/ })).toBeVisible();

  // Point at a dot: its card opens.
  await page.getByRole('switch', { name: 'Pair lines' }).click();
  const point = await aDrawnPoint(canvas);
  await page.mouse.move(point.x, point.y);
  const card = page.getByRole('tooltip');
  await expect(card).toBeVisible();
  const classNames = await page.getByRole('list', { name: 'Classes' }).getByRole('button').allTextContents();
  await expect(card.locator('.point-card-class')).toHaveText(new RegExp(`^(${classNames.map((name) => name.replace('/', '\\/')).join('|')})$`));
  await expect(card.getByRole('img')).toHaveCount(6); // the point and its five nearest neighbours
  await page.keyboard.press('Escape');
  await expect(card).toBeHidden();
  expect(errors).toEqual([]);
});

test('"What the model sees" shows examples and draws new ones on request and when a strength changes', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await waitUntilReady(page);
  const images = page.getByRole('list', { name: 'Examples' }).getByRole('img');
  await expect(images).toHaveCount(24); // 8 images, each with two views

  const first = await stripSignature(page);
  await page.getByRole('button', { name: 'New examples' }).click();
  await expect.poll(() => stripSignature(page)).not.toBe(first);

  const second = await stripSignature(page);
  await page.getByText('Augmentations', { exact: true }).click();
  const noise = page.getByLabel('Noise σ');
  await noise.fill('0.3');
  await noise.press('Enter');
  await expect.poll(() => stripSignature(page)).not.toBe(second);
  expect(errors).toEqual([]);
});

test('where a worker cannot draw WebGL, the sphere is drawn in the page, exports, and survives a lost context', async ({ page }) => {
  const errors = watchErrors(page);
  await page.addInitScript(() => {
    delete (HTMLCanvasElement.prototype as Partial<HTMLCanvasElement>).transferControlToOffscreen;
  });
  await page.goto('/');
  await waitForPoints(page);
  expect(page.workers().filter((worker) => worker.url().includes('sphere.worker'))).toHaveLength(0);
  await expectToggleChangesPicture(page.getByTestId('sphere-canvas'), page.getByRole('switch', { name: 'Density' }));

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Sphere PNG' }).click();
  const chunks: Buffer[] = [];
  for await (const chunk of await (await download).createReadStream()) chunks.push(chunk as Buffer);
  const png = Buffer.concat(chunks);
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  // 2,000 coloured points and the shading: far more than a blank frame's few hundred bytes.
  expect(png.length).toBeGreaterThan(10_000);

  // A lost WebGL context (here forced; in life a GPU reset) is said, and the sphere returns with it.
  const canvas = page.getByTestId('sphere-canvas');
  const drawn = await settledShot(canvas);
  await page.evaluate(() => {
    const gl = document.querySelector<HTMLCanvasElement>('[data-testid="sphere-canvas"]')!.getContext('webgl2')!;
    (window as unknown as { loseContext: WEBGL_lose_context }).loseContext = gl.getExtension('WEBGL_lose_context')!;
    (window as unknown as { loseContext: WEBGL_lose_context }).loseContext.loseContext();
  });
  await expect(page.getByRole('status').filter({ hasText: 'The graphics context was lost' })).toBeVisible();
  const framesBefore = Number(await canvas.getAttribute('data-frames-drawn'));
  await page.evaluate(() => (window as unknown as { loseContext: WEBGL_lose_context }).loseContext.restoreContext());
  await expect(page.getByRole('status').filter({ hasText: 'The graphics context was lost' })).toHaveCount(0);
  // Drawn again on the new context, not a stale picture.
  await expect.poll(async () => Number(await canvas.getAttribute('data-frames-drawn'))).toBeGreaterThan(framesBefore);
  await expect.poll(async () => (await settledShot(canvas)).equals(drawn)).toBe(true);
  expect(errors).toEqual([]);
});
