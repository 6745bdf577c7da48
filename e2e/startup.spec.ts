import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, type Page, test } from '@playwright/test';
import { en } from '../src/i18n/messages.en';
import { waitForPoints, watchErrors } from './lab';

/** Every alert and every start-up phase the page shows, recorded from its first instant (they come and go). */
async function watchStartup(page: Page): Promise<() => Promise<{ alerts: string[]; phases: string[] }>> {
  await page.addInitScript(() => {
    const seen = { alerts: [] as string[], phases: [] as string[] };
    (window as unknown as { startupSeen: typeof seen }).startupSeen = seen;
    const note = (list: string[], text: string | null | undefined) => {
      if (text?.trim() && !list.includes(text)) list.push(text);
    };
    new MutationObserver(() => {
      document.querySelectorAll('[role=alert]').forEach((alert) => note(seen.alerts, alert.textContent));
      note(seen.phases, document.querySelector('[data-testid=phase]')?.textContent);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  return () => page.evaluate(() => (window as unknown as { startupSeen: { alerts: string[]; phases: string[] } }).startupSeen);
}

test('three fresh start-ups, watched throughout: each shows its phases, none raises an alarm', async ({ context }) => {
  for (let i = 0; i < 3; i++) {
    const page = await context.newPage();
    const errors = watchErrors(page);
    const seen = await watchStartup(page);
    await page.goto('/');
    await waitForPoints(page);
    const { alerts, phases } = await seen();
    expect(alerts).toEqual([]);
    // Each phase is on show while it runs (which ones a page catches depends on how fast they pass).
    expect(phases.length).toBeGreaterThan(0);
    for (const phase of phases) expect(Object.values(en.status.phase)).toContain(phase);
    await expect(page.getByTestId('phase')).toHaveCount(0);
    // The backend figure tells how long each phase took.
    await expect(page.locator('.figure-backend')).toHaveAttribute('title', /^Start-up: engine \d+\.\d s · backend/);
    expect(errors).toEqual([]);
    await page.close();
  }
});

test('a run report opened while the lab still starts is replayed once it is ready', async ({ page }) => {
  const errors = watchErrors(page);
  const folder = mkdtempSync(join(tmpdir(), 'early-report-'));
  try {
    const path = join(folder, 'run.json');
    const flags = ['--method', 'byol', '--seed', '5', '--steps', '20', '--eval-every', '10', '--report', path];
    await promisify(execFile)('node_modules/.bin/tsx', ['src/cli/train.ts', ...flags]);
    // The training images are held back until the report is open: the worker cannot be ready before.
    let releaseData!: () => void;
    const dataHeld = new Promise<void>((resolve) => (releaseData = resolve));
    await page.route('**/data/fashion-mnist/train.hsd', async (route) => {
      await dataHeld;
      await route.continue();
    });
    await page.goto('/#v=1&method=simsiam');
    await expect(page.getByTestId('phase')).toBeVisible();
    await page.getByLabel('Open run report').setInputFiles({ name: 'run.json', mimeType: 'application/json', buffer: readFileSync(path) });
    await expect(page.getByRole('button', { name: 'Start', exact: true })).toBeDisabled();
    releaseData();
    await expect(page.getByTestId('replay-note')).toContainText('Replaying a saved report');
    await expect(page.getByLabel('Method')).toHaveValue('byol');
    await expect(page.getByLabel('Seed')).toHaveValue('5');
    await expect(page.getByTestId('step')).toHaveText('20');
    expect(errors).toEqual([]);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
