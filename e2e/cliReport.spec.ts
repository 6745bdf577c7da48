import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { waitUntilReady, watchErrors } from './lab';

const run = promisify(execFile);

test('a run report written by the CLI opens in the lab: settings, figures, verdict and timeline', async ({ page }) => {
  const errors = watchErrors(page);
  const folder = mkdtempSync(join(tmpdir(), 'cli-report-'));
  try {
    const path = join(folder, 'run.json');
    const flags = ['--method', 'simsiam', '--stop-grad=false', '--seed', '11', '--steps', '120', '--eval-every', '10', '--json', '--report', path];
    const { stdout } = await run('node_modules/.bin/tsx', ['src/cli/train.ts', ...flags]);
    const summary = JSON.parse(stdout.trim().split('\n').at(-1)!);
    // SimSiam without its stop-gradient collapses well within 120 steps.
    expect(summary.verdict).toMatch(/^collapsed at step \d+$/);
    const collapsedAt = summary.final.verdict.since as number;
    const text = readFileSync(path, 'utf8');
    const saved = JSON.parse(text);
    expect(saved.metrics).toHaveLength(13);

    await page.goto('/#v=1&method=byol');
    await waitUntilReady(page);
    await page.getByLabel('Open run report').setInputFiles({ name: 'run.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect(page.getByTestId('replay-note')).toContainText('Replaying a saved report');
    await expect(page.getByLabel('Method')).toHaveValue('simsiam');
    await expect(page.getByLabel('Seed')).toHaveValue('11');
    await expect(page.getByRole('switch', { name: 'Stop-gradient' })).not.toBeChecked();
    await expect(page.getByTestId('step')).toHaveText('120');
    // The lab's verdict over the CLI's figures is the CLI's own.
    await expect(page.getByTestId('collapse-banner')).toContainText(`Collapsed at step ${collapsedAt}`);
    await expect(page.getByTestId('metric-collapse-std')).toHaveText(saved.metrics.at(-1).collapseStd.toFixed(3));
    await expect.poll(async () => Number(await page.getByTestId('chart-collapse-std').getAttribute('data-points'))).toBe(13);
    const slider = page.getByRole('slider', { name: 'Timeline' });
    await slider.focus();
    await page.keyboard.press('Home');
    await expect(page.getByTestId('timeline-position')).toHaveText('Step 0 of 120');
    expect(errors).toEqual([]);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
