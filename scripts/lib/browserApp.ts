/**
 * The lab in Chromium, for every script that drives it (benchmarks, soaks, screenshots): the app served on a free
 * port, Chromium with the lab's flags (chromium.ts, which the e2e tests' config reads too), fresh pages with the
 * same defaults as the e2e tests', and one close for both. Options: options.ts.
 *
 *   const app = await openApp();
 *   try { const page = await app.newPage(); await page.goto(`${app.url}#v=1&autoplay=1`); … } finally { await app.close(); }
 */
import { type Browser, type BrowserContextOptions, chromium, type Page } from '@playwright/test';
import { createServer, preview } from 'vite';
import { chromiumFlags, chromiumPath, pageDefaults } from './chromium';

export interface BrowserApp {
  /** The app's address, ending in "/": add a query (`?backend=wasm`), a hash (`#v=1&…`) or a path. */
  url: string;
  browser: Browser;
  /** A fresh page with pageDefaults (each option overridable), not yet opened. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  /** Closes the browser, then the server. */
  close(): Promise<void>;
}

export interface OpenAppOptions {
  /**
   * 'build' (default): dist/ as users get it (`vite preview`; run `npm run build` first). 'dev': the dev server,
   * which also serves pages beside the app, such as scripts/bench/train-bench.html.
   */
  serve?: 'build' | 'dev';
  /** Chromium flags added to chromiumFlags (a GPU may need `--use-angle=vulkan`). */
  flags?: readonly string[];
}

/** Serves the lab on a free port and starts Chromium. */
export async function openApp({ serve = 'build', flags = [] }: OpenAppOptions = {}): Promise<BrowserApp> {
  const server =
    serve === 'dev'
      ? await createServer({ server: { port: 0, strictPort: false }, logLevel: 'error' }).then((dev) => dev.listen())
      : await preview({ preview: { port: 0, strictPort: false }, logLevel: 'error' });
  const url = server.resolvedUrls?.local[0];
  if (!url) {
    await server.close();
    throw new Error('the server started without an address');
  }
  const browser = await chromium.launch({ executablePath: chromiumPath, args: [...chromiumFlags, ...flags] }).catch(async (error: unknown) => {
    await server.close();
    throw error;
  });
  return {
    url,
    browser,
    newPage: (options) => browser.newPage({ ...pageDefaults, ...options }),
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}
