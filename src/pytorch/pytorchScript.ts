/**
 * "Open in PyTorch": the experiment as one readable, runnable Python script (PyTorch, torchvision for the
 * --scale options). The shared template (pytorchTemplate.ts) is filled with the method's parts (the `pytorch`
 * of its src/methods/<name>/info.ts, with helpers from src/methods/pytorchHelpers.ts), the config as a Python
 * dict and the collapse verdict's thresholds, taken from the lab's own constants so the script's verdict follows
 * the same rules. Pure text: no tfjs, so the UI and the CLI can both use it.
 */
import { type ConfigKey, configKeys, configSpec, DEFAULT_CLI_STEPS, defaultConfig, type ExperimentConfig, methodSettings } from '../core/config';
import { methodCatalog } from '../methods/catalog';
import { helperCode } from '../methods/pytorchHelpers';
import { collapseThresholds } from '../metrics/collapseVerdict';
import { linearProbeRecipe } from '../metrics/linearProbe';
import { AT_BOUND_COSINE } from '../metrics/trivialBound';
import { pythonTemplate } from './pytorchTemplate';

/** Settings of the page only (what the sphere draws), left out of the script. */
const PAGE_ONLY_KEYS: ReadonlySet<ConfigKey> = new Set<ConfigKey>(['showTrain']);

const DOC_WIDTH = 110;

/** A Python literal for a config value; float settings always carry a decimal point, so `--set` reads them as floats. */
function pythonValue(key: ConfigKey, value: ExperimentConfig[ConfigKey]): string {
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'string') return pythonString(value);
  if (configSpec[key].kind === 'float' && Number.isInteger(value)) return `${value}.0`;
  return String(value);
}

function pythonString(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/**
 * `CONFIG = {...}`, every key with its help: the shared settings, then the method's switches, then the
 * other methods' settings (kept, so CONFIG stays the lab's whole ExperimentConfig).
 */
function configLiteral(config: ExperimentConfig): string {
  const own = new Set(methodSettings[config.method].switches);
  const anyMethods = new Set(Object.values(methodSettings).flatMap((settings) => settings.switches));
  const keys = configKeys.filter((key) => !PAGE_ONLY_KEYS.has(key));
  const row = (key: ConfigKey) => `    ${`'${key}': ${pythonValue(key, config[key])},`.padEnd(30)}  # ${configSpec[key].help}`;
  return [
    'CONFIG = {',
    ...keys.filter((key) => !anyMethods.has(key)).map(row),
    `    # ${methodCatalog[config.method].title}'s switches`,
    ...keys.filter((key) => own.has(key)).map(row),
    "    # Other methods' settings (this method does not read them)",
    ...keys.filter((key) => anyMethods.has(key) && !own.has(key)).map(row),
    '}',
  ].join('\n');
}

function pythonDict(name: string, values: Record<string, number>): string {
  const rows = Object.entries(values).map(([key, value]) => `    '${key}': ${value},`);
  return [`${name} = {`, ...rows, '}'].join('\n');
}

/** "stop-gradient off, temperature 0.2": the method's switches that differ from its defaults. */
function changedSwitches(config: ExperimentConfig): string[] {
  const defaults = defaultConfig(config.method);
  return methodSettings[config.method].switches
    .filter((key) => config[key] !== defaults[key])
    .map((key) => {
      const value = config[key];
      const label = configSpec[key].label;
      return typeof value === 'boolean' ? `${label} ${value ? 'on' : 'off'}` : `${label} ${value}`;
    });
}

function wrap(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  return [...lines, line].join('\n');
}

/** The script for an experiment (its file name is the caller's: `run.py` in the docs). */
export function pytorchScript(config: ExperimentConfig): string {
  const info = methodCatalog[config.method];
  const parts = info.pytorch;
  const changed = changedSwitches(config);
  const pyBool = (flag: boolean) => (flag ? 'True' : 'False');
  return pythonTemplate({
    title: [info.title, ...changed].join(', '),
    summary: wrap(info.summary, DOC_WIDTH),
    switches: methodSettings[config.method].switches.map((key) => `${key}=${pythonValue(key, config[key])}`).join(', '),
    config: configLiteral(config),
    method: pythonString(config.method),
    hasPredictor: pyBool(parts.needs.predictor),
    hasTarget: pyBool(parts.needs.target),
    hasPrototypes: pyBool(parts.needs.prototypes),
    hasClassifier: pyBool(parts.needs.classifier ?? false),
    trains: pyBool(!info.untrained),
    helpers: helperCode(parts.helpers),
    loss: parts.loss,
    positivePairCosine: parts.positivePairCosine,
    verdictConstants: `${pythonDict('COLLAPSE_THRESHOLDS', collapseThresholds)}\nAT_BOUND_COSINE = ${AT_BOUND_COSINE}`,
    defaultSteps: String(DEFAULT_CLI_STEPS),
    linearProbe: pythonDict('LINEAR_PROBE', linearProbeRecipe),
  });
}
