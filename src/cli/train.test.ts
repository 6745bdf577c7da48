import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { figuresOf } from '../metrics/snapshotFigures';
import { parseRunReport } from '../train/runReport';

const run = promisify(execFile);
const cli = ['node_modules/.bin/tsx', 'src/cli/train.ts'];

describe('npm run train (the real CLI process)', () => {
  it('trains a few dozen steps, prints one JSON object per evaluation plus a summary, and writes the run report', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'cli-report-'));
    const reportPath = join(folder, 'run.json');
    const { stdout, stderr } = await run(cli[0]!, [cli[1]!, '--steps', '30', '--batch', '64', '--eval-every', '10', '--seed', '2', '--json', '--report', reportPath]);
    const lines = stdout.trim().split('\n').map((line) => JSON.parse(line));
    const evals = lines.filter((line) => !line.summary);
    const summary = lines.at(-1);
    expect(evals.map((e) => e.step)).toEqual([0, 10, 20, 30]);
    expect(evals[0].loss).toBeNull();
    for (const e of evals.slice(1)) {
      expect(e.stdScaled).toBeCloseTo(e.collapseStd * Math.sqrt(summary.config.dim), 12);
      expect(e.stepsPerSec).toBeGreaterThan(0);
      expect(e.knnZ).toBeNull();
    }
    // SimSiam with its stop-gradient stays spread over 30 steps.
    expect(evals.map((e) => e.verdict)).toEqual(evals.map(() => ({ state: 'healthy', since: null })));
    expect(summary.verdict).toBe('healthy');
    // SimSiam learns: its loss (a negative cosine) falls from the first window of steps to the last.
    const losses: number[] = evals.slice(1).map((e) => e.loss);
    expect(losses.at(-1)).toBeLessThan(losses[0]! - 0.1);
    expect(summary).toMatchObject({ summary: true, steps: 30, backend: 'wasm' });
    expect(summary.config.seed).toBe(2);
    expect(summary.medianStepMs).toBeGreaterThan(0);

    // The report is the lab's own format, its figures the JSON lines' figures.
    expect(stderr).toContain(`Wrote the run report to ${reportPath}`);
    const { report, notices } = parseRunReport(JSON.parse(readFileSync(reportPath, 'utf8')));
    rmSync(folder, { recursive: true, force: true });
    expect(notices).toEqual([]);
    expect(report!.config).toEqual(summary.config);
    expect(report!.backend!.name).toBe('wasm');
    expect(report!.metrics).toEqual(evals.map((e) => figuresOf(e)));
    expect(report!.snapshots.map((s) => s.step)).toEqual([0, 30]);
    expect(report!.snapshots[1]!.labels).toHaveLength(2000);
  });

  it('random init: prints the step-0 evaluation (kNN, linear probes, the positive-pair distances) and says that --steps is ignored', async () => {
    const { stdout, stderr } = await run(cli[0]!, [cli[1]!, '--method', 'random', '--dim', '2', '--steps', '500', '--knn', '200', '--json']);
    const lines = stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines).toHaveLength(2);
    const [evaluation, summary] = lines;
    expect(evaluation).toMatchObject({ step: 0, loss: null, knnZ: expect.any(Number), linearZ: expect.any(Number), linearH: expect.any(Number) });
    // The mean positive-pair distance ‖f(x) − f(y)‖² is the alignment; its histogram's shares sum to 1.
    expect(evaluation.alignment).toBeGreaterThan(0);
    expect(evaluation.pairDistances.reduce((sum: number, share: number) => sum + share, 0)).toBeCloseTo(1, 6);
    expect(summary).toMatchObject({ summary: true, steps: 0, verdict: 'healthy' });
    expect(stderr).toContain('random trains nothing: --steps is ignored');
  });

  it('supervised: trains, and prints the linear probes and the positive-pair distance mean', async () => {
    const { stdout } = await run(cli[0]!, [cli[1]!, '--method', 'supervised', '--dim', '2', '--steps', '10', '--batch', '64', '--eval-every', '10', '--knn', '200', '--json']);
    const evals = stdout.trim().split('\n').map((line) => JSON.parse(line)).filter((line) => !line.summary);
    expect(evals.map((e) => e.step)).toEqual([0, 10]);
    expect(evals[1]).toMatchObject({ loss: expect.any(Number), linearZ: expect.any(Number), linearH: expect.any(Number), alignment: expect.any(Number) });
  });

  it('says before training when the run report cannot be written', async () => {
    const failure = await run(cli[0]!, [cli[1]!, '--report', '/nonexistent-folder/run.json']).catch((error: { code: number; stderr: string }) => error);
    expect(failure).toMatchObject({ code: 1 });
    expect((failure as { stderr: string }).stderr).toBe('Cannot write the run report to "/nonexistent-folder/run.json": its folder does not exist.\n');
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
