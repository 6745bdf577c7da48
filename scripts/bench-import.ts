/**
 * Importing your own images, printed as figures: milliseconds per image from the drop to the summary (listing,
 * reading, decoding, cropping and resampling in the import worker, the split) and main-thread long tasks
 * (> 50 ms) meanwhile, for small PNGs and for camera-sized JPEGs. The images are drawn in the page and dropped on
 * the drop zone as files.
 * Usage: npm run build && npm run bench:import [-- --small 2000 --photos 200]
 */
import { openApp } from './lib/browserApp';
import { numberOption } from './lib/options';

const sets = [
  { count: numberOption('small', 2000), width: 64, height: 64, type: 'image/png' },
  { count: numberOption('photos', 200), width: 1600, height: 1200, type: 'image/jpeg' },
];

const app = await openApp();
try {
  const page = await app.newPage();
  await page.addInitScript(`
    window.longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((entry) => window.longTasks.push(entry.duration)))
      .observe({ type: 'longtask', buffered: true });
  `);
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Start', exact: true }).waitFor({ timeout: 120_000 });
  for (const { count, width, height, type } of sets) {
    if (count === 0) continue;
    // Scripts run in the page are passed as text: tsx would wrap functions in helpers the page lacks.
    const files = await page.evaluateHandle(`(async () => {
      const transfer = new DataTransfer();
      const canvas = new OffscreenCanvas(${width}, ${height});
      const context = canvas.getContext('2d');
      for (let i = 0; i < ${count}; i++) {
        context.fillStyle = 'hsl(' + ((i * 37) % 360) + ', 70%, 50%)';
        context.fillRect(0, 0, ${width}, ${height});
        context.fillStyle = '#fff';
        context.fillRect((i * 7) % ${width}, 0, ${width / 4}, ${height});
        const blob = await canvas.convertToBlob({ type: '${type}', quality: 0.9 });
        transfer.items.add(new File([blob], 'class' + (i % 4) + '-' + i + '.' + '${type.split('/')[1]}', { type: '${type}' }));
      }
      return transfer;
    })()`);
    const tasksBefore = (await page.evaluate('window.longTasks.length')) as number;
    const started = Date.now();
    await page.locator('.own-images-drop').dispatchEvent('drop', { dataTransfer: files });
    await page.getByTestId('own-images-summary').filter({ hasText: `${count.toLocaleString('en')} images` }).waitFor({ timeout: 600_000 });
    const ms = Date.now() - started;
    const tasks = (await page.evaluate(`window.longTasks.slice(${tasksBefore})`)) as number[];
    const longest = tasks.length ? Math.max(...tasks).toFixed(0) : '0';
    console.log(
      `${count.toLocaleString('en')} ${type.split('/')[1]} ${width}×${height}: ${(ms / 1000).toFixed(1)} s, ${(ms / count).toFixed(2)} ms per image; ` +
        `long tasks on the main thread: ${tasks.length}, longest ${longest} ms`,
    );
  }
} finally {
  await app.close();
}
process.exit(0);
