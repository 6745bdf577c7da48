/**
 * Memory over a long run in the built app, as a class would keep it open: trains in real Chromium (kNN every
 * 50 steps, as the app does) and prints the step and what the training worker holds (tensors, tensor MB, wasm
 * heap, from the status line) every `--every` seconds for `--minutes`, then the spread after warm-up.
 *
 *   npm run build && npm run soak:browser [-- --minutes 10 --every 30 --backend wasm]
 */
import { chromium } from '@playwright/test';
import { preview } from 'vite';

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
}
const minutes = Number(option('minutes', '10'));
const everySeconds = Number(option('every', '30'));
const backend = option('backend', 'wasm');
const port = 4178;

const server = await preview({ preview: { port, strictPort: true } });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--enable-unsafe-webgpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const samples: { step: number; tensors: number; tensorMb: number; heapMb: number | null }[] = [];
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`http://localhost:${port}/?backend=${backend}#v=1&method=simsiam&autoplay=1`);
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
} finally {
  await browser.close();
  await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
}
process.exit(0);
