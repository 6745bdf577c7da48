import { expect, type Page, test } from '@playwright/test';
import { readNumber, waitUntilReady, watchErrors } from './lab';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

/** The link the Copy link button produced: from the clipboard, or from the fallback field. */
async function copiedLink(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Copy link' }).click();
  const field = page.getByRole('textbox', { name: 'Link to this experiment' });
  await expect(page.getByRole('button', { name: 'Copied' }).or(field)).toBeVisible();
  if (await field.isVisible()) return field.inputValue();
  return page.evaluate(() => navigator.clipboard.readText());
}

test('a link opens its settings and trains; changes rewrite the link; Copy link reopens the same state', async ({ page, context }) => {
  const errors = watchErrors(page);
  await page.goto('/#v=1&method=byol&momentum=0.9&predictor=false&seed=7&autoplay=1');
  await expect(page.getByLabel('Method')).toHaveValue('byol');
  await expect(page.getByLabel('EMA momentum τ')).toHaveValue('0.9');
  await expect(page.getByRole('switch', { name: 'Predictor' })).not.toBeChecked();
  await expect(page.getByLabel('Seed')).toHaveValue('7');
  await expect.poll(() => readNumber(page, 'step')).toBeGreaterThan(3);

  const historyLength = await page.evaluate(() => history.length);
  await page.getByLabel('Seed').fill('8');
  await page.getByLabel('Seed').press('Enter');
  await expect.poll(() => new URL(page.url()).hash).toBe('#v=1&method=byol&seed=8&predictor=false&momentum=0.9&autoplay=1');
  expect(await page.evaluate(() => history.length)).toBe(historyLength);

  const link = await copiedLink(page);
  expect(link).toBe(page.url());
  const reopened = await context.newPage();
  await reopened.goto(link);
  await waitUntilReady(reopened);
  await expect(reopened.getByLabel('Method')).toHaveValue('byol');
  await expect(reopened.getByLabel('Seed')).toHaveValue('8');
  await expect(reopened.getByLabel('EMA momentum τ')).toHaveValue('0.9');
  await expect(reopened.getByRole('switch', { name: 'Predictor' })).not.toBeChecked();
  await reopened.close();
  expect(errors).toEqual([]);
});

test('the same link trains the same trajectory: equal loss and collapse std after the same steps', async ({ browser }) => {
  const link = '/#v=1&method=simsiam&seed=11&batch=64&steps=6&evalEvery=6&autoplay=1';
  const finish = async () => {
    const page = await browser.newPage();
    await page.goto(link);
    await expect(page.getByTestId('run-note')).toContainText('Finished');
    const figures = [await page.getByTestId('loss').textContent(), await page.getByTestId('collapse-std').textContent()];
    await page.close();
    return figures;
  };
  const first = await finish();
  expect(first[0]).toMatch(/\d/);
  expect(await finish()).toEqual(first);
});

test('a hostile link shows plain-text notices, injects nothing, and the page still trains', async ({ page }) => {
  const errors = watchErrors(page);
  page.on('dialog', (dialog) => {
    errors.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  const junk = '&x=%E0%A4%A'.repeat(600); // past the 4 KB cut
  await page.goto(`/#autoplay=1&method=<img src=x onerror=alert(1)>&seed=<script>alert(2)</script>&seed=5&dim=1e9&batch=NaN&=7${junk}`);
  const notices = page.getByRole('region', { name: 'Notices' });
  await expect(notices).toContainText('method: "<img src=x onerror=alert(1)>" is not one of');
  await expect(notices).toContainText('"seed" is given 2 times');
  await expect(notices).toContainText('only the first 4,096 were read');
  await expect(page.locator('img[src="x"], main script')).toHaveCount(0);
  await expect(page.getByLabel('Output dimension')).toHaveValue('128');
  await expect(page.getByLabel('Seed')).toHaveValue('5');
  // The address bar now holds the safe, canonical link.
  expect(new URL(page.url()).hash).toBe('#v=1&method=simsiam&seed=5&dim=128&autoplay=1');
  await expect.poll(() => readNumber(page, 'step')).toBeGreaterThan(3);
  expect(errors).toEqual([]);
});

test('settings export to a JSON file and import back, a bad file applying nothing', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/#method=swav&seed=3');
  await waitUntilReady(page);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export settings' }).click();
  const file = await (await download).createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of file) chunks.push(chunk as Buffer);
  const exported = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  expect(exported).toMatchObject({ version: 1, config: { method: 'swav', seed: 3, temperature: 0.1 } });

  const importInput = page.getByLabel('Import settings');
  await importInput.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"version":1,') });
  await expect(page.getByRole('region', { name: 'Notices' })).toContainText('The file is not valid JSON. Nothing was imported.');
  await expect(page.getByLabel('Method')).toHaveValue('swav');

  const lesson = { version: 1, config: { method: 'simclr', negatives: false, seed: 12, colour: 'red' } };
  await importInput.setInputFiles({ name: 'simclr.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(lesson)) });
  await expect(page.getByLabel('Method')).toHaveValue('simclr');
  await expect(page.getByRole('switch', { name: 'Negatives' })).not.toBeChecked();
  await expect(page.getByLabel('Seed')).toHaveValue('12');
  await expect(page.getByRole('region', { name: 'Notices' })).toContainText('Unknown setting "colour" ignored.');
  expect(errors).toEqual([]);
});

test('Open in PyTorch downloads run.py with the method and the settings on show', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/#method=simclr&negatives=false&seed=4');
  await waitUntilReady(page);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Open in PyTorch' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('run.py');
  const chunks: Buffer[] = [];
  for await (const chunk of await file.createReadStream()) chunks.push(chunk as Buffer);
  const script = Buffer.concat(chunks).toString('utf8');
  expect(script).toContain("METHOD = 'simclr'");
  expect(script).toContain("'negatives': False,");
  expect(script).toContain("'seed': 4,");
  expect(script).toContain('def nt_xent(');
  expect(errors).toEqual([]);
});

test('classroom mode hides the chosen controls; embed mode shows only the sphere and Start/Pause', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/#classroom=1&hide=seed,dataset,lessons,share');
  await waitUntilReady(page);
  await expect(page.locator('html')).toHaveClass(/classroom/);
  await expect(page.getByLabel('Method')).toBeVisible();
  await expect(page.getByLabel('Seed')).toHaveCount(0);
  await expect(page.getByLabel('Dataset')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Your images' })).toHaveCount(0);
  await expect(page.getByText('Lessons', { exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Copy link' })).toHaveCount(0);
  if (process.env.SCREENSHOTS) await page.screenshot({ path: `${process.env.SCREENSHOTS}/classroom.png` });

  await page.goto('about:blank'); // a hash-only change would not reload the page
  await page.goto('/#embed=1&method=simclr');
  await expect(page.getByRole('button', { name: 'Start', exact: true })).toBeEnabled();
  await expect(page.getByTestId('sphere-canvas')).toBeVisible();
  for (const control of [page.getByRole('button', { name: 'Step', exact: true }), page.getByLabel('Method'), page.getByRole('button', { name: 'Copy link' })]) {
    await expect(control).toHaveCount(0);
  }
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
  if (process.env.SCREENSHOTS) await page.screenshot({ path: `${process.env.SCREENSHOTS}/embed.png` });
  expect(errors).toEqual([]);
});
