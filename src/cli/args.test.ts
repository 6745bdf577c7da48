import { describe, expect, it } from 'vitest';
import { DEFAULT_CLI_STEPS } from '../core/config';
import { parseArgs, usage, UsageError } from './args';

describe('parseArgs', () => {
  it('reads the documented example', () => {
    const { config, json } = parseArgs(
      '--method simsiam --dataset fashion-mnist --steps 300 --seed 3 --dim 3 --stop-grad=false --predictor=true --eval-every 25 --json'.split(' '),
    );
    expect(config).toMatchObject({ method: 'simsiam', dataset: 'fashion-mnist', steps: 300, seed: 3, dim: 3, stopGrad: false, predictor: true, evalEvery: 25 });
    expect(json).toBe(true);
  });

  it('treats a bare boolean flag as true and defaults the steps', () => {
    const { config } = parseArgs(['--predictor', '--seed', '9']);
    expect(config.predictor).toBe(true);
    expect(config.seed).toBe(9);
    expect(config.steps).toBe(DEFAULT_CLI_STEPS);
  });

  it.each([
    [['--bogus', '1'], /Unknown flag --bogus/],
    [['--dim', '500'], /--dim 500: expected whole number 2–128/],
    [['--stop-grad=maybe'], /--stop-grad maybe: expected true\|false/],
    [['--method', 'dino'], /--method dino: expected/],
    [['--steps'], /--steps needs a value/],
    [['--steps', '0'], /at least 1/],
    [['--backend', 'tpu'], /--backend must be one of/],
    [['steps=3'], /Unexpected argument/],
    [['--dataset', 'own'], /your own images are decoded in the lab page/],
    [['--export-pytorch', '--steps', '3'], /--export-pytorch needs a file name/],
  ])('rejects %j with a clear message', (argv, message) => {
    expect(() => parseArgs(argv as string[])).toThrow(UsageError);
    expect(() => parseArgs(argv as string[])).toThrow(message as RegExp);
  });
});

describe('--export-pytorch', () => {
  it('takes a file name beside the flags of the experiment to export', () => {
    const { exportPytorch, config } = parseArgs(['--method', 'simclr', '--export-pytorch', 'run.py', '--negatives=false']);
    expect(exportPytorch).toBe('run.py');
    expect(config).toMatchObject({ method: 'simclr', negatives: false });
    expect(parseArgs([]).exportPytorch).toBeNull();
    expect(parseArgs(['--steps', '50', '--report', 'run.json']).report).toBe('run.json');
    expect(parseArgs([]).report).toBeNull();
    expect(() => parseArgs(['--report', '--json'])).toThrow('--report needs a file name, e.g. --report run.json.');
  });
});

describe('method defaults on the command line', () => {
  it('reads other flags against the chosen method’s defaults', () => {
    expect(parseArgs(['--method', 'swav']).config.temperature).toBe(0.1);
    expect(parseArgs(['--method', 'simclr']).config.temperature).toBe(0.5);
    expect(parseArgs(['--temperature', '0.2', '--method', 'swav']).config.temperature).toBe(0.2);
  });
});

describe('flags of every config key', () => {
  it('reads the redundancy-reduction switches and weights by their kebab-case names', () => {
    const vicreg = parseArgs('--method vicreg --variance false --covariance-weight 5 --invariance-weight=10'.split(' ')).config;
    expect(vicreg).toMatchObject({ method: 'vicreg', variance: false, covarianceWeight: 5, invarianceWeight: 10, covariance: true });
    const barlow = parseArgs(['--method', 'barlow-twins', '--off-diagonal=false', '--barlow-lambda', '0.2']).config;
    expect(barlow).toMatchObject({ method: 'barlow-twins', offDiagonal: false, barlowLambda: 0.2 });
  });

  it('lists every flag in the usage text, the accepted values starting in one column', () => {
    const lines = usage().split('\n').filter((line) => line.startsWith('  --'));
    for (const flag of ['--off-diagonal', '--barlow-lambda', '--invariance', '--variance', '--covariance', '--covariance-weight']) {
      expect(lines.filter((line) => line.startsWith(`  ${flag} `))).toHaveLength(1);
    }
    // Where the second word (the accepted values) begins, on the lines that have values.
    const valueStarts = lines.filter((line) => !/--(json|help|report|export-pytorch)/.test(line)).map((line) => line.search(/(?<=^ {2}\S+ +)\S/));
    expect(new Set(valueStarts)).toEqual(new Set([valueStarts[0]]));
  });
});
