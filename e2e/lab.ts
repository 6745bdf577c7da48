import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import { EASE_MS } from '../src/ui/sphere/motion';

/** Collects console errors and uncaught page errors, to assert a clean page. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

export async function readNumber(page: Page | Locator, testId: string): Promise<number> {
  return Number((await page.getByTestId(testId).textContent())?.trim());
}

/** Waits for the worker to finish loading data and building the model. */
export async function waitUntilReady(page: Page): Promise<void> {
  await expect(page.getByRole('button', { name: 'Start', exact: true }).or(page.getByRole('button', { name: 'Pause', exact: true }))).toBeEnabled();
  await expect(page.getByTestId('backend')).not.toHaveText(/starting/);
}

/** Waits for the first snapshot's points on the sphere. */
export async function waitForPoints(page: Page): Promise<void> {
  await waitUntilReady(page);
  await expect(page.getByTestId('collapse-std-scaled')).not.toHaveText(/—/);
}

/**
 * Presses Pause and waits until the worker has stopped: once the step in flight (and its snapshot, if it
 * takes one) is done, the worker's last progress report says 0 steps/s, with the step it stopped at.
 * Returns that step. For a single run that has trained a few steps (Steps/s above 0).
 */
export async function pauseTraining(page: Page): Promise<number> {
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Start', exact: true })).toBeEnabled();
  await expect(page.getByTestId('steps-per-sec')).toHaveText('0.0');
  return readNumber(page, 'step');
}

/**
 * A screenshot once the picture is at rest: two screenshots EASE_MS apart alike (a new snapshot's
 * points ease into place over EASE_MS, so two alike that far apart are not both mid-ease). Fails
 * after `timeout` ms of a picture that keeps changing.
 */
export async function settledShot(target: Locator, timeout = 30_000): Promise<Buffer> {
  const shots: Buffer[] = []; // the last two
  await expect
    .poll(
      async () => {
        shots.push(await target.screenshot());
        if (shots.length > 2) shots.shift();
        return shots.length === 2 && shots[0]!.equals(shots[1]!);
      },
      { message: `The picture kept changing for ${timeout / 1000} s: it never settled.`, timeout, intervals: [EASE_MS] },
    )
    .toBe(true);
  return shots[1]!;
}

/** How many of the canvases `images` holds draw colour: a pixel whose channels differ by more than 40. */
export function colourfulImages(images: Locator): Promise<number> {
  return images.evaluateAll(
    (canvases) =>
      canvases.filter((canvas) => {
        const element = canvas as HTMLCanvasElement;
        const { data } = element.getContext('2d')!.getImageData(0, 0, element.width, element.height);
        for (let i = 0; i < data.length; i += 4) if (Math.max(data[i]!, data[i + 1]!, data[i + 2]!) - Math.min(data[i]!, data[i + 1]!, data[i + 2]!) > 40) return true;
        return false;
      }).length,
  );
}

/** A signature of the "What the model sees" strip's pixels, to see a new strip arrive. */
export function stripSignature(page: Page): Promise<string> {
  return page
    .getByRole('list', { name: 'Examples' })
    .getByRole('img')
    .evaluateAll((canvases) => canvases.map((canvas) => (canvas as HTMLCanvasElement).toDataURL()).join());
}

/**
 * Where a point is drawn on the settled sphere, in page coordinates: the most colourful pixel where the
 * canvas itself is on top (not the toolbar or the legend over it). The shell, grid and density shading
 * are grey-blue, so that pixel is a point's; pair lines must be off, as their arcs carry the class colours.
 */
export async function aDrawnPoint(canvas: Locator): Promise<{ x: number; y: number }> {
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

/** axe-core's serious and critical violations on the page as it is now, each as "rule: the elements". */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}
