/**
 * ExperimentConfig: the one serialisable description of an experiment. One typed table of properties
 * (name, type, range, default, one-line help) drives the defaults, validation with clamping, the CLI
 * flags and the URL codec, so every host speaks the same vocabulary.
 */
import { type ConfigNotice, shown } from './notices';

/**
 * The methods the lab trains, in the order the method control lists them. Each is a folder src/methods/<name>/
 * (its words, loss and PyTorch part); its settings are rows of configSpec and its line in methodSettings below.
 */
const methodList = ['simclr', 'byol', 'swav', 'simsiam', 'align-uniform', 'barlow-twins', 'vicreg', 'supervised', 'random'] as const;
export type MethodName = (typeof methodList)[number];
export const methodNames: MethodName[] = [...methodList];

/** The image datasets shipped in public/data (built by scripts/build-datasets.ts). */
export const builtInDatasetNames = ['fashion-mnist', 'mnist', 'shapes-colours'] as const;
export type BuiltInDatasetName = (typeof builtInDatasetNames)[number];

/**
 * The user's own images, decoded in their browser. A link or file can name it but never carries the images:
 * the page answers it with the images kept in this browser, or with a notice and a built-in dataset.
 */
export const OWN_DATASET = 'own';
const datasetNames = [...builtInDatasetNames, OWN_DATASET] as const;
export type DatasetName = (typeof datasetNames)[number];

const optimizerNames = ['adam', 'sgd'] as const;
type OptimizerName = (typeof optimizerNames)[number];

const momentumSchedules = ['constant', 'cosine'] as const;
type MomentumSchedule = (typeof momentumSchedules)[number];

export interface ExperimentConfig {
  method: MethodName;
  dataset: DatasetName;
  seed: number;
  /** Training steps to run; 0 = until paused. */
  steps: number;
  batch: number;
  lr: number;
  optimizer: OptimizerName;
  /** Output (embedding) dimension d; 3 puts the points exactly on the 2-sphere. */
  dim: number;
  stopGrad: boolean;
  predictor: boolean;
  /** BatchNorm in the hidden layers of every network (a lesson of its own when off). */
  batchNorm: boolean;
  /** BYOL: EMA rate τ of the target network; 0 = the target is the online network. */
  momentum: number;
  momentumSchedule: MomentumSchedule;
  /** SimCLR: use the other 2N−2 views as negatives (off = alignment-only, which collapses). */
  negatives: boolean;
  /** SimCLR's NT-Xent temperature, SwAV's softmax temperature. */
  temperature: number;
  /** SwAV: Sinkhorn-Knopp equipartition of the codes (off = plain softmax codes). */
  sinkhorn: boolean;
  prototypes: number;
  epsilon: number;
  sinkhornIters: number;
  /** Align-uniform: weight of the uniformity term. */
  lambda: number;
  alignment: boolean;
  uniformity: boolean;
  /** Barlow Twins: the off-diagonal (redundancy reduction) term, and its weight λ. */
  offDiagonal: boolean;
  barlowLambda: number;
  /** VICReg: its three terms and their weights. */
  invariance: boolean;
  variance: boolean;
  covariance: boolean;
  invarianceWeight: number;
  varianceWeight: number;
  covarianceWeight: number;
  /** Evaluate and emit a snapshot every this many steps. */
  evalEvery: number;
  /** Also draw the training images on the sphere (10,000 points); metrics stay on the evaluation set. */
  showTrain: boolean;
  /** Colour images (your own, Shapes & colours) trained in grey: their luma, one channel. */
  greyImages: boolean;
  cropMinArea: number;
  flipProb: number;
  jitterProb: number;
  contrast: number;
  brightness: number;
  /** Colour images only: the jitter's saturation and hue strengths, and the chance of a view in grey. */
  saturation: number;
  hue: number;
  greyProb: number;
  eraseProb: number;
  noise: number;
}

export type ConfigKey = keyof ExperimentConfig;

/** The on/off settings (stopGrad, predictor, …). */
export type BooleanKey = { [K in ConfigKey]: ExperimentConfig[K] extends boolean ? K : never }[ConfigKey];

/** Each property: its type and safe range, default, the label a control shows, and one line of help. */
type PropSpec = { label: string; help: string } & (
  | { kind: 'int'; min: number; max: number; default: number }
  | { kind: 'float'; min: number; max: number; default: number }
  | { kind: 'bool'; default: boolean }
  | { kind: 'enum'; values: readonly string[]; default: string }
);

/** The property table. Ranges are the safe ranges: anything outside is clamped (and reported). */
export const configSpec: { [K in ConfigKey]: PropSpec } = {
  method: { label: 'Method', kind: 'enum', values: methodNames, default: 'simsiam', help: 'Self-supervised method to train.' },
  dataset: { label: 'Dataset', kind: 'enum', values: datasetNames, default: 'fashion-mnist', help: 'Image dataset (28×28 grey, or 32×32 colour), or your own images.' },
  seed: { label: 'Seed', kind: 'int', min: 0, max: 2 ** 31 - 1, default: 0, help: 'Seed for initialisation, batch order and augmentations.' },
  steps: { label: 'Steps', kind: 'int', min: 0, max: 1_000_000, default: 0, help: 'Training steps to run (0 = until paused).' },
  batch: { label: 'Batch size', kind: 'int', min: 2, max: 1024, default: 256, help: 'Images per training batch (each gives two views).' },
  lr: { label: 'Learning rate', kind: 'float', min: 1e-6, max: 1, default: 1e-3, help: 'Learning rate.' },
  optimizer: { label: 'Optimiser', kind: 'enum', values: optimizerNames, default: 'adam', help: 'Optimiser (Adam, or SGD with momentum 0.9).' },
  dim: { label: 'Output dimension', kind: 'int', min: 2, max: 128, default: 3, help: 'Output dimension d of the embedding (3 = the 2-sphere itself).' },
  stopGrad: { label: 'Stop-gradient', kind: 'bool', default: true, help: 'Stop the gradient through the target branch; without it SimSiam collapses.' },
  predictor: { label: 'Predictor', kind: 'bool', default: true, help: 'Use the predictor MLP on the online branch; without it SimSiam collapses.' },
  batchNorm: { label: 'BatchNorm', kind: 'bool', default: true, help: 'BatchNorm in the hidden layers; without it BYOL and SimSiam collapse.' },
  momentum: { label: 'EMA momentum τ', kind: 'float', min: 0, max: 0.9999, default: 0.99, help: 'EMA rate τ of the target network (0 = target is the online network).' },
  momentumSchedule: { label: 'Momentum schedule', kind: 'enum', values: momentumSchedules, default: 'constant', help: 'Keep τ constant, or raise it to 1 on a cosine schedule over the run.' },
  negatives: { label: 'Negatives', kind: 'bool', default: true, help: 'Push apart the other views of the batch; without negatives SimCLR collapses.' },
  temperature: { label: 'Temperature', kind: 'float', min: 0.05, max: 2, default: 0.5, help: 'Softmax temperature: lower sharpens the similarities.' },
  sinkhorn: { label: 'Sinkhorn', kind: 'bool', default: true, help: 'Spread codes equally over prototypes (Sinkhorn-Knopp); without it SwAV collapses.' },
  prototypes: { label: 'Prototypes K', kind: 'int', min: 2, max: 512, default: 32, help: 'Number of SwAV prototypes K.' },
  epsilon: { label: 'Sinkhorn ε', kind: 'float', min: 0.01, max: 1, default: 0.05, help: 'Sinkhorn entropy ε: lower gives harder codes.' },
  sinkhornIters: { label: 'Sinkhorn iterations', kind: 'int', min: 1, max: 20, default: 3, help: 'Sinkhorn-Knopp iterations.' },
  lambda: { label: 'Uniformity weight λ', kind: 'float', min: 0, max: 10, default: 1, help: 'Weight λ of the uniformity term.' },
  alignment: { label: 'Alignment term', kind: 'bool', default: true, help: 'Pull the two views of an image together (L_align).' },
  uniformity: { label: 'Uniformity term', kind: 'bool', default: true, help: 'Spread all points over the sphere (L_uniform); alignment alone collapses.' },
  offDiagonal: {
    label: 'Off-diagonal term',
    kind: 'bool',
    default: true,
    help: 'Push the off-diagonal cross-correlations to 0 (decorrelate dimensions); without it the dimensions become redundant (dimensional collapse).',
  },
  barlowLambda: {
    label: 'Off-diagonal weight λ',
    kind: 'float',
    min: 0,
    max: 1,
    default: 0.05,
    help: 'Weight λ of the off-diagonal term (the paper’s 0.005 was set for 8,192 dimensions and is too weak for a few).',
  },
  invariance: { label: 'Invariance term', kind: 'bool', default: true, help: 'Make the two views of an image agree (mean squared error between their embeddings).' },
  variance: {
    label: 'Variance term',
    kind: 'bool',
    default: true,
    help: 'Keep the spread of every dimension over the batch (std at least 1); without it VICReg collapses to one point.',
  },
  covariance: {
    label: 'Covariance term',
    kind: 'bool',
    default: true,
    help: 'Push the covariances between dimensions to 0 (decorrelate dimensions); without it the dimensions become redundant (dimensional collapse).',
  },
  invarianceWeight: { label: 'Invariance weight', kind: 'float', min: 0, max: 100, default: 25, help: 'Weight of the invariance term (the paper’s 25).' },
  varianceWeight: { label: 'Variance weight', kind: 'float', min: 0, max: 100, default: 25, help: 'Weight of the variance term (the paper’s 25).' },
  covarianceWeight: { label: 'Covariance weight', kind: 'float', min: 0, max: 100, default: 1, help: 'Weight of the covariance term (the paper’s 1).' },
  evalEvery: { label: 'Evaluate every', kind: 'int', min: 1, max: 10_000, default: 10, help: 'Embed the evaluation set every this many steps.' },
  showTrain: {
    label: 'Show training images',
    kind: 'bool',
    default: false,
    help: 'Also draw the 8,000 training images (10,000 points); the metrics stay on the 2,000 held-out images.',
  },
  greyImages: {
    label: 'Train in grey',
    kind: 'bool',
    default: false,
    help: 'Turn colour images (your own, Shapes & colours) grey before training.',
  },
  cropMinArea: { label: 'Crop: smallest area', kind: 'float', min: 0.05, max: 1, default: 0.25, help: 'Random resized crop: smallest area kept.' },
  flipProb: { label: 'Flip probability', kind: 'float', min: 0, max: 1, default: 0.5, help: 'Probability of a horizontal flip.' },
  jitterProb: { label: 'Jitter probability', kind: 'float', min: 0, max: 1, default: 0.8, help: 'Probability of colour jitter (brightness, contrast; saturation and hue on colour images).' },
  contrast: { label: 'Contrast jitter', kind: 'float', min: 0, max: 0.9, default: 0.4, help: 'Contrast jitter strength (factor in 1 ± this).' },
  brightness: { label: 'Brightness jitter', kind: 'float', min: 0, max: 0.9, default: 0.2, help: 'Brightness jitter strength (factor in 1 ± this).' },
  saturation: { label: 'Saturation jitter', kind: 'float', min: 0, max: 1, default: 0.8, help: 'Colour images: saturation jitter strength (factor in 1 ± this).' },
  hue: { label: 'Hue jitter', kind: 'float', min: 0, max: 0.5, default: 0.2, help: 'Colour images: hue shift of up to ± this fraction of the colour wheel.' },
  greyProb: { label: 'Greyscale probability', kind: 'float', min: 0, max: 1, default: 0.2, help: 'Colour images: probability of turning a view grey.' },
  eraseProb: { label: 'Erase probability', kind: 'float', min: 0, max: 1, default: 0.25, help: 'Probability of random erasing (area 2–20%).' },
  noise: { label: 'Noise σ', kind: 'float', min: 0, max: 0.5, default: 0.05, help: 'Standard deviation of added gaussian noise.' },
};

export const configKeys = Object.keys(configSpec) as ConfigKey[];

/**
 * Steps a run from a command line takes when neither its flag nor the config sets any (the config's 0 means
 * "until paused", which a command line cannot do): the CLI's and the exported PyTorch script's.
 */
export const DEFAULT_CLI_STEPS = 300;

/** A method's own settings: what its controls are, and where its defaults differ from the table's. */
export interface MethodSettings {
  /** The keys this method honours beyond the shared ones (data, optimiser, d, augmentations), in the order its controls show. */
  switches: readonly ConfigKey[];
  defaults: Partial<ExperimentConfig>;
}

/** Each method's settings. A method missing here is a type error. */
export const methodSettings: Record<MethodName, MethodSettings> = {
  simclr: { switches: ['negatives', 'temperature', 'batchNorm'], defaults: { temperature: 0.5 } },
  byol: { switches: ['predictor', 'stopGrad', 'momentum', 'momentumSchedule', 'batchNorm'], defaults: { momentum: 0.99 } },
  swav: { switches: ['sinkhorn', 'prototypes', 'epsilon', 'sinkhornIters', 'temperature', 'batchNorm'], defaults: { temperature: 0.1 } },
  simsiam: { switches: ['stopGrad', 'predictor', 'batchNorm'], defaults: {} },
  'align-uniform': { switches: ['alignment', 'uniformity', 'lambda', 'batchNorm'], defaults: {} },
  'barlow-twins': { switches: ['offDiagonal', 'barlowLambda', 'batchNorm'], defaults: {} },
  vicreg: {
    switches: ['invariance', 'variance', 'covariance', 'invarianceWeight', 'varianceWeight', 'covarianceWeight', 'batchNorm'],
    defaults: {},
  },
  // The two baselines of Wang & Isola's Figure 1: a classifier trained on the labels, and the untrained network.
  supervised: { switches: ['batchNorm'], defaults: {} },
  random: { switches: ['batchNorm'], defaults: {} },
};

/** The defaults of a method: the table's defaults with the method's own on top. */
export function defaultConfig(method: MethodName = 'simsiam'): ExperimentConfig {
  const entries = configKeys.map((key) => [key, configSpec[key].default]);
  const base = Object.fromEntries(entries) as unknown as ExperimentConfig;
  return { ...base, ...methodSettings[method].defaults, method };
}

/** The augmentation settings, in the order the panel shows them. */
export const augmentationKeys = [
  'cropMinArea', 'flipProb', 'jitterProb', 'contrast', 'brightness', 'saturation', 'hue', 'greyProb', 'eraseProb', 'noise',
] as const satisfies readonly ConfigKey[];

/** Of those, the ones that act on colour images only (grey images have no saturation or hue). */
export const colourAugmentationKeys = ['saturation', 'hue', 'greyProb'] as const satisfies readonly ConfigKey[];

/** Keys that can change while a run is going without restarting it (the loop reads them every step). */
export const liveKeys: ReadonlySet<ConfigKey> = new Set<ConfigKey>([
  'stopGrad', 'predictor', 'negatives', 'temperature', 'sinkhorn', 'epsilon', 'sinkhornIters',
  'lambda', 'alignment', 'uniformity', 'offDiagonal', 'barlowLambda', 'invariance', 'variance', 'covariance',
  'invarianceWeight', 'varianceWeight', 'covarianceWeight', 'steps', 'evalEvery',
  ...augmentationKeys,
]);

/** The settings that differ between two configs and restart the run (those that are not live). */
export function restartingKeys(from: ExperimentConfig, to: ExperimentConfig): ConfigKey[] {
  return configKeys.filter((key) => !liveKeys.has(key) && from[key] !== to[key]);
}

export interface ParseResult<T> {
  value?: T;
  notice?: ConfigNotice;
}

/** Parses one value (a string from a URL or CLI, or a JSON value) against its spec, clamping numbers. */
export function parseValue(key: ConfigKey, raw: unknown): ParseResult<ExperimentConfig[ConfigKey]> {
  const spec = configSpec[key];
  switch (spec.kind) {
    case 'bool': {
      if (typeof raw === 'boolean') return { value: raw };
      const text = String(raw).trim().toLowerCase();
      if (['true', '1', 'on', 'yes', ''].includes(text)) return { value: true };
      if (['false', '0', 'off', 'no'].includes(text)) return { value: false };
      return { notice: { code: 'notBoolean', key, raw: shown(raw), kept: String(spec.default) } };
    }
    case 'enum': {
      const text = String(raw).trim().toLowerCase();
      if (spec.values.includes(text)) return { value: text as ExperimentConfig[ConfigKey] };
      return { notice: { code: 'notOneOf', key, raw: shown(raw), values: spec.values.join(', '), kept: spec.default } };
    }
    case 'int':
    case 'float': {
      const num = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
      if (!Number.isFinite(num)) return { notice: { code: 'notNumber', key, raw: shown(raw), kept: String(spec.default) } };
      const rounded = spec.kind === 'int' ? Math.round(num) : num;
      const clamped = Math.min(spec.max, Math.max(spec.min, rounded));
      if (clamped !== rounded) {
        return { value: clamped, notice: { code: 'outside', key, raw: shown(raw), min: spec.min, max: spec.max, used: clamped } };
      }
      if (spec.kind === 'int' && rounded !== num) return { value: rounded, notice: { code: 'notWhole', key, raw: shown(raw), used: rounded } };
      return { value: clamped };
    }
  }
}

export interface ValidatedConfig {
  config: ExperimentConfig;
  /** One notice per ignored key or corrected value. */
  notices: ConfigNotice[];
}

export function isConfigKey(key: string): key is ConfigKey {
  return Object.prototype.hasOwnProperty.call(configSpec, key);
}

/** The method a list of pairs asks for (the last valid one), if any. */
export function requestedMethod(input: Iterable<[string, unknown]>): MethodName | undefined {
  let method: MethodName | undefined;
  for (const [key, raw] of input) {
    if (key === 'method') method = (parseValue('method', raw).value as MethodName | undefined) ?? method;
  }
  return method;
}

/**
 * Builds a safe config from untrusted key/value pairs: unknown keys and bad values become notices.
 * When the pairs choose another method, the other keys are read against that method's defaults
 * (`#method=swav` gets SwAV's temperature, not SimSiam's).
 */
export function validateConfig(input: Iterable<[string, unknown]>, base: ExperimentConfig = defaultConfig()): ValidatedConfig {
  const pairs = [...input];
  const method = requestedMethod(pairs);
  const config: ExperimentConfig = method && method !== base.method ? switchMethod(base, method) : { ...base };
  const notices: ConfigNotice[] = [];
  for (const [key, raw] of pairs) {
    if (!isConfigKey(key)) {
      notices.push({ code: 'unknownSetting', key: shown(key) });
      continue;
    }
    const { value, notice } = parseValue(key, raw);
    if (value !== undefined) (config as unknown as Record<string, unknown>)[key] = value;
    // What is kept is the base's value (another run's, another method's default), not the table's default.
    if (notice) notices.push('kept' in notice ? { ...notice, kept: String(config[key]) } : notice);
  }
  return { config, notices };
}

/**
 * The config after choosing another method: the shared settings (data, seed, d, optimiser,
 * augmentations) stay; every method-specific setting returns to the new method's default.
 */
export function switchMethod(config: ExperimentConfig, method: MethodName): ExperimentConfig {
  const fresh = defaultConfig(method);
  const methodKeys = new Set(Object.values(methodSettings).flatMap((settings) => settings.switches));
  const kept = configKeys.filter((key) => !methodKeys.has(key) && key !== 'method');
  return { ...fresh, ...Object.fromEntries(kept.map((key) => [key, config[key]])) };
}

/** The accepted values of a key, for help texts and error messages ("2–128", "adam|sgd"). */
export function allowedValues(key: ConfigKey): string {
  const spec = configSpec[key];
  if (spec.kind === 'enum') return spec.values.join('|');
  if (spec.kind === 'bool') return 'true|false';
  return `${spec.kind === 'int' ? 'whole number ' : ''}${spec.min}–${spec.max}`;
}

/** kebab-case name of a key, as used by CLI flags ("stopGrad" → "stop-grad"). */
export function kebab(key: ConfigKey): string {
  return key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}
