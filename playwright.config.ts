import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests drive the built app (vite preview) in a real Chromium with WebGPU enabled.
 * Playwright cannot download its own browser here: we use the system Chromium (Debian's by default,
 * CHROMIUM_PATH elsewhere).
 */
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// E2E_PORT lets two runs (e.g. CI and a developer) share a machine.
const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'e2e',
  // Two cores and a CPU-emulated GPU: one test at a time, generous timeouts.
  workers: 1,
  timeout: 240_000,
  expect: { timeout: 120_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${port}`,
    viewport: { width: 1280, height: 800 },
    // The page speaks the browser's language: the specs read English labels, whatever the machine's locale.
    locale: 'en-US',
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        '--headless=new',
        '--no-sandbox',
        '--enable-unsafe-webgpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    command: `npx vite preview --port ${port} --strictPort`,
    url: `http://localhost:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
