/**
 * The exported script's losses are the lab's: for every method and switch, the same embeddings give the
 * same loss value and the same gradients (so stop-gradients stop the same paths) in the script's PyTorch
 * `method_loss` as in the lab's tfjs loss, and the same trivial-bound cosine for the collapse verdict.
 * Needs /usr/bin/python3 with torch; one Python process for all cases (~3 s).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig, type ExperimentConfig } from '../core/config';
import { Rng } from '../core/rng';
import { l2Normalize } from '../ssl/losses';
import { methodEngines } from '../methods/engines';
import type { Views } from '../ssl/model';
import { useBackend } from '../testing/tfBackend';
import { hasTorch, TORCH_PYTHON, torchEnv } from '../testing/torchPython';
import { positivePairCosine } from '../metrics/trivialBound';
import { pytorchScript } from './pytorchScript';

const run = promisify(execFile);
const ROWS = 8;
const DIM = 3;
const PROTOTYPES = 4;
const CLASSES = 5;
/** `weight` (d × classes) and `bias` (1 × classes): the supervised baseline's classifier. */
const TENSORS = ['z1', 'z2', 'p1', 'p2', 't1', 't2', 'prototypes', 'weight', 'bias'] as const;
type Tensors = Record<(typeof TENSORS)[number], number[][]> & { labels: number[] };

const cases: [string, ExperimentConfig][] = [
  ['SimCLR', defaultConfig('simclr')],
  ['SimCLR without negatives', { ...defaultConfig('simclr'), negatives: false, temperature: 0.2 }],
  ['BYOL with its EMA target', defaultConfig('byol')],
  ['BYOL τ 0', { ...defaultConfig('byol'), momentum: 0 }],
  ['BYOL τ 0 without stop-gradient', { ...defaultConfig('byol'), momentum: 0, stopGrad: false }],
  ['BYOL without predictor', { ...defaultConfig('byol'), predictor: false }],
  ['SwAV', defaultConfig('swav')],
  ['SwAV ε 0.01', { ...defaultConfig('swav'), epsilon: 0.01 }],
  ['SwAV without Sinkhorn', { ...defaultConfig('swav'), sinkhorn: false, epsilon: 0.1, sinkhornIters: 5 }],
  ['SimSiam', defaultConfig('simsiam')],
  ['SimSiam without stop-gradient', { ...defaultConfig('simsiam'), stopGrad: false }],
  ['SimSiam without predictor', { ...defaultConfig('simsiam'), predictor: false }],
  ['alignment + uniformity', { ...defaultConfig('align-uniform'), lambda: 0.5 }],
  ['alignment only', { ...defaultConfig('align-uniform'), uniformity: false }],
  ['uniformity only', { ...defaultConfig('align-uniform'), alignment: false }],
  ['Barlow Twins', defaultConfig('barlow-twins')],
  ['Barlow Twins λ 0.4', { ...defaultConfig('barlow-twins'), barlowLambda: 0.4 }],
  ['Barlow Twins without off-diagonal', { ...defaultConfig('barlow-twins'), offDiagonal: false }],
  ['VICReg', defaultConfig('vicreg')],
  ['VICReg weights 5 / 40 / 3', { ...defaultConfig('vicreg'), invarianceWeight: 5, varianceWeight: 40, covarianceWeight: 3 }],
  ['VICReg without invariance', { ...defaultConfig('vicreg'), invariance: false }],
  ['VICReg without variance', { ...defaultConfig('vicreg'), variance: false }],
  ['VICReg without covariance', { ...defaultConfig('vicreg'), covariance: false }],
  ['Supervised', defaultConfig('supervised')],
];

function randomTensors(seed: number): Tensors {
  const rng = new Rng(seed);
  const matrix = (rows: number, cols: number) => Array.from({ length: rows }, () => Array.from({ length: cols }, () => rng.normal()));
  const rows = Object.fromEntries(['z1', 'z2', 'p1', 'p2', 't1', 't2'].map((name) => [name, matrix(ROWS, DIM)]));
  // d × K with unit-length columns, as the lab keeps SwAV's prototypes.
  const prototypes = tf.tidy(() => tf.transpose(l2Normalize(tf.tensor2d(matrix(PROTOTYPES, DIM)))).arraySync() as number[][]);
  const labels = Array.from({ length: ROWS }, () => rng.int(CLASSES));
  return { ...rows, prototypes, weight: matrix(DIM, CLASSES), bias: matrix(1, CLASSES), labels } as Tensors;
}

/** The lab's loss and its gradients for given embeddings: its real loss function, handed those embeddings. */
function labLoss(config: ExperimentConfig, values: Tensors): { loss: number; grads: Record<string, number[]> } {
  const inputs = TENSORS.map((name) => tf.tensor2d(values[name]));
  const method = methodEngines[config.method];
  const labels = tf.tensor1d(values.labels, 'int32');
  const lossOf = (...[z1, z2, p1, p2, t1, t2, prototypes, weight, bias]: tf.Tensor2D[]) => {
    const views = (first: tf.Tensor2D, second: tf.Tensor2D): Views => ({ both: tf.concat([first, second], 0), first, second });
    const loss = method.loss!({
      z: views(z1!, z2!),
      predict: () => views(p1!, p2!),
      target: config.method === 'byol' && config.momentum > 0 ? () => views(t1!, t2!) : null,
      prototypes: prototypes!,
      classifier: { weight: weight!, bias: tf.reshape(bias!, [-1]) },
      labels,
      config,
    });
    // tfjs refuses gradients for inputs the loss does not read; a zero term reads them all (gradient 0).
    return tf.add(loss, tf.mul(0, tf.addN([z1, z2, p1, p2, t1, t2, prototypes, weight, bias].map((x) => tf.sum(x!))))) as tf.Scalar;
  };
  const { value, grads } = tf.valueAndGrads(lossOf as (...x: tf.Tensor[]) => tf.Scalar)(inputs);
  const result = { loss: value.dataSync()[0]!, grads: Object.fromEntries(TENSORS.map((name, i) => [name, Array.from(grads[i]!.dataSync())])) };
  tf.dispose([...inputs, labels, value, ...grads]);
  return result;
}

/** Loads each case's script as a module and calls its method_loss on the same embeddings, as one training step would. */
const HARNESS = String.raw`
import importlib.util, json, sys, types, torch
results = []
for i, case in enumerate(json.load(open(sys.argv[1]))):
    spec = importlib.util.spec_from_file_location(f'run{i}', case['script'])
    run = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(run)
    cfg, t = run.CONFIG, {k: torch.tensor(v, requires_grad=True) for k, v in case['tensors'].items() if k != 'labels'}
    # What OnlineModel.forward and the EMA target would hand the loss.
    out = types.SimpleNamespace(z1=t['z1'], z2=t['z2'])
    out.p1, out.p2 = (t['p1'], t['p2']) if run.HAS_PREDICTOR and cfg['predictor'] else (out.z1, out.z2)
    if run.HAS_PROTOTYPES:
        out.s1, out.s2 = run.l2_normalize(out.z1) @ t['prototypes'], run.l2_normalize(out.z2) @ t['prototypes']
    if run.HAS_CLASSIFIER:
        out.logits = run.l2_normalize(out.z1) @ t['weight'] + t['bias'][0]
    out.labels = torch.tensor(case['tensors']['labels'])
    targets = (t['t1'], t['t2']) if run.HAS_EMA_TARGET and cfg['momentum'] > 0 else None
    loss = run.method_loss(out, targets, cfg)
    grads = torch.autograd.grad(loss, list(t.values()), allow_unused=True)
    results.append({
        'loss': loss.item(),
        'cosine': run.positive_pair_cosine(loss.item(), cfg),
        'grads': {k: (torch.zeros_like(t[k]) if g is None else g).flatten().tolist() for k, g in zip(t, grads)},
    })
print(json.dumps(results))
`;

describe.skipIf(!hasTorch)('the exported script’s losses against the lab’s (value, gradients, trivial bound)', () => {
  const folder = mkdtempSync(join(tmpdir(), 'pytorch-losses-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  beforeAll(() => useBackend('cpu'));

  it('agree for every method and switch', async () => {
    const inputs = cases.map(([name, config], i) => {
      const script = join(folder, `case${i}.py`);
      writeFileSync(script, pytorchScript(config));
      return { name, config, script, tensors: randomTensors(i + 1) };
    });
    writeFileSync(join(folder, 'harness.py'), HARNESS);
    writeFileSync(join(folder, 'cases.json'), JSON.stringify(inputs.map(({ script, tensors }) => ({ script, tensors }))));
    const { stdout } = await run(TORCH_PYTHON, [join(folder, 'harness.py'), join(folder, 'cases.json')], { env: torchEnv(), timeout: 110_000 });
    const results = JSON.parse(stdout) as { loss: number; cosine: number | null; grads: Record<string, number[]> }[];
    inputs.forEach(({ name, config, tensors }, i) => {
      const lab = labLoss(config, tensors);
      const script = results[i]!;
      expect(script.loss, name).toBeCloseTo(lab.loss, 4);
      expect(script.cosine, name).toEqual(positivePairCosine(script.loss, config));
      for (const tensor of TENSORS) {
        script.grads[tensor]!.forEach((g, j) => expect(g, `${name}: ∂loss/∂${tensor}[${j}]`).toBeCloseTo(lab.grads[tensor]![j]!, 4));
      }
    });
  });
});
