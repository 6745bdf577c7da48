/**
 * The collapse detector over every PyTorch reference run (../shared/reference/pytorch-curves.csv, beside the
 * repository): healthy runs are never flagged collapsed, runs whose collapse std × √d falls under 0.1 are
 * flagged collapsed close to that step, BYOL without a predictor is flagged at least partial by step 800, and
 * redundancy reduction without its decorrelating term is flagged dimensional (at d = 16), never collapsed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defaultConfig, type ExperimentConfig } from '../core/config';
import { advanceCollapse, type CollapseVerdict, initialCollapseTracking } from './collapseVerdict';
import { lossAtTrivialBound } from './trivialBound';

const csvPath = fileURLToPath(new URL('../../../shared/reference/pytorch-curves.csv', import.meta.url));
const csvPresent = existsSync(csvPath);

interface ReferenceRow {
  step: number;
  loss: number;
  stdScaled: number;
  uniformity: number;
  effectiveRank: number;
}

function readRuns(): Map<string, ReferenceRow[]> {
  const [header, ...lines] = readFileSync(csvPath, 'utf8').trim().split(/\r?\n/); // the reference CSV ends its lines with CRLF
  const columns = header!.split(',');
  const at = (cells: string[], name: string): number => {
    const cell = cells[columns.indexOf(name)];
    return cell === undefined || cell === '' ? NaN : Number(cell);
  };
  const runs = new Map<string, ReferenceRow[]>();
  for (const line of lines) {
    const cells = line.split(',');
    const name = cells[0]!;
    const row = {
      step: at(cells, 'step'),
      loss: at(cells, 'loss'),
      stdScaled: at(cells, 'std_eval'),
      uniformity: at(cells, 'unif'),
      effectiveRank: at(cells, 'erank_z'),
    };
    runs.set(name, [...(runs.get(name) ?? []), row]);
  }
  return runs;
}

/** The lab's config for a reference run's name (method and the switches its loss depends on). */
function configOf(name: string): ExperimentConfig {
  if (name.startsWith('simclr_align_only')) return { ...defaultConfig('simclr'), negatives: false, temperature: 0.5 };
  if (name.startsWith('simclr')) return defaultConfig('simclr');
  if (name.startsWith('wi_align_only')) return { ...defaultConfig('align-uniform'), uniformity: false };
  if (name.startsWith('wi_uniform_only')) return { ...defaultConfig('align-uniform'), alignment: false };
  if (name.startsWith('wi_')) return defaultConfig('align-uniform');
  if (name.startsWith('byol')) return defaultConfig('byol');
  if (name.startsWith('swav')) return defaultConfig('swav');
  if (name.startsWith('barlow')) return defaultConfig('barlow-twins');
  if (name.startsWith('vicreg')) return defaultConfig('vicreg');
  return defaultConfig('simsiam');
}

/** The verdict after each row. */
function detect(name: string, rows: ReferenceRow[]): { step: number; verdict: CollapseVerdict }[] {
  const dim = Number(/_d(\d+)$/.exec(name)![1]);
  const config = configOf(name);
  let tracking = initialCollapseTracking();
  return rows.map((row) => {
    // The CSV has no spectrum: the effective rank is the only dimensional evidence here.
    tracking = advanceCollapse(tracking, { ...row, dim, topShare: null, lossAtBound: lossAtTrivialBound(row.loss, config) });
    return { step: row.step, verdict: tracking.verdict };
  });
}

/** Where a run actually collapses: its collapse std × √d first falls under 0.1. */
function fallStep(rows: ReferenceRow[]): number | null {
  return rows.find((row) => row.step > 0 && row.stdScaled < 0.1)?.step ?? null;
}

/** Ablations that break a method without the points reaching one spot within the run. */
const degrades = /no_pred|no_sg|no_sinkhorn/;
/** Redundancy reduction without its decorrelating term: the points keep their spread but line up (dimensional collapse). */
const losesDimensions = /barlow_no_offdiag|vicreg_no_cov/;

describe.skipIf(!csvPresent)('collapse detection on the PyTorch reference runs', () => {
  const runs = csvPresent ? readRuns() : new Map<string, ReferenceRow[]>();
  const verdicts = new Map([...runs].map(([name, rows]) => [name, detect(name, rows)]));
  const collapsing = [...runs].filter(([, rows]) => fallStep(rows) !== null).map(([name]) => name);
  const degrading = [...runs.keys()].filter((name) => !collapsing.includes(name) && degrades.test(name));
  const dimensional = [...runs.keys()].filter((name) => losesDimensions.test(name));
  const healthy = [...runs.keys()].filter((name) => !collapsing.includes(name) && !degrading.includes(name) && !dimensional.includes(name));

  it('reads every run', () => {
    expect(runs.size).toBeGreaterThan(80);
    expect(collapsing.length).toBeGreaterThan(20);
    expect(healthy.length).toBeGreaterThan(40);
  });

  it.each(healthy)('%s (healthy) is never flagged collapsed and ends healthy', (name) => {
    const history = verdicts.get(name)!;
    expect(history.filter(({ verdict }) => verdict.state === 'collapsed')).toEqual([]);
    expect(history.at(-1)!.verdict.state).toBe('healthy');
    // Only runs without BatchNorm start poorly spread (std × √d 0.3 at step 0); they may be flagged while they recover.
    if (!name.includes('noBN')) expect(history.filter(({ verdict }) => verdict.state !== 'healthy')).toEqual([]);
  });

  it.each(collapsing)('%s is flagged collapsed within 50 steps of where it falls', (name) => {
    const fell = fallStep(runs.get(name)!)!;
    const flagged = verdicts.get(name)!.find(({ verdict }) => verdict.state === 'collapsed');
    expect(flagged).toBeDefined();
    expect(Math.abs(flagged!.verdict.since! - fell)).toBeLessThanOrEqual(50);
  });

  it.each(degrading)('%s (degrades without reaching one point) is flagged partial, never collapsed', (name) => {
    const history = verdicts.get(name)!;
    expect(history.filter(({ verdict }) => verdict.state === 'collapsed')).toEqual([]);
    expect(history.at(-1)!.verdict.state).toBe('partial');
  });

  it.each(dimensional)('%s (dimensional collapse: the std stays high) is never flagged as complete collapse', (name) => {
    const history = verdicts.get(name)!;
    expect(history.filter(({ verdict }) => verdict.state === 'collapsed')).toEqual([]);
    // From d = 8 the effective rank tells; at d = 3 only the top share does, and the CSV has none.
    if (!name.endsWith('_d3')) expect(history.at(-1)!.verdict.state).toBe('dimensional');
  });

  it('flags every BYOL-without-predictor run at least partial by step 800', () => {
    const byolNoPredictor = [...runs.keys()].filter((name) => name.startsWith('byol_no_pred'));
    expect(byolNoPredictor.length).toBeGreaterThanOrEqual(6);
    for (const name of byolNoPredictor) {
      const at800 = verdicts.get(name)!.find(({ step }) => step === 800)!;
      expect(at800.verdict.state, name).not.toBe('healthy');
    }
  });
});

describe.runIf(!csvPresent)('collapse detection on the PyTorch reference runs', () => {
  it.skip(`skipped: ${csvPath} is not here (it lives beside the repository, not in it)`, () => {});
});
