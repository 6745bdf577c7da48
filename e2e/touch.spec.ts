import { expect, type Locator, type Page, test } from '@playwright/test';
import { LIGHT_EVAL_EVERY } from '../src/ui/deviceDefaults';
import { aDrawnPoint, readNumber, seriousAxeViolations, settledShot, waitForPoints, watchErrors } from './lab';

// A phone: 390 × 844 CSS pixels, a touch screen, a mobile viewport.
test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

type Finger = { x: number; y: number };

/** Fingers put down at `from` on `target` (offsets from its centre), moved to `to` in ten steps and lifted. */
async function touchGesture(page: Page, target: Locator, from: Finger[], to: Finger[]): Promise<void> {
  const box = (await target.boundingBox())!;
  const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  const at = (share: number) =>
    from.map((start, id) => ({
      id,
      x: centre.x + start.x + (to[id]!.x - start.x) * share,
      y: centre.y + start.y + (to[id]!.y - start.y) * share,
    }));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(0) });
  for (let moved = 1; moved <= 10; moved++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(moved / 10) });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

/**
 * The share of the settled canvas that shows the empty stage around the sphere (the colour near its top left
 * corner, inside the stage's rounded one, when `background` is not given): a nearer sphere leaves less of it.
 */
async function emptyShare(canvas: Locator, background?: number[]): Promise<{ share: number; background: number[] }> {
  const png = (await settledShot(canvas)).toString('base64');
  return canvas.evaluate(
    async (_, { png, background }) => {
      const bytes = Uint8Array.from(atob(png), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const context = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
      const corner = (12 * bitmap.width + 12) * 4;
      const empty = background ?? Array.from(data.subarray(corner, corner + 3));
      let count = 0;
      for (let i = 0; i < data.length; i += 4) {
        if ([0, 1, 2].every((channel) => Math.abs(data[i + channel]! - empty[channel]!) <= 6)) count++;
      }
      return { share: count / (bitmap.width * bitmap.height), background: empty };
    },
    { png, background },
  );
}

test('on a phone: no sideways scrolling, a lighter default, Start by touch, one-finger orbit, pinch zoom, a tapped point, the timeline, a lesson', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await waitForPoints(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expect(page.getByRole('region', { name: 'Notices' })).toContainText(`every ${LIGHT_EVAL_EVERY} steps instead of 10`);
  await expect(page.getByLabel('Evaluate every')).toHaveValue(String(LIGHT_EVAL_EVERY));
  // The sphere comes first, the settings after it, and nothing is drawn over the sphere.
  const canvas = page.getByTestId('sphere-canvas');
  const canvasBox = (await canvas.boundingBox())!;
  expect((await page.getByRole('complementary', { name: 'Controls' }).boundingBox())!.y).toBeGreaterThan(canvasBox.y);
  expect((await page.getByRole('group', { name: 'Sphere view' }).boundingBox())!.y).toBeGreaterThanOrEqual(canvasBox.y + canvasBox.height);

  await page.getByRole('button', { name: 'Start', exact: true }).tap();
  await expect.poll(() => readNumber(page, 'step'), { timeout: 120_000 }).toBeGreaterThan(LIGHT_EVAL_EVERY);
  await page.getByRole('button', { name: 'Pause', exact: true }).tap();
  await expect(page.getByTestId('steps-per-sec')).toHaveText('0.0');

  const pairLines = page.getByRole('switch', { name: 'Pair lines' });
  await pairLines.tap();
  await expect(pairLines).not.toBeChecked();

  // Two fingers apart: the sphere comes nearer (and the page itself does not zoom); Reset view takes it back.
  const before = await emptyShare(canvas);
  expect(before.share).toBeGreaterThan(0.2);
  await touchGesture(page, canvas, [{ x: -20, y: 0 }, { x: 20, y: 0 }], [{ x: -60, y: 0 }, { x: 60, y: 0 }]);
  await expect.poll(async () => (await emptyShare(canvas, before.background)).share).toBeLessThan(before.share / 2);
  expect(await page.evaluate(() => window.visualViewport!.scale)).toBe(1);
  await page.getByRole('button', { name: 'Reset view' }).tap();
  await expect.poll(async () => (await emptyShare(canvas, before.background)).share).toBeCloseTo(before.share, 2);
  // One finger turns it.
  const facing = await settledShot(canvas);
  await touchGesture(page, canvas, [{ x: -50, y: 0 }], [{ x: 50, y: 20 }]);
  await expect.poll(async () => (await settledShot(canvas)).equals(facing)).toBe(false);

  // A tap on a point opens its card; it stays open once the finger has lifted.
  const point = await aDrawnPoint(canvas);
  await page.touchscreen.tap(point.x, point.y);
  const card = page.getByRole('tooltip');
  await expect(card).toBeVisible();
  await expect(card.getByRole('img')).toHaveCount(6);

  // The timeline by touch: a tap at the slider's start shows the first snapshot.
  const slider = page.getByRole('slider', { name: 'Timeline' });
  await slider.scrollIntoViewIfNeeded();
  const track = (await slider.boundingBox())!;
  await page.touchscreen.tap(track.x + 4, track.y + track.height / 2);
  await expect(page.getByTestId('timeline-position')).toHaveText(/^Step 0 of \d+/);

  expect(await seriousAxeViolations(page)).toEqual([]);

  // A lesson keeps the lighter cadence: it is how often the lab looks, not part of the experiment.
  await page.getByText('Lessons', { exact: true }).tap();
  await page.getByRole('button', { name: 'SwAV: equal shares with Sinkhorn' }).tap();
  await expect(page.getByLabel('Method')).toHaveValue('swav');
  await expect(page.getByLabel('Evaluate every')).toHaveValue(String(LIGHT_EVAL_EVERY));
  expect(errors).toEqual([]);
});
