import { allowedValues, builtInDatasetNames, DEFAULT_CLI_STEPS, OWN_DATASET, requestedMethod, type ConfigKey, configKeys, configSpec, defaultConfig, type ExperimentConfig, kebab, parseValue } from '../core/config';
import { backendNames, type BackendName } from '../train/backendNames';

export interface CliOptions {
  config: ExperimentConfig;
  json: boolean;
  backend: BackendName | null;
  /** Evaluation images scored by kNN at each evaluation (0 = no kNN; it is the slow metric). */
  knnQueries: number;
  /** Write the experiment as a PyTorch script to this path instead of training (null: train). */
  exportPytorch: string | null;
  /** Write the run report (the lab's "Run report (JSON)", which the lab opens again) to this path after training. */
  report: string | null;
  help: boolean;
}

/** A bad command line: the message is for the user; the CLI exits with code 2. */
export class UsageError extends Error {}

const flagToKey = new Map<string, ConfigKey>(configKeys.map((key) => [kebab(key), key]));

/** Parses `--flag value`, `--flag=value` and bare boolean flags; every config key is a flag. */
export function parseArgs(argv: string[]): CliOptions {
  const pairs: [ConfigKey, string][] = [];
  let json = false;
  let help = false;
  let backend: BackendName | null = null;
  let knnQueries = 0;
  let exportPytorch: string | null = null;
  let report: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) throw new UsageError(`Unexpected argument "${arg}". Flags look like --steps 300.`);
    const [name, inlineValue] = splitOnce(arg.slice(2));
    if (name === 'json' || name === 'help') {
      if (inlineValue !== undefined) throw new UsageError(`--${name} takes no value.`);
      if (name === 'json') json = true;
      else help = true;
      continue;
    }
    const key = flagToKey.get(name);
    const isBool = key !== undefined && configSpec[key].kind === 'bool';
    const next = argv[i + 1];
    const takesNext = inlineValue === undefined && !(isBool && (next === undefined || next.startsWith('--')));
    const value = inlineValue ?? (takesNext ? next : 'true');
    if (takesNext) i++;
    if (value === undefined) throw new UsageError(`--${name} needs a value.`);
    if (name === 'backend') {
      if (!(backendNames as readonly string[]).includes(value)) {
        throw new UsageError(`--backend must be one of ${backendNames.join(', ')}; got "${value}".`);
      }
      backend = value as BackendName;
      continue;
    }
    if (name === 'knn') {
      knnQueries = Number(value);
      if (!Number.isInteger(knnQueries) || knnQueries < 0 || knnQueries > 2000) {
        throw new UsageError(`--knn ${value}: expected a whole number 0–2000 (evaluation images scored by kNN).`);
      }
      continue;
    }
    if (name === 'export-pytorch' || name === 'report') {
      const example = name === 'report' ? 'run.json' : 'run.py';
      if (value.startsWith('--') || value.trim() === '') throw new UsageError(`--${name} needs a file name, e.g. --${name} ${example}.`);
      if (name === 'report') report = value;
      else exportPytorch = value;
      continue;
    }
    if (!key) throw new UsageError(`Unknown flag --${name}.`);
    pairs.push([key, value]);
  }
  const config = defaultConfig(requestedMethod(pairs));
  config.steps = DEFAULT_CLI_STEPS;
  for (const [key, raw] of pairs) {
    const { value, notice } = parseValue(key, raw);
    // The CLI is strict: a value that would be clamped or ignored is an error, not a notice.
    if (notice || value === undefined) throw new UsageError(`--${kebab(key)} ${raw}: expected ${allowedValues(key)}.`);
    (config as unknown as Record<string, unknown>)[key] = value;
  }
  if (config.steps === 0) throw new UsageError('--steps must be at least 1 on the command line.');
  if (config.dataset === OWN_DATASET) {
    throw new UsageError(`--dataset ${OWN_DATASET}: your own images are decoded in the lab page and stay in that browser; the command line trains on ${builtInDatasetNames.join(', ')}.`);
  }
  return { config, json, backend, knnQueries, exportPytorch, report, help };
}

function splitOnce(text: string): [string, string | undefined] {
  const at = text.indexOf('=');
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

/** Width of the column of accepted values in the usage text. */
const VALUES_WIDTH = 26;

export function usage(): string {
  const rows: [flag: string, values: string, text: string][] = [
    ...configKeys.map((key): [string, string, string] => {
      const spec = configSpec[key];
      const fallback = key === 'steps' ? DEFAULT_CLI_STEPS : spec.default;
      return [`--${kebab(key)}`, allowedValues(key), `${spec.help} (default ${fallback})`];
    }),
    ['--backend', backendNames.join('|'), 'tfjs backend (default wasm, cpu as fallback)'],
    ['--knn', '0–2000', 'evaluation images scored by kNN (k = 20) each evaluation (default 0)'],
    ['--json', '', 'one JSON object per evaluation, then a summary'],
    ['--report FILE', '', 'also write the run report (JSON) that the lab opens with "Open run report"'],
    ['--export-pytorch FILE', '', 'write the experiment as a PyTorch script (python3 FILE --steps 200) and exit'],
    ['--help', '', 'this text'],
  ];
  // The flag column as wide as the longest flag (--invariance-weight); a value list longer than its column (the
  // method names) runs on, one space before its text.
  const flagWidth = Math.max(...rows.map(([flag, values]) => (values === '' ? 0 : flag.length)));
  const line = ([flag, values, text]: [string, string, string]) => `  ${`${flag.padEnd(flagWidth)} ${values}`.padEnd(flagWidth + VALUES_WIDTH + 1)} ${text}`;
  return ['Usage: npm run train -- [flags]', '', 'Trains one experiment with the same engine as the browser lab and prints each evaluation.', '', ...rows.map(line)].join('\n');
}
