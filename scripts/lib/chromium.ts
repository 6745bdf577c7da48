/**
 * How the lab runs in Chromium, for the scripts (browserApp.ts) and the e2e tests (playwright.config.ts) alike:
 * which Chromium, its flags, and the page's defaults. Plain data, so the test runner's config loads nothing else.
 */
import type { BrowserContextOptions } from '@playwright/test';

/** Playwright cannot download its own browser here: the system's Chromium (Debian's), or CHROMIUM_PATH. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Headless, WebGPU allowed (the lab probes it), and nothing of Chromium's own network traffic or first-run work. */
export const chromiumFlags: readonly string[] = [
  '--headless=new',
  '--no-sandbox',
  '--enable-unsafe-webgpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** A laptop's window, and English whatever the machine's language: the scripts and the specs read English labels. */
export const pageDefaults = { viewport: { width: 1280, height: 800 }, locale: 'en-US' } satisfies BrowserContextOptions;
