/**
 * Regenerates the screenshots in docs/ from the built app: the README's overview, and a spread and a
 * collapsed sphere. Usage: npm run build && npm run screenshots
 */
import { chromium, type Page } from '@playwright/test';
import { preview } from 'vite';

const port = 4176;

async function trainUntil(page: Page, hash: string, steps: number): Promise<void> {
  await page.goto(`http://localhost:${port}/${hash}`);
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid="step"]')?.textContent) >= n, steps, { timeout: 600_000 });
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.waitForTimeout(1500); // the last snapshot eases in
}

const server = await preview({ preview: { port, strictPort: true } });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await trainUntil(page, '#v=1&method=simclr&evalEvery=10&autoplay=1', 150);
  await page.screenshot({ path: 'docs/screenshot.png' });
  await page.getByTestId('sphere-canvas').screenshot({ path: 'docs/sphere-spread.png' });
  await trainUntil(page, '#v=1&method=simsiam&stopGrad=false&evalEvery=10&autoplay=1', 200);
  await page.locator('.sphere-panel').screenshot({ path: 'docs/sphere-collapsed.png' });
  console.log('wrote docs/screenshot.png, docs/sphere-spread.png, docs/sphere-collapsed.png');
} finally {
  await browser.close();
  await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
}
process.exit(0);
