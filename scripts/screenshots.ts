/**
 * Regenerates the screenshots in docs/ from the built app: the README's overview, and a spread and a
 * collapsed sphere. Usage: npm run build && npm run screenshots
 */
import type { Page } from '@playwright/test';
import { type BrowserApp, openApp } from './lib/browserApp';

/** A fresh page per run: a hash change alone would load the settings without autoplay. */
async function trainUntil(app: BrowserApp, hash: string, steps: number): Promise<Page> {
  const page = await app.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(`${app.url}${hash}`);
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid="step"]')?.textContent) >= n, steps, { timeout: 600_000 });
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await page.waitForTimeout(1500); // the last snapshot eases in
  return page;
}

const app = await openApp();
try {
  const spread = await trainUntil(app, '#v=1&method=simclr&evalEvery=10&autoplay=1', 150);
  await spread.screenshot({ path: 'docs/screenshot.png' });
  await spread.getByTestId('sphere-canvas').screenshot({ path: 'docs/sphere-spread.png' });
  const collapsed = await trainUntil(app, '#v=1&method=simsiam&stopGrad=false&evalEvery=10&autoplay=1', 200);
  await collapsed.locator('.sphere-panel').screenshot({ path: 'docs/sphere-collapsed.png' });
  console.log('wrote docs/screenshot.png, docs/sphere-spread.png, docs/sphere-collapsed.png');
} finally {
  await app.close();
}
process.exit(0);
