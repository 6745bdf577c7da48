/**
 * Memory over a long run in the built app, as a class would keep it open: trains in real Chromium (kNN every
 * 50 steps, as the app does) and prints the step and what the training worker holds (tensors, tensor MB, wasm
 * heap, and its evaluation worker's wasm heap, from the status line) every `--every` seconds for `--minutes`, then
 * the spread after warm-up.
 * `--method` (default simsiam) takes one method, a comma list or `all`: each opens its own page and trains for
 * `--minutes` in turn, with its own figures; for Barlow Twins and VICReg the script also checks that the page
 * shows their redundancy views (drawn from the arrays every snapshot reads back).
 *
 *   npm run build && npm run soak:browser [-- --minutes 10 --every 30 --backend wasm --method barlow-twins,vicreg]
 */
import type { MethodName } from '../src/core/config';
import { methodCatalog } from '../src/methods/catalog';
import { type BrowserApp, openApp } from './lib/browserApp';
import { methodsOption, numberOption, option } from './lib/options';

const minutes = numberOption('minutes', 10);
const everySeconds = numberOption('every', 30);
const backend = option('backend', 'wasm');
const methods = methodsOption('simsiam');

async function soak(app: BrowserApp, method: MethodName): Promise<void> {
  const views = methodCatalog[method].redundancyViews;
  console.log(`— ${method}${views ? ` (redundancy views: ${views.join(', ')})` : ''}, ${minutes} min on ${backend}`);
  const samples: { step: number; tensors: number; tensorMb: number; heapMb: number | null; evaluationHeapMb: number | null }[] = [];
  const page = await app.newPage();
  try {
    await page.goto(`${app.url}?backend=${backend}#v=1&method=${method}&autoplay=1`);
    const started = Date.now();
    const memory = page.getByTestId('worker-memory');
    await memory.filter({ hasText: /tensors/ }).waitFor({ timeout: 120_000 });
    for (let sample = 0; Date.now() - started < minutes * 60_000; sample++) {
      const text = (await memory.textContent()) ?? '';
      const match = /([\d,.]+) MB in ([\d,]+) tensors(?:, heap ([\d,.]+) MB)?(?:, evaluation heap ([\d,.]+) MB)?/.exec(text);
      const number = (value: string | undefined) => (value === undefined ? null : Number(value.replace(/,/g, '')));
      const step = Number((await page.getByTestId('step').textContent())?.replace(/,/g, ''));
      if (match) {
        const row = { step, tensors: number(match[2])!, tensorMb: number(match[1])!, heapMb: number(match[3]), evaluationHeapMb: number(match[4]) };
        samples.push(row);
        const seconds = ((Date.now() - started) / 1000).toFixed(0).padStart(5);
        console.log(`${seconds} s  step ${String(step).padStart(6)}  tensors ${String(row.tensors).padStart(5)}  tensor MB ${String(row.tensorMb).padStart(5)}  wasm heap MB ${row.heapMb ?? '—'}  evaluation heap MB ${row.evaluationHeapMb ?? '—'}`);
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
      const evaluationHeaps = settled.flatMap((s) => s.evaluationHeapMb ?? []);
      if (evaluationHeaps.length > 1) console.log(`evaluation worker's wasm heap MB ${spread(evaluationHeaps)}`);
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

const app = await openApp();
try {
  for (const method of methods) await soak(app, method);
} finally {
  await app.close();
}
process.exit(0);
