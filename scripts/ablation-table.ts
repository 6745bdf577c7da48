/**
 * Runs every method and collapse ablation through the command-line runner (`--json`) for two seeds at
 * d = 3 and d = 16 and prints a markdown table: the final collapse std × √d, or the step at which it
 * first fell below 0.1. Usage: npm run ablations -- [--steps 400] [--seeds 0,1]
 */
import { execFileSync } from 'node:child_process';

interface Row {
  label: string;
  flags: string[];
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
];

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] ?? fallback : fallback;
}

const steps = option('steps', '400');
const seeds = option('seeds', '0,1').split(',');
const dims = option('dims', '3,16').split(',');

/** "collapses by 50" when std × √d fell under 0.1, else the final std × √d. */
function outcome(dim: string, seed: string, flags: string[]): string {
  const args = ['src/cli/train.ts', ...flags, '--dim', dim, '--seed', seed, '--steps', steps, '--eval-every', '25', '--json'];
  const lines = execFileSync('node_modules/.bin/tsx', args, { encoding: 'utf8' }).trim().split('\n');
  const evals = lines.map((line) => JSON.parse(line)).filter((record) => !record.summary) as { step: number; stdScaled: number }[];
  const collapsed = evals.find((record) => record.stdScaled < 0.1);
  return collapsed ? `by ${collapsed.step}` : evals.at(-1)!.stdScaled.toFixed(2);
}

console.log(`| run | ${dims.map((d) => `d = ${d} (seeds ${seeds.join(', ')})`).join(' | ')} |`);
console.log(`|---|${dims.map(() => '---').join('|')}|`);
for (const row of rows) {
  const cells = dims.map((dim) => seeds.map((seed) => outcome(dim, seed, row.flags)).join(' / '));
  console.log(`| ${row.label} | ${cells.join(' | ')} |`);
}
console.log(`\nCollapse std × √d after ${steps} steps (1 spread, 0 collapsed), or "by N": first evaluation (every 25 steps) under 0.1.`);
