/**
 * Training speed, printed as figures: median ms per SimSiam step (batch 256, d = 3) and snapshot time
 * (embed 2,000 evaluation images + read back) per backend, in Node and in Chromium (the built app, served
 * by vite preview). Usage: npm run build && npm run bench:train [-- --node-only | --browser-only]
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { chromium } from '@playwright/test';
import { preview } from 'vite';
import { defaultConfig } from '../src/core/config';
import { loadDatasetFromDisk } from '../src/data/diskDataset';
import { Trainer } from '../src/train/trainer';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

async function benchNode(backend: 'wasm' | 'cpu', steps: number): Promise<void> {
  await tf.setBackend(backend);
  await tf.ready();
  const data = { train: await loadDatasetFromDisk('fashion-mnist', 'train'), eval: await loadDatasetFromDisk('fashion-mnist', 'eval') };
  const trainer = new Trainer(defaultConfig('simsiam'), data);
  const stepMs: number[] = [];
  const snapshotMs: number[] = [];
  for (let i = 0; i < steps + 2; i++) {
    const started = performance.now();
    await trainer.trainStep();
    if (i >= 2) stepMs.push(performance.now() - started); // the first steps compile and warm up
  }
  for (let i = 0; i < 3; i++) snapshotMs.push((await trainer.snapshot()).evalMs);
  trainer.dispose();
  console.log(`node    ${backend.padEnd(7)} ${median(stepMs).toFixed(1).padStart(8)} ms/step  snapshot ${median(snapshotMs).toFixed(1)} ms  (${steps} steps)`);
}

async function benchBrowser(backends: [string, number][]): Promise<void> {
  const server = await preview({ preview: { port: 4174, strictPort: true } });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless=new', '--no-sandbox', '--enable-unsafe-webgpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    for (const [backend, steps] of backends) {
      const page = await browser.newPage();
      // One snapshot at step 0 and one at the end, so the timing is training steps.
      await page.goto(`http://localhost:4174/?backend=${backend}#v=1&steps=${steps}&evalEvery=1000&autoplay=1`);
      const stepOf = async () => Number(await page.getByTestId('step').textContent());
      await page.waitForFunction(() => Number(document.querySelector('[data-testid="step"]')?.textContent) >= 2, null, { timeout: 300_000 });
      const [firstStep, started] = [await stepOf(), performance.now()];
      await page.waitForFunction((n) => Number(document.querySelector('[data-testid="step"]')?.textContent) >= n, steps, { timeout: 600_000 });
      const msPerStep = (performance.now() - started) / (steps - firstStep);
      await page.waitForFunction(() => document.querySelector('[data-testid="snapshot-ms"]')?.textContent !== '—');
      const snapshotMs = await page.getByTestId('snapshot-ms').textContent();
      const used = await page.getByTestId('backend').textContent();
      console.log(`chromium ${String(used).padEnd(7)}${msPerStep.toFixed(1).padStart(8)} ms/step  snapshot ${snapshotMs} ms  (${steps} steps)`);
      await page.close();
    }
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
}

const nodeOnly = process.argv.includes('--node-only');
const browserOnly = process.argv.includes('--browser-only');
if (!browserOnly) {
  await benchNode('wasm', 30);
  await benchNode('cpu', 5);
}
if (!nodeOnly) await benchBrowser([['wasm', 40], ['webgl', 8], ['cpu', 6], ['webgpu', 4]]);
process.exit(0);
