/**
 * The lab on a real GPU, as figures: steps/s of the lab's training in a Chromium worker, as the lab trains, for
 * WebGPU and wasm at batch 256 and 1024 and d = 3 and 128 (SimCLR, whose similarities grow with the batch), and
 * which backend the lab's own rule picks on this machine (probes, then a trial of each candidate), with its
 * reason. Meant for a machine with a GPU (here WebGPU runs on SwiftShader, a CPU emulation, and the rule never
 * picks it); about 5 minutes there.
 *
 *   npm run bench:gpu [-- --method simclr --steps 20 --backends webgpu,wasm --chromium-flag --use-angle=vulkan ...]
 *
 * Chromium is CHROMIUM_PATH or /usr/bin/chromium; `--chromium-flag F` (repeatable) adds a flag to the lab's usual
 * ones (a Linux GPU may need `--enable-features=Vulkan --use-angle=vulkan`).
 */
import { openApp } from './lib/browserApp';
import { numberOption, option, repeatedOption } from './lib/options';

const method = option('method', 'simclr');
const steps = numberOption('steps', 20);
const backends = option('backends', 'webgpu,wasm').split(',');
const extraFlags = repeatedOption('chromium-flag');

interface Result {
  msPerStep?: number;
  backend?: string;
  error?: string;
  picked?: { name: string; reason: string };
  probes?: Record<string, { kind: string; description?: string }>;
}

// The dev server serves the benchmark page beside the app, with the app's cross-origin isolation headers.
const app = await openApp({ serve: 'dev', flags: extraFlags });

async function measure(query: Record<string, string | number>): Promise<Result> {
  const page = await app.newPage();
  try {
    const search = new URLSearchParams(Object.entries(query).map(([key, value]) => [key, String(value)]));
    await page.goto(`${app.url}scripts/bench/train-bench.html?${search}`);
    const handle = await page.waitForFunction(() => (window as unknown as { benchResult?: unknown }).benchResult, null, { timeout: 300_000 });
    return (await handle.jsonValue()) as Result;
  } finally {
    await page.close();
  }
}

try {
  const pick = await measure({ pick: 1, method });
  const probes = Object.entries(pick.probes ?? {}).map(([name, probe]) => `${name}: ${probe.kind}${probe.description ? ` (${probe.description})` : ''}`);
  console.log(`adapters: ${probes.join('; ') || pick.error}`);
  console.log(`the lab's rule picks: ${pick.picked ? `${pick.picked.name} — ${pick.picked.reason}` : pick.error}\n`);
  console.log(`${method}, ${steps} steps a run; steps/s (ms/step):`);
  console.log(['backend', 'batch', 'd', 'steps/s', 'ms/step'].map((cell, i) => (i === 0 ? cell.padEnd(8) : cell.padStart(8))).join(' '));
  for (const backend of backends) {
    for (const batch of [256, 1024]) {
      for (const dim of [3, 128]) {
        // wasm at batch 1024 takes half a second a step here: fewer steps keep the whole bench near 5 minutes.
        const count = backend === 'wasm' && batch === 1024 ? Math.max(4, steps >> 2) : steps;
        const result = await measure({ backend, method, steps: count, batch, dim, threads: 1 });
        const cells = result.msPerStep
          ? [(1000 / result.msPerStep).toFixed(1), result.msPerStep.toFixed(1)]
          : [`failed: ${result.error}`];
        console.log([backend.padEnd(8), String(batch).padStart(8), String(dim).padStart(8), ...cells.map((cell) => cell.padStart(8))].join(' '));
      }
    }
  }
} finally {
  await app.close();
}
process.exit(0);
