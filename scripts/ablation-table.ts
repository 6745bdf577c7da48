/**
 * Runs every method and collapse ablation through the command-line runner (`--json`) for two seeds at
 * d = 3 and d = 16 and prints a markdown table: the final collapse std × √d, or the step at which it
 * first fell below 0.1; for the redundancy-reduction rows also the effective rank, the spectrum's top share, kNN
 * accuracy on z and the lab's verdict, since their dimensional collapse leaves the std high.
 * Usage: npm run ablations -- [--steps 400] [--seeds 0,1] [--dims 3,16] [--only VICReg]
 */
import { execFileSync } from 'node:child_process';
import { option } from './lib/options';

interface Row {
  label: string;
  flags: string[];
  /** Also print the effective rank, top share, kNN and verdict: dimensional collapse keeps the std high. */
  rank?: boolean;
}

const rows: Row[] = [
  { label: 'SimCLR τ 0.5', flags: ['--method', 'simclr'] },
  { label: 'SimCLR without negatives', flags: ['--method', 'simclr', '--negatives=false'] },
  { label: 'BYOL τ 0.99', flags: ['--method', 'byol'] },
  { label: 'BYOL without predictor', flags: ['--method', 'byol', '--predictor=false'] },
  { label: 'BYOL τ 0 (stop-grad kept)', flags: ['--method', 'byol', '--momentum', '0'] },
  { label: 'BYOL τ 0, stop-grad off', flags: ['--method', 'byol', '--momentum', '0', '--stop-grad=false'] },
  { label: 'SwAV K 32', flags: ['--method', 'swav'] },
  { label: 'SwAV without Sinkhorn', flags: ['--method', 'swav', '--sinkhorn=false'] },
  { label: 'SimSiam', flags: ['--method', 'simsiam'] },
  { label: 'SimSiam without stop-grad', flags: ['--method', 'simsiam', '--stop-grad=false'] },
  { label: 'SimSiam without predictor', flags: ['--method', 'simsiam', '--predictor=false'] },
  { label: 'alignment only', flags: ['--method', 'align-uniform', '--uniformity=false'] },
  { label: 'uniformity only', flags: ['--method', 'align-uniform', '--alignment=false'] },
  { label: 'Barlow Twins λ 0.05', flags: ['--method', 'barlow-twins'], rank: true },
  { label: 'Barlow Twins without off-diagonal', flags: ['--method', 'barlow-twins', '--off-diagonal=false'], rank: true },
  { label: 'VICReg 25 / 25 / 1', flags: ['--method', 'vicreg'], rank: true },
  { label: 'VICReg without variance', flags: ['--method', 'vicreg', '--variance=false'], rank: true },
  { label: 'VICReg without covariance', flags: ['--method', 'vicreg', '--covariance=false'], rank: true },
  { label: 'VICReg without invariance', flags: ['--method', 'vicreg', '--invariance=false'], rank: true },
  // Wang & Isola's Figure 1 baselines: classes on the sphere from labels, and the network before any training.
  { label: 'Supervised', flags: ['--method', 'supervised'], rank: true },
  { label: 'Random init', flags: ['--method', 'random'], rank: true },
];

const steps = option('steps', '400');
const seeds = option('seeds', '0,1').split(',');
const dims = option('dims', '3,16').split(',');
/** Only the rows whose label contains this text (to regenerate part of the table). */
const only = option('only', '');

interface Record {
  step: number;
  stdScaled: number;
  effectiveRank: number;
  spectrum: number[] | null;
  knnZ: number | null;
  verdict: { state: string };
}

/** kNN queries per evaluation on the rank rows (it embeds the training bank each time: the slow part). */
const KNN_QUERIES = '1000';

/**
 * "by 50" when std × √d fell under 0.1, else the final std × √d; for rank rows also the effective rank, the top
 * share, kNN on z and the verdict: "0.98 · r 1.8 · top 0.86 · kNN 0.70 · dimensional".
 */
function outcome(dim: string, seed: string, { flags, rank }: Row): string {
  const knn = rank ? ['--knn', KNN_QUERIES] : [];
  const args = ['src/cli/train.ts', ...flags, ...knn, '--dim', dim, '--seed', seed, '--steps', steps, '--eval-every', '25', '--json'];
  const lines = execFileSync('node_modules/.bin/tsx', args, { encoding: 'utf8' }).trim().split('\n');
  const evals = lines.map((line) => JSON.parse(line)).filter((record) => !record.summary) as Record[];
  const collapsed = evals.find((record) => record.stdScaled < 0.1);
  const final = evals.at(-1)!;
  if (!rank) return collapsed ? `by ${collapsed.step}` : final.stdScaled.toFixed(2);
  const std = collapsed ? `by ${collapsed.step}` : final.stdScaled.toFixed(2);
  const top = final.spectrum?.[0]?.toFixed(2) ?? '—';
  return `${std} · r ${final.effectiveRank.toFixed(1)} · top ${top} · kNN ${final.knnZ?.toFixed(2) ?? '—'} · ${final.verdict.state}`;
}

console.log(`| run | ${dims.map((d) => `d = ${d} (seeds ${seeds.join(', ')})`).join(' | ')} |`);
console.log(`|---|${dims.map(() => '---').join('|')}|`);
for (const row of rows.filter((candidate) => candidate.label.includes(only))) {
  const cells = dims.map((dim) => seeds.map((seed) => outcome(dim, seed, row)).join(' / '));
  console.log(`| ${row.label} | ${cells.join(' | ')} |`);
}
console.log(
  `\nCollapse std × √d after ${steps} steps (1 spread, 0 collapsed), or "by N": first evaluation (every 25 steps) under 0.1;` +
    ' rank rows: "r" effective rank (of d), "top" the spectrum\'s largest share, kNN accuracy on z, the verdict.',
);
