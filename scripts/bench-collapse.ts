/**
 * Felt speed, as figures: from opening a link that collapses (SimSiam without stop-gradient, seed 11, autoplay) to
 * the collapse banner, in seconds, and the steps/s the status line shows meanwhile, while the sphere draws. Several
 * fresh pages, medians.
 *
 *   npm run build && npm run bench:collapse [-- --runs 3 --backend wasm --threads N]
 */
import { openApp } from './lib/browserApp';
import { numberOption, option } from './lib/options';

const runs = numberOption('runs', 3);
const backend = option('backend', 'wasm');
const threads = option('threads', '');
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

const app = await openApp();
const seconds: number[] = [];
const rates: number[] = [];
try {
  for (let run = 0; run < runs; run++) {
    const page = await app.newPage();
    const query = `?backend=${backend}${threads ? `&threads=${threads}` : ''}`;
    const opened = Date.now();
    await page.goto(`${app.url}${query}#v=1&method=simsiam&stopGrad=false&seed=11&autoplay=1`);
    const banner = page.getByTestId('collapse-banner').getByText(/^Collapsed at step \d+/);
    const shown: number[] = [];
    // The moment the banner shows (not the next sample's), and meanwhile the status line's steps/s every half second.
    let shownAt: number | null = null;
    const bannerShown = banner.waitFor({ timeout: 300_000 }).then(() => (shownAt = Date.now()));
    while (shownAt === null) {
      const rate = Number(await page.getByTestId('steps-per-sec').textContent());
      if (rate > 0) shown.push(rate);
      await Promise.race([bannerShown, page.waitForTimeout(500)]);
    }
    const elapsed = (shownAt - opened) / 1000;
    const text = await banner.textContent();
    seconds.push(elapsed);
    rates.push(median(shown));
    console.log(`run ${run + 1}: ${elapsed.toFixed(1)} s to "${text?.slice(0, 30)}", ${median(shown).toFixed(1)} steps/s shown (median)`);
    await page.close();
  }
  console.log(`median: ${median(seconds).toFixed(1)} s from opening the link to the collapse banner, ${median(rates).toFixed(1)} steps/s while the sphere draws (${backend})`);
} finally {
  await app.close();
}
process.exit(0);
