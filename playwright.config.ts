import { defineConfig } from '@playwright/test';
import { chromiumFlags, chromiumPath, pageDefaults } from './scripts/lib/chromium';

/**
 * End-to-end tests drive the built app (vite preview) in a real Chromium with WebGPU enabled: the system's
 * Chromium with the same flags and page defaults as the scripts (scripts/lib/chromium.ts).
 */
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
    // The page speaks the browser's language: the specs read English labels, whatever the machine's locale.
    ...pageDefaults,
    launchOptions: { executablePath: chromiumPath, args: [...chromiumFlags] },
  },
  webServer: {
    command: `npx vite preview --port ${port} --strictPort`,
    url: `http://localhost:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
