import { expect, type Download, type Locator, type Page, test } from '@playwright/test';
import { pauseTraining, readNumber, stripSignature, waitUntilReady, watchErrors } from './lab';

async function downloadedText(download: Promise<Download>): Promise<{ name: string; text: string }> {
  const file = await download;
  const chunks: Buffer[] = [];
  for await (const chunk of await file.createReadStream()) chunks.push(chunk as Buffer);
  return { name: file.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
}

async function download(page: Page, button: Locator): Promise<{ name: string; text: string }> {
  const file = page.waitForEvent('download');
  await button.click();
  return downloadedText(file);
}

const lines = (text: string) => text.split('\n').filter((line) => line !== '');

/** Running workers whose script is `name` (training, or sphere: each sphere draws in a worker of its own). */
function workersNamed(page: Page, name: 'training' | 'sphere'): number {
  return page.workers().filter((worker) => worker.url().includes(`${name}.worker`)).length;
}

/** A run's step counter, in compare mode where each run has its own. */
async function stepOf(run: Locator): Promise<number> {
  return Number(await run.getByTestId('step').textContent());
}

test('compare mode trains two runs side by side, and Single run leaves one worker', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/#v=1&method=simsiam&seed=7');
  await waitUntilReady(page);
  await page.getByLabel('Switch to compare').selectOption('stopGrad');
  await page.getByRole('button', { name: 'Open comparison' }).click();

  await expect.poll(() => new URL(page.url()).hash).toBe('#v=1&compare=stopGrad&method=simsiam&seed=7');
  const runA = page.getByRole('region', { name: 'Run A: Stop-gradient on' });
  const runB = page.getByRole('region', { name: 'Run B: Stop-gradient off' });
  await expect(page.getByTestId('sphere-canvas')).toHaveCount(2);
  await expect(runA.getByTestId('sphere-canvas')).toBeVisible();
  await expect(runB.getByTestId('sphere-canvas')).toBeVisible();
  // The first page's workers are gone: one training worker and one drawing worker per run.
  await expect.poll(() => workersNamed(page, 'training')).toBe(2);
  await expect.poll(() => workersNamed(page, 'sphere')).toBe(2);
  await expect(runA.getByTestId('backend')).not.toHaveText(/starting/);
  await expect(runB.getByTestId('backend')).not.toHaveText(/starting/);
  // Each run's sphere has its own view options: hiding a class in A leaves B's points as they were.
  const classIn = (run: typeof runA) => run.getByRole('list', { name: 'Classes' }).getByRole('button').first();
  await classIn(runA).click();
  await expect(classIn(runA)).toHaveAttribute('aria-pressed', 'false');
  await expect(classIn(runB)).toHaveAttribute('aria-pressed', 'true');
  await runA.getByRole('switch', { name: 'Pair lines' }).click();
  await expect(runA.getByRole('switch', { name: 'Pair lines' })).not.toBeChecked();
  await expect(runB.getByRole('switch', { name: 'Pair lines' })).toBeChecked();

  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect.poll(() => stepOf(runA)).toBeGreaterThan(5);
  await expect.poll(() => stepOf(runB)).toBeGreaterThan(5);
  await expect(page.getByRole('list', { name: 'Runs on the charts' })).toHaveText(/A · Stop-gradient on\s*B · Stop-gradient off/);
  await expect.poll(async () => Number(await page.getByTestId('chart-loss').getAttribute('data-points'))).toBeGreaterThan(0);
  if (process.env.SCREENSHOTS) await page.screenshot({ path: `${process.env.SCREENSHOTS}/compare.png`, fullPage: true });
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Start', exact: true })).toBeVisible();

  // A hand-edited link that compares another switch opens that comparison, still in two workers.
  await page.evaluate(() => (window.location.hash = '#v=1&compare=predictor&method=simsiam&seed=7'));
  await expect(page.getByRole('region', { name: 'Run B: Predictor off' })).toBeVisible();
  await expect.poll(() => workersNamed(page, 'training')).toBe(2);

  await page.getByRole('button', { name: 'Single run' }).click();
  await expect(page.getByTestId('sphere-canvas')).toHaveCount(1);
  await expect.poll(() => new URL(page.url()).hash).toBe('#v=1&method=simsiam&seed=7');
  await expect.poll(() => workersNamed(page, 'training')).toBe(1);
  await expect.poll(() => workersNamed(page, 'sphere')).toBe(1);
  await waitUntilReady(page);
  expect(errors).toEqual([]);
});

test('a compare link with a switch the method lacks opens one run; the Projector TSV pair has a row per point', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/#v=1&compare=sinkhorn&method=simsiam');
  await expect(page.getByRole('region', { name: 'Notices' })).toContainText('compare: "sinkhorn" is not an on/off switch of SimSiam');
  await expect.poll(() => new URL(page.url()).hash).toBe('#v=1&method=simsiam');
  await waitUntilReady(page);
  await expect(page.getByTestId('sphere-canvas')).toHaveCount(1);

  const vectorsButton = page.getByRole('button', { name: 'Projector vectors TSV' });
  await expect(vectorsButton).toBeEnabled();
  const vectors = await download(page, vectorsButton);
  const metadata = await download(page, page.getByRole('button', { name: 'Projector labels TSV' }));
  expect(vectors.name).toBe('hypersphere-lab-simsiam-seed0-step0-vectors.tsv');
  expect(metadata.name).toBe('hypersphere-lab-simsiam-seed0-step0-metadata.tsv');
  const vectorRows = lines(vectors.text);
  const metadataRows = lines(metadata.text);
  expect(vectorRows).toHaveLength(2000);
  expect(metadataRows).toHaveLength(2001);
  expect(vectorRows[0]!.split('\t').map(Number).every(Number.isFinite)).toBe(true);
  expect(vectorRows[0]!.split('\t')).toHaveLength(3);
  expect(metadataRows[0]).toBe('label\tclass');
  expect(metadataRows[1]).toMatch(/^\d\t[A-Za-z/ -]+$/);

  const png = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Sphere PNG' }).click();
  const image = await png;
  expect(image.suggestedFilename()).toBe('hypersphere-lab-simsiam-seed0-step0-sphere.png');
  const chunks: Buffer[] = [];
  for await (const chunk of await image.createReadStream()) chunks.push(chunk as Buffer);
  const pngBytes = Buffer.concat(chunks);
  expect(pngBytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  // 2,000 coloured points and the shading (drawn in the sphere's worker): far more than a blank frame's few hundred bytes.
  expect(pngBytes.length).toBeGreaterThan(10_000);
  expect(errors).toEqual([]);
});

test('a run report replays: its settings, figures, charts and timeline; a broken one applies nothing; Reset trains anew', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/#v=1&method=simsiam&seed=5&evalEvery=5&stopGrad=false');
  await waitUntilReady(page);
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect.poll(() => readNumber(page, 'step')).toBeGreaterThan(20);
  const pausedAt = await pauseTraining(page);
  const report = await download(page, page.getByRole('button', { name: 'Run report JSON' }));
  const saved = JSON.parse(report.text);
  expect(saved).toMatchObject({ format: 'hypersphere-run', version: 1, config: { method: 'simsiam', seed: 5, stopGrad: false } });
  expect(saved.snapshots).toHaveLength(2);
  const lastStep: number = saved.metrics.at(-1).step;
  // The whole run up to the pause: its latest snapshot (one every 5 steps, and one of the step in flight at Pause).
  expect(lastStep).toBeLessThanOrEqual(pausedAt);
  expect(lastStep).toBeGreaterThan(pausedAt - 5);
  expect(saved.snapshots[1].step).toBe(lastStep);

  // Another experiment, then the report: everything comes back from the file.
  await page.goto('about:blank');
  await page.goto('/#v=1&method=byol');
  await waitUntilReady(page);
  await expect(page.getByRole('list', { name: 'Examples' }).getByRole('img')).toHaveCount(24); // the strip asked for on ready
  const open = page.getByLabel('Open run report');
  await open.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(report.text.replace('"labels":[', '"labels":[99,')) });
  await expect(page.getByRole('region', { name: 'Notices' })).toContainText('The run report is malformed');
  await expect(page.getByLabel('Method')).toHaveValue('byol');

  await open.setInputFiles({ name: report.name, mimeType: 'application/json', buffer: Buffer.from(report.text) });
  await expect(page.getByTestId('replay-note')).toContainText('Replaying a saved report — press Reset to train anew');
  await expect(page.getByLabel('Method')).toHaveValue('simsiam');
  await expect(page.getByLabel('Seed')).toHaveValue('5');
  await expect(page.getByRole('switch', { name: 'Stop-gradient' })).not.toBeChecked();
  await expect(page.getByTestId('step')).toHaveText(String(lastStep));
  await expect(page.getByTestId('timeline-position')).toHaveText(`Live · step ${lastStep}`);
  await expect.poll(async () => Number(await page.getByTestId('chart-collapse-std').getAttribute('data-points'))).toBe(saved.metrics.length);
  await expect(page.getByRole('button', { name: 'Start', exact: true })).toBeDisabled();
  const slider = page.getByRole('slider', { name: 'Timeline' });
  await slider.focus();
  await page.keyboard.press('Home');
  await expect(page.getByTestId('timeline-position')).toHaveText(`Step 0 of ${lastStep}`);
  await expect(page.getByTestId('metrics-step')).toHaveText('at step 0 (timeline)');
  // Behind the report the worker builds a fresh model. It answers in order, so once a strip of examples
  // asked for now arrives, that model's ready and step-0 snapshot have come too: they replaced nothing.
  const strip = await stripSignature(page);
  await page.getByRole('button', { name: 'New examples' }).click();
  await expect.poll(() => stripSignature(page)).not.toBe(strip);
  await expect(page.getByTestId('replay-note')).toBeVisible();
  await expect(page.getByTestId('step')).toHaveText(String(lastStep));
  await expect(page.getByTestId('timeline-position')).toHaveText(`Step 0 of ${lastStep}`);
  if (process.env.SCREENSHOTS) await page.screenshot({ path: `${process.env.SCREENSHOTS}/replay.png`, fullPage: true });

  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(page.getByTestId('replay-note')).toHaveCount(0);
  await waitUntilReady(page);
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect.poll(() => readNumber(page, 'step')).toBe(1);
  expect(errors).toEqual([]);
});
