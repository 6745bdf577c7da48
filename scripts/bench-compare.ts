/**
 * What each run of a comparison costs, printed as figures: for 1 to 4 runs (SimCLR at d = 2, training, each run in
 * its own training worker and sphere worker), the page's frames per second, the page's JS heap (main thread) and
 * the memory of all its JavaScript, workers included (measureUserAgentSpecificMemory, on a cross-origin isolated
 * page), each run's steps per second, its worker's tensors (tfjs) and wasm heaps (its training and its evaluation
 * worker's), and the workers the page runs;
 * then, from the largest comparison, Remove run down to two: the workers and the memory that are left.
 * Usage: npm run build && npm run bench:compare [-- --seconds 10 --runs 1,2,3,4]
 */
import type { Page } from '@playwright/test';
import { openApp } from './lib/browserApp';
import { numberOption, option } from './lib/options';

const seconds = numberOption('seconds', 10);
const counts = option('runs', '1,2,3,4').split(',').map(Number);

const stepsOf = (page: Page): Promise<number[]> => page.$$eval('[data-testid="step"]', (cells) => cells.map((cell) => Number(cell.textContent)));

/** The memory of all the page's JavaScript, workers included; null where the page is not cross-origin isolated. */
const allJsMemory = (page: Page): Promise<number | null> =>
  page.evaluate('crossOriginIsolated ? performance.measureUserAgentSpecificMemory().then((m) => m.bytes) : null') as Promise<number | null>;

const app = await openApp();
try {
  console.log('runs  page fps  page heap MB  all JS MB  steps/s per run        tensors per worker (MB, count)  wasm heap MB (training+evaluation)  workers');
  for (const runs of counts) {
    const page = await app.newPage();
    await page.goto(`${app.url}#v=1${runs > 1 ? `&compare=${runs}` : ''}&method=simclr&dim=2&autoplay=1`);
    // Every run trained a few steps: the workers are warm and the spheres drawing.
    await page.waitForFunction(
      (count) => {
        const steps = [...document.querySelectorAll('[data-testid="step"]')].map((cell) => Number(cell.textContent));
        return steps.length === count && steps.every((step) => step >= 3);
      },
      runs,
      { timeout: 600_000 },
    );
    const before = await stepsOf(page);
    // Passed as text: tsx would wrap a function in helpers the page lacks.
    const frames = (await page.evaluate(`new Promise((resolve) => {
      let frames = 0;
      const end = performance.now() + ${seconds * 1000};
      const tick = () => { frames++; if (performance.now() < end) requestAnimationFrame(tick); else resolve(frames); };
      requestAnimationFrame(tick);
    })`)) as number;
    const after = await stepsOf(page);
    const heap = (await page.evaluate('performance.memory.usedJSHeapSize')) as number;
    const allMemory = await allJsMemory(page);
    const memory = await page.$$eval('[data-testid="worker-memory"]', (cells) => cells.map((cell) => cell.textContent ?? ''));
    const tensors = memory.map((text) => /(\d+) MB in (\d+) tensors/.exec(text)?.slice(1, 3).join(', ') ?? '—');
    // Each run's training worker's wasm heap, then its evaluation worker's (where snapshots are measured on wasm).
    const wasmHeap = memory.map((text) => [/, heap (\d+) MB/, /evaluation heap (\d+) MB/].map((pattern) => pattern.exec(text)?.[1] ?? '—').join('+'));
    const rates = after.map((step, i) => ((step - before[i]!) / seconds).toFixed(2));
    console.log(
      [
        String(runs).padEnd(4),
        (frames / seconds).toFixed(1).padStart(8),
        (heap / 1024 ** 2).toFixed(0).padStart(12),
        (allMemory === null ? '—' : (allMemory / 1024 ** 2).toFixed(0)).padStart(9),
        rates.join(' ').padEnd(22),
        tensors.map((t) => `(${t})`).join(' ').padEnd(31),
        wasmHeap.join(' ').padEnd(24),
        String(page.workers().length),
      ].join('  '),
    );
    if (runs === Math.max(...counts) && runs > 2) {
      for (let run = runs; run > 2; run--) await page.getByRole('button', { name: `Remove run ${'ABCD'[run - 1]}` }).click();
      await page.waitForFunction((count) => document.querySelectorAll('[data-testid="sphere-canvas"]').length === count, 2);
      const left = await allJsMemory(page);
      console.log(`${runs} → 2 (Remove run): all JS ${left === null ? '—' : (left / 1024 ** 2).toFixed(0)} MB, ${page.workers().length} workers`);
    }
    await page.close();
  }
} finally {
  await app.close();
}
