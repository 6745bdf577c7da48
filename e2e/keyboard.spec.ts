import { expect, type Page, test } from '@playwright/test';
import { readNumber, seriousAxeViolations, stripSignature, waitForPoints, waitUntilReady, watchErrors } from './lab';

/**
 * Tabs through the whole page from the top: every visible, enabled control must be reached, each once. Returns
 * the controls' names in the order Tab reached them.
 */
async function tabOrder(page: Page): Promise<string[]> {
  const controls = await page.evaluate(() => {
    const selector = 'button, input, select, textarea, summary, a[href], [tabindex="0"]';
    const all = [...document.querySelectorAll<HTMLElement>(selector)].filter(
      (element) => element.checkVisibility() && !(element as HTMLButtonElement).disabled && element.tabIndex >= 0,
    );
    all.forEach((element, index) => (element.dataset.tabProbe = String(index)));
    return all.length;
  });
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const reached: string[] = [];
  const names: string[] = [];
  for (let presses = 0; presses <= controls + 1 && reached.length < controls; presses++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement;
      const shown = element.cloneNode(true) as HTMLElement; // its text without the decorations screen readers skip
      shown.querySelectorAll('[aria-hidden="true"]').forEach((decoration) => decoration.remove());
      const label = element.getAttribute('aria-label') ?? (element as HTMLInputElement).labels?.[0]?.textContent ?? shown.textContent;
      return { probe: element.dataset.tabProbe ?? null, name: label?.trim().slice(0, 40) ?? element.tagName };
    });
    if (focused.probe === null || reached.includes(focused.probe)) continue;
    reached.push(focused.probe);
    names.push(focused.name);
  }
  expect(reached.length, `Tab reached ${reached.length} of ${controls} controls`).toBe(controls);
  return names;
}

/** Where the keyboard focus is, so that keys go to the page rather than a control. */
async function focusNothing(page: Page): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

test('shortcuts train, pause, step, scrub and reset, never while typing; screen readers hear the run sparingly', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await waitForPoints(page);
  await expect(page.getByRole('application', { name: 'Embedding sphere' })).toHaveAccessibleDescription(/^Step 0: 2,000 points .* of 3\. Drag/);

  await focusNothing(page);
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
  await expect(page.getByTestId('figures-announcement')).toHaveText('Training from step 0.');
  await expect.poll(() => readNumber(page, 'step')).toBeGreaterThan(20);
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Start', exact: true })).toBeEnabled();
  await expect(page.getByTestId('steps-per-sec')).toHaveText('0.0');
  const stopped = await readNumber(page, 'step');
  await expect(page.getByTestId('figures-announcement')).toHaveText(/^Paused\. Step \d+: loss −?\d\.\d{3}, collapse std × √d \d\.\d\d, uniformity −\d\.\d\d of −2\.08 best\.$/);
  await expect(page.getByTestId('sphere-description')).toHaveText(new RegExp(`^Step ${stopped}: 2,000 points`));

  // Typed into a field, the keys are the field's: neither Space nor S reaches the runs.
  const seed = page.getByLabel('Seed');
  await seed.focus();
  await page.keyboard.press('s');
  await page.keyboard.press('Space');
  await focusNothing(page);
  await page.keyboard.press('s');
  await expect(page.getByTestId('step')).toHaveText(String(stopped + 1));
  // New examples queue behind anything sent before: once drawn, a step or a start from the field would have shown.
  const strip = await stripSignature(page);
  await page.getByRole('button', { name: 'New examples' }).click();
  await expect.poll(() => stripSignature(page)).not.toBe(strip);
  await expect(page.getByTestId('step')).toHaveText(String(stopped + 1));
  await expect(page.getByRole('button', { name: 'Start', exact: true })).toBeVisible();

  // ← → move the timeline when no field has focus; the end is live again.
  await focusNothing(page);
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('timeline-position')).toHaveText(/^Step \d+ of \d+$/);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('timeline-position')).toHaveText(/^Live/);

  await page.keyboard.press('r');
  await expect(page.getByTestId('step')).toHaveText('0');
  expect(errors).toEqual([]);
});

test('Tab reaches every control in order; the shortcuts dialog: opened by its button and by ?, focus kept inside, Escape closes it and focus returns', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await waitUntilReady(page);
  expect(await seriousAxeViolations(page)).toEqual([]);
  // Every control by Tab, in the page's order: the shortcuts, Start/Step/Reset, the sphere and its toolbar, the settings.
  const order = await tabOrder(page);
  const at = (name: string) => order.indexOf(name);
  expect(at('Keyboard shortcuts')).toBe(0);
  expect([at('Start'), at('Step'), at('Reset'), at('Embedding sphere'), at('Pair lines'), at('Method')].every((index, i, all) => index > (all[i - 1] ?? -1))).toBe(true);

  const button = page.getByRole('button', { name: 'Keyboard shortcuts' });
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await button.click();
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('row', { name: 'Space Start or pause training' })).toBeVisible();
  for (const key of ['Tab', 'Tab', 'Shift+Tab']) {
    await page.keyboard.press(key);
    await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  }
  expect(await seriousAxeViolations(page)).toEqual([]);
  // Shortcuts sleep while it is open.
  await page.keyboard.press('s');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(button).toBeFocused();
  await expect(page.getByTestId('step')).toHaveText('0');

  const start = page.getByRole('button', { name: 'Start', exact: true });
  await start.focus();
  await page.keyboard.press('?');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).press('Enter');
  await expect(dialog).toBeHidden();
  await expect(start).toBeFocused();

  // A field takes "?" as typing.
  await page.getByLabel('Seed').press('?');
  await expect(dialog).toBeHidden();
  expect(errors).toEqual([]);
});

test('axe-core finds no serious or critical violation in a lesson or in compare mode', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await waitUntilReady(page);
  await page.getByText('Lessons', { exact: true }).click();
  await page.getByRole('button', { name: 'SwAV: equal shares with Sinkhorn' }).click();
  await expect(page.getByRole('article', { name: 'SwAV: equal shares with Sinkhorn' })).toContainText('What to watch for');
  await waitUntilReady(page);
  expect(await seriousAxeViolations(page)).toEqual([]);

  await page.goto('/#v=1&compare=stopGrad');
  await expect(page.getByTestId('sphere-canvas')).toHaveCount(2);
  await expect(page.getByRole('button', { name: 'Start', exact: true })).toBeEnabled();
  expect(await seriousAxeViolations(page)).toEqual([]);
  expect(errors).toEqual([]);
});
