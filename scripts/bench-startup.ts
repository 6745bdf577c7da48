/**
 * Start-up, as figures: opens the lab on fresh pages (default URL, wasm) and, watching each start-up from the page's
 * first instant, prints when every start-up phase the training worker reports ended (ms after the page opened) and
 * how long it took, when Start became usable and when the first sphere's figures showed, and every alert the page
 * raised meanwhile (there should be none: a slow start is no dead worker). Medians over the pages.
 *
 *   npm run build && npm run bench:startup [-- --pages 20 --busy 2 --backend wasm]
 *
 * `--busy N` runs N busy-loop processes beside the browser for the whole bench (a laptop doing other work).
 */
import { fork } from 'node:child_process';
import { startupPhases } from '../src/train/startupPhases';
import { openApp } from './lib/browserApp';
import { numberOption, option } from './lib/options';

const pages = numberOption('pages', 20);
const busy = numberOption('busy', 0);
const backend = option('backend', 'wasm');
const median = (values: number[]) => (values.length ? [...values].sort((a, b) => a - b)[values.length >> 1]! : NaN);

/** What the page records about its own start-up (installed before any of its scripts run). */
interface StartupRecord {
  /** Each phase's end: [phase, ms after navigation start, its duration in ms]; and the worker's first word. */
  phases: [string, number, number][];
  firstWord: number | null;
  /** The longest the worker went without a word, from its creation until the first figures (ms). */
  longestSilence: number;
  lastWord: number | null;
  startEnabled: number | null;
  firstFigures: number | null;
  alerts: string[];
}

function recordStartup(): void {
  const record: StartupRecord = { phases: [], firstWord: null, longestSilence: 0, lastWord: null, startEnabled: null, firstFigures: null, alerts: [] };
  (window as unknown as { startup: StartupRecord }).startup = record;
  const PageWorker = window.Worker;
  window.Worker = class extends PageWorker {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      if (!String(url).includes('training.worker')) return;
      record.lastWord = performance.now();
      this.addEventListener('message', (event: MessageEvent) => {
        const now = performance.now();
        record.firstWord ??= now;
        if (record.firstFigures === null) record.longestSilence = Math.max(record.longestSilence, now - record.lastWord!);
        record.lastWord = now;
        if (event.data.type === 'phase' && event.data.ms !== null) record.phases.push([event.data.phase, now, event.data.ms]);
      });
    }
  };
  new MutationObserver(() => {
    for (const alert of document.querySelectorAll('[role=alert]')) {
      const text = alert.textContent ?? '';
      if (text.trim() && !record.alerts.includes(text)) record.alerts.push(text);
    }
    const start = [...document.querySelectorAll('button')].find((button) => button.textContent === 'Start');
    if (record.startEnabled === null && start && !start.disabled) record.startEnabled = performance.now();
    const figure = document.querySelector('[data-testid=collapse-std-scaled]');
    if (record.firstFigures === null && figure && figure.textContent !== '—') record.firstFigures = performance.now();
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
}

const busyLoops = Array.from({ length: busy }, () => fork('-e', ['const e = Date.now() + 3.6e6; while (Date.now() < e) {}'], { execArgv: [] }));
const app = await openApp();
const records: StartupRecord[] = [];
try {
  for (let run = 1; run <= pages; run++) {
    const page = await app.newPage();
    await page.addInitScript(recordStartup);
    await page.goto(`${app.url}?backend=${backend}`);
    await page.waitForFunction(() => {
      const record = (window as unknown as { startup: StartupRecord }).startup;
      return record.startEnabled !== null && record.firstFigures !== null;
    }, null, { timeout: 120_000 });
    const record = await page.evaluate(() => (window as unknown as { startup: StartupRecord }).startup);
    records.push(record);
    const phases = record.phases.map(([phase, , ms]) => `${phase} ${ms.toFixed(0)}`).join(', ');
    console.log(
      `page ${run}: first word ${record.firstWord!.toFixed(0)} ms, Start usable ${record.startEnabled!.toFixed(0)} ms, first figures ` +
        `${record.firstFigures!.toFixed(0)} ms; longest silence ${record.longestSilence.toFixed(0)} ms; alerts ${record.alerts.length}; phases (ms): ${phases}`,
    );
    for (const alert of record.alerts) console.log(`  ALERT: ${alert}`);
    await page.close();
  }
  console.log(`\nmedians over ${records.length} fresh pages (${backend}, ${busy} busy loops beside the browser), ms:`);
  console.log(`${'phase'.padEnd(12)} ${'took'.padStart(6)} ${'max'.padStart(6)} ${'ended at'.padStart(9)}`);
  for (const phase of startupPhases) {
    const ends = records.flatMap((record) => record.phases.filter(([name]) => name === phase).slice(0, 1));
    if (ends.length === 0) continue;
    const took = ends.map(([, , ms]) => ms);
    console.log(`${phase.padEnd(12)} ${median(took).toFixed(0).padStart(6)} ${Math.max(...took).toFixed(0).padStart(6)} ${median(ends.map(([, at]) => at)).toFixed(0).padStart(9)}`);
  }
  console.log(`first word from the worker: ${median(records.map((r) => r.firstWord!)).toFixed(0)} ms after the page opened`);
  const silences = records.map((r) => r.longestSilence);
  console.log(`longest silence of the worker: median ${median(silences).toFixed(0)} ms, max ${Math.max(...silences).toFixed(0)} ms`);
  console.log(`Start usable: ${median(records.map((r) => r.startEnabled!)).toFixed(0)} ms; first figures: ${median(records.map((r) => r.firstFigures!)).toFixed(0)} ms`);
  const alarmed = records.filter((record) => record.alerts.length > 0).length;
  console.log(`pages with an alert during start-up: ${alarmed} of ${records.length}`);
} finally {
  await app.close();
  for (const loop of busyLoops) loop.kill();
}
process.exit(0);
