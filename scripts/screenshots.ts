/**
 * Regenerates the screenshots in docs/ from the built app: the README's overview, and a spread and a
 * collapsed sphere. Usage: npm run build && npm run screenshots
 */
import { type Browser, chromium, type Page } from '@playwright/test';
import { preview } from 'vite';

const port = 4176;

/** A fresh page per run: a hash change alone would load the settings without autoplay. */
async function trainUntil(browser: Browser, hash: string, steps: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'en-US' });
  await page.goto(`http://localhost:${port}/${hash}`);
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid="step"]')?.textContent) >= n, steps, { timeout: 600_000 });
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.waitForTimeout(1500); // the last snapshot eases in
  return page;
}

const server = await preview({ preview: { port, strictPort: true } });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const spread = await trainUntil(browser, '#v=1&method=simclr&evalEvery=10&autoplay=1', 150);
  await spread.screenshot({ path: 'docs/screenshot.png' });
  await spread.getByTestId('sphere-canvas').screenshot({ path: 'docs/sphere-spread.png' });
  const collapsed = await trainUntil(browser, '#v=1&method=simsiam&stopGrad=false&evalEvery=10&autoplay=1', 200);
  await collapsed.locator('.sphere-panel').screenshot({ path: 'docs/sphere-collapsed.png' });
  console.log('wrote docs/screenshot.png, docs/sphere-spread.png, docs/sphere-collapsed.png');
} finally {
  await browser.close();
  await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
}
process.exit(0);
