import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const cli = ['node_modules/.bin/tsx', 'src/cli/train.ts'];

describe('npm run train (the real CLI process)', () => {
  it('trains a few dozen steps and prints one JSON object per evaluation plus a summary', async () => {
    const { stdout } = await run(cli[0]!, [cli[1]!, '--steps', '30', '--batch', '64', '--eval-every', '10', '--seed', '2', '--json']);
    const lines = stdout.trim().split('\n').map((line) => JSON.parse(line));
    const evals = lines.filter((line) => !line.summary);
    const summary = lines.at(-1);
    expect(evals.map((e) => e.step)).toEqual([0, 10, 20, 30]);
    for (const e of evals.slice(1)) {
      expect(e.stdScaled).toBeCloseTo(e.std * Math.sqrt(summary.config.dim), 12);
      expect(e.stepsPerSec).toBeGreaterThan(0);
    }
    // SimSiam learns: its loss (a negative cosine) falls from the first window of steps to the last.
    const losses: number[] = evals.slice(1).map((e) => e.loss);
    expect(losses.at(-1)).toBeLessThan(losses[0]! - 0.1);
    expect(summary).toMatchObject({ summary: true, steps: 30, backend: 'wasm' });
    expect(summary.config.seed).toBe(2);
    expect(summary.medianStepMs).toBeGreaterThan(0);
  });

  it('exits with code 2 and a readable message on a bad flag', async () => {
    const failure = await run(cli[0]!, [cli[1]!, '--dim', 'lots']).catch((error: { code: number; stderr: string }) => error);
    expect(failure).toMatchObject({ code: 2 });
    expect((failure as { stderr: string }).stderr).toContain('--dim lots: expected whole number 2–128');
  });
});

describe('npm run train -- --export-pytorch', () => {
  it('writes the script for the experiment the other flags describe and exits 0 without training', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'cli-export-'));
    try {
      const path = join(folder, 'run.py');
      const { stdout } = await run(cli[0]!, [cli[1]!, '--method', 'simsiam', '--stop-grad=false', '--steps', '200', '--export-pytorch', path]);
      expect(stdout).toContain(`Wrote simsiam as a PyTorch script to ${path}`);
      const script = readFileSync(path, 'utf8');
      expect(script).toContain("'stopGrad': False,");
      expect(script).toContain("'steps': 200,");
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('exits with code 1 and says why when the file cannot be written', async () => {
    const failure = await run(cli[0]!, [cli[1]!, '--export-pytorch', '/nonexistent-folder/run.py']).catch((error: { code: number; stderr: string }) => error);
    expect(failure).toMatchObject({ code: 1 });
    expect((failure as { stderr: string }).stderr).toContain('Cannot write the PyTorch script to "/nonexistent-folder/run.py": its folder does not exist.');
  });
});
