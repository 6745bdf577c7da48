/**
 * UI smoothness while training, printed as figures: frames per second of the page (one-second windows),
 * frames per second the sphere drew (it draws in a worker where the browser allows, so the two differ on
 * a slow rasteriser) and main-thread long tasks (PerformanceObserver 'longtask', > 50 ms), with 10,000
 * points on the sphere (training images shown), pair lines, density shading and auto-rotate on, training
 * on wasm.
 * Usage: npm run build && npm run bench:ui [-- --seconds 15 --points 10000|2000 --overlays 'Pair lines,Density,Auto-rotate'|none --idle]
 */
import { openApp } from './lib/browserApp';
import { flag, numberOption, option } from './lib/options';

const seconds = numberOption('seconds', 15);
/** Which sphere overlays to switch on (comma-separated switch names, or "none"). */
const overlays = option('overlays', 'Pair lines,Density,Auto-rotate').split(',').filter((name) => name !== 'none');
const showTrain = option('points', '10000') === '10000';
const train = !flag('idle');

const app = await openApp();
try {
  const page = await app.newPage();
  // Scripts run in the page are passed as text: tsx would wrap functions in helpers the page lacks.
  await page.addInitScript(`
    window.longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((entry) => window.longTasks.push(entry.duration)))
      .observe({ type: 'longtask', buffered: true });
  `);
  await page.goto(`${app.url}#v=1&showTrain=${showTrain ? 1 : 0}&autoplay=1`);
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="step"]')?.textContent) >= 3, null, { timeout: 300_000 });
  if (!train) await page.getByRole('button', { name: 'Pause', exact: true }).click();
  for (const name of overlays) await page.getByRole('switch', { name }).check();
  await page.waitForTimeout(2000);
  const stepBefore = Number(await page.getByTestId('step').textContent());
  const result = (await page.evaluate(`(async () => {
    const tasksBefore = window.longTasks.length;
    const windows = [];
    const sphereWindows = [];
    const sphereFrames = () => Number(document.querySelector('[data-testid="sphere-canvas"]')?.dataset.framesDrawn ?? 0);
    let sphereAtStart = sphereFrames();
    let frames = 0;
    let windowStart = performance.now();
    const end = windowStart + ${seconds} * 1000;
    await new Promise((resolve) => {
      function tick(now) {
        frames++;
        if (now - windowStart >= 1000) {
          windows.push((frames * 1000) / (now - windowStart));
          const sphereNow = sphereFrames();
          sphereWindows.push(((sphereNow - sphereAtStart) * 1000) / (now - windowStart));
          sphereAtStart = sphereNow;
          frames = 0;
          windowStart = now;
        }
        if (now < end) requestAnimationFrame(tick);
        else resolve();
      }
      requestAnimationFrame(tick);
    });
    return { windows, sphereWindows, tasks: window.longTasks.slice(tasksBefore) };
  })()`)) as { windows: number[]; sphereWindows: number[]; tasks: number[] };
  const stepAfter = Number(await page.getByTestId('step').textContent());
  const summary = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return `median ${sorted[sorted.length >> 1]?.toFixed(1)}, min ${sorted[0]?.toFixed(1)}, max ${sorted.at(-1)?.toFixed(1)}`;
  };
  console.log(`points: ${showTrain ? '10,000 (2,000 evaluation + 8,000 training)' : '2,000'}; overlays: ${overlays.join(', ') || 'none'}; ${train ? 'training' : 'paused'}`);
  console.log(`page fps over ${result.windows.length} one-second windows: ${summary(result.windows)}`);
  // The sphere draws only when something changed: with auto-rotate off, few frames is the expected figure.
  console.log(`sphere frames drawn per second: ${summary(result.sphereWindows)}`);
  console.log(`long tasks (> 50 ms) on the main thread: ${result.tasks.length}, longest ${result.tasks.length ? Math.max(...result.tasks).toFixed(0) : 0} ms`);
  console.log(`training meanwhile: ${((stepAfter - stepBefore) / seconds).toFixed(1)} steps/s on ${await page.getByTestId('backend').textContent()}`);
} finally {
  await app.close();
}
process.exit(0);
