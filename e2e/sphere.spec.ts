import { expect, type Locator, type Page, test } from '@playwright/test';
import { settledShot, stripSignature, waitUntilReady, watchErrors } from './lab';

/** Waits for the first snapshot's points on the sphere. */
async function waitForPoints(page: Page): Promise<void> {
  await waitUntilReady(page);
  await expect(page.getByTestId('collapse-std-scaled')).not.toHaveText(/—/);
}

/** Toggling `control` changes the sphere's picture, and toggling it back restores it. */
async function expectToggleChangesPicture(canvas: Locator, control: Locator): Promise<void> {
  const before = await settledShot(canvas);
  await control.click();
  await expect.poll(async () => (await settledShot(canvas)).equals(before)).toBe(false);
  await control.click();
  await expect.poll(async () => (await settledShot(canvas)).equals(before)).toBe(true);
}

/**
 * Where a point is drawn on the settled sphere, in page coordinates: the most colourful pixel where the
 * canvas itself is on top (not the toolbar or the legend over it). The shell, grid and density shading
 * are grey-blue, so that pixel is a point's; pair lines must be off, as their arcs carry the class colours.
 */
async function aDrawnPoint(canvas: Locator): Promise<{ x: number; y: number }> {
  const shot = await settledShot(canvas);
  const box = (await canvas.boundingBox())!;
  return canvas.evaluate(
    async (element, { png, box }) => {
      // Decoded from bytes: the page's Content-Security-Policy does not let it fetch data: URLs.
      const bytes = Uint8Array.from(atob(png), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const context = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
      const chroma = Uint8Array.from({ length: bitmap.width * bitmap.height }, (_, pixel) => {
        const [r, g, b] = data.subarray(pixel * 4, pixel * 4 + 3);
        return Math.max(r!, g!, b!) - Math.min(r!, g!, b!);
      });
      const byChroma = Array.from(chroma.keys()).sort((a, b) => chroma[b]! - chroma[a]!);
      for (const pixel of byChroma) {
        const x = box.x + ((pixel % bitmap.width) + 0.5) * (box.width / bitmap.width);
        const y = box.y + (Math.floor(pixel / bitmap.width) + 0.5) * (box.height / bitmap.height);
        if (document.elementFromPoint(x, y) === element) return { x, y };
      }
      throw new Error('No pixel of the sphere canvas is on top.');
    },
    { png: shot.toString('base64'), box },
  );
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

  await expect(page.getByRole('img', { name: /Per-class density of the angle/ })).toBeVisible();

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
