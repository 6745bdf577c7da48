import { expect, type Page, test } from '@playwright/test';
import { settledShot, watchErrors } from './lab';

/** A tablet either way round and a phone. */
const sizes = [
  { width: 1024, height: 768 },
  { width: 768, height: 1024 },
  { width: 390, height: 844 },
] as const;

/** Each page mode, with the blocks that must not overlap (the sphere stage's overlays among them) and where Start is. */
const modes = [
  { name: 'the lab', hash: '', blocks: ['.app-header h1', '.shortcuts-button', '.workspace-run', '.controls', '.sphere-panel', '.sphere-toolbar', '.legend', '.sphere-hint'] },
  { name: 'classroom', hash: '#v=1&classroom=1', blocks: ['.app-header h1', '.shortcuts-button', '.workspace-run', '.controls', '.sphere-panel', '.sphere-toolbar', '.legend', '.sphere-hint'] },
  { name: 'embed', hash: '#v=1&embed=1', blocks: ['.sphere-toolbar', '.legend', '.sphere-hint', '.embed-bar'] },
  { name: 'compare', hash: '#v=1&compare=stopGrad', blocks: ['.app-header h1', '.shortcuts-button', '.compare-bar', '.compare-run', '.sphere-toolbar', '.legend', '.sphere-hint'] },
] as const;

/** The pairs among `selectors`' elements whose boxes overlap, and the stage overlays reaching outside their stage. */
function layoutFaults(page: Page, selectors: readonly string[]): Promise<string[]> {
  return page.evaluate((selectors) => {
    const faults: string[] = [];
    const boxes = selectors.flatMap((selector) =>
      [...document.querySelectorAll(selector)].map((element, index) => ({ name: `${selector}#${index}`, element, box: element.getBoundingClientRect() })),
    );
    const overlap = (a: DOMRect, b: DOMRect) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        if (!a.element.contains(b.element) && !b.element.contains(a.element) && overlap(a.box, b.box)) faults.push(`${a.name} overlaps ${b.name}`);
      }
    }
    for (const overlay of document.querySelectorAll('.sphere-toolbar, .legend')) {
      const inner = overlay.getBoundingClientRect();
      const stage = overlay.closest('.sphere-stage')!.getBoundingClientRect();
      if (inner.left < stage.left || inner.right > stage.right || inner.top < stage.top || inner.bottom > stage.bottom) faults.push(`${overlay.className} is cut off`);
    }
    if (document.documentElement.scrollWidth > window.innerWidth) faults.push(`the page scrolls sideways (${document.documentElement.scrollWidth} px)`);
    return faults;
  }, selectors);
}

test('at 1024×768, 768×1024 and 390×844 every mode fits: nothing cut off or overlapping, Start in the first screen, the sphere first', async ({ page }) => {
  const errors = watchErrors(page);
  for (const mode of modes) {
    await page.goto(`/${mode.hash}`);
    // The legend's classes come with the data: the layout is complete once they show.
    await expect(page.getByRole('button', { name: 'Trouser' }).first()).toBeVisible();
    for (const size of sizes) {
      await page.setViewportSize(size);
      await expect.poll(() => layoutFaults(page, mode.blocks), { message: `${mode.name} at ${size.width}×${size.height}`, timeout: 10_000 }).toEqual([]);
      const start = (await page.getByRole('button', { name: 'Start', exact: true }).boundingBox())!;
      expect(start.y + start.height, `${mode.name} at ${size.width}×${size.height}: Start in the first screen`).toBeLessThanOrEqual(size.height);
      if (mode.name === 'the lab') {
        const sphere = (await page.locator('.sphere-panel').boundingBox())!;
        const controls = (await page.getByRole('complementary', { name: 'Controls' }).boundingBox())!;
        // One column below 820 px: the sphere above the settings; two columns: the sphere on the right.
        expect(size.width <= 820 ? sphere.y < controls.y : sphere.x > controls.x).toBe(true);
        if (process.env.SCREENSHOTS) {
          // SCREENSHOTS=docs writes the README's layout pictures, once the first snapshot's points have eased in.
          await expect(page.getByTestId('collapse-std-scaled')).not.toHaveText(/—/);
          await settledShot(page.getByTestId('sphere-canvas'));
          await page.screenshot({ path: `${process.env.SCREENSHOTS}/layout-${size.width}x${size.height}.png` });
        }
      }
    }
  }
  expect(errors).toEqual([]);
});
