/**
 * Memory over a long run in the built app, as a class would keep it open: trains in real Chromium (kNN every
 * 50 steps, as the app does) and prints the step and what the training worker holds (tensors, tensor MB, wasm
 * heap, from the status line) every `--every` seconds for `--minutes`, then the spread after warm-up.
 * `--method` (default simsiam) takes one method, a comma list or `all`: each opens its own page and trains for
 * `--minutes` in turn, with its own figures; for Barlow Twins and VICReg the script also checks that the page
 * shows their redundancy views (drawn from the arrays every snapshot reads back).
 *
 *   npm run build && npm run soak:browser [-- --minutes 10 --every 30 --backend wasm --method barlow-twins,vicreg]
 */
import { chromium, type Browser } from '@playwright/test';
import { preview } from 'vite';
import { methodNames, type MethodName } from '../src/core/config';
import { methodCatalog } from '../src/methods/catalog';

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
}
const minutes = Number(option('minutes', '10'));
const everySeconds = Number(option('every', '30'));
const backend = option('backend', 'wasm');
const methodOption = option('method', 'simsiam');
const methods = methodOption === 'all' ? methodNames : methodOption.split(',').map((name) => name.trim()).filter(Boolean);
const unknown = methods.filter((name) => !(methodNames as string[]).includes(name));
if (unknown.length > 0 || methods.length === 0) {
  console.error(`--method: ${unknown.join(', ') || '(none)'} is not a method; choose from ${methodNames.join(', ')}, a comma list or all`);
  process.exit(2);
}
const port = 4178;

async function soak(browser: Browser, method: MethodName): Promise<void> {
  const views = methodCatalog[method].redundancyViews;
  console.log(`— ${method}${views ? ` (redundancy views: ${views.join(', ')})` : ''}, ${minutes} min on ${backend}`);
  const samples: { step: number; tensors: number; tensorMb: number; heapMb: number | null }[] = [];
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    await page.goto(`http://localhost:${port}/?backend=${backend}#v=1&method=${method}&autoplay=1`);
    const started = Date.now();
    const memory = page.getByTestId('worker-memory');
    await memory.filter({ hasText: /tensors/ }).waitFor({ timeout: 120_000 });
    for (let sample = 0; Date.now() - started < minutes * 60_000; sample++) {
      const text = (await memory.textContent()) ?? '';
      const match = /([\d,.]+) MB in ([\d,]+) tensors(?:, heap ([\d,.]+) MB)?/.exec(text);
      const number = (value: string | undefined) => (value === undefined ? null : Number(value.replace(/,/g, '')));
      const step = Number((await page.getByTestId('step').textContent())?.replace(/,/g, ''));
      if (match) {
        const row = { step, tensors: number(match[2])!, tensorMb: number(match[1])!, heapMb: number(match[3]) };
        samples.push(row);
        const seconds = ((Date.now() - started) / 1000).toFixed(0).padStart(5);
        console.log(`${seconds} s  step ${String(step).padStart(6)}  tensors ${String(row.tensors).padStart(5)}  tensor MB ${String(row.tensorMb).padStart(5)}  wasm heap MB ${row.heapMb ?? '—'}`);
      }
      await page.waitForTimeout(everySeconds * 1000);
    }
    // After the first minute's warm-up (the kNN bank and the first snapshots are allocated then).
    const settled = samples.filter((_, index) => index * everySeconds >= 60);
    const spread = (values: number[]) => {
      const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
      return `${Math.min(...values)}–${Math.max(...values)} (max − min ${((100 * (Math.max(...values) - Math.min(...values))) / mean).toFixed(1)}% of the mean)`;
    };
    if (settled.length > 1) {
      console.log(`after warm-up, ${settled.length} samples to step ${settled.at(-1)!.step}: tensors ${spread(settled.map((s) => s.tensors))}, tensor MB ${spread(settled.map((s) => s.tensorMb))}`);
      const heaps = settled.flatMap((s) => s.heapMb ?? []);
      if (heaps.length > 1) console.log(`wasm heap MB ${spread(heaps)}`);
    }
    if (views) {
      // The views are drawn from the latest snapshot's redundancy figures: shown means the worker read them back.
      const drawn = await page.getByTestId('redundancy-views').locator('.redundancy-grid').count();
      console.log(`redundancy views ${drawn > 0 ? 'shown' : 'NOT shown'} at the end`);
    }
  } finally {
    await page.close();
  }
}

const server = await preview({ preview: { port, strictPort: true } });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--enable-unsafe-webgpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  for (const method of methods as MethodName[]) await soak(browser, method);
} finally {
  await browser.close();
  await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
}
process.exit(0);
