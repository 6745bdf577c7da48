/** Configs for tests: random valid ones covering every key, and a check that a config is within the property table. */
import { type ConfigKey, configKeys, configSpec, type ExperimentConfig, methodNames } from '../core/config';
import { Rng } from '../core/rng';

/** A valid value of one key: its bounds, a round number, or a float with many digits. */
function randomValue(key: ConfigKey, rng: Rng): string | number | boolean {
  const spec = configSpec[key];
  switch (spec.kind) {
    case 'bool':
      return rng.bernoulli(0.5);
    case 'enum':
      return spec.values[rng.int(spec.values.length)]!;
    case 'int':
    case 'float': {
      const pick = rng.int(4);
      if (pick === 0) return spec.min;
      if (pick === 1) return spec.max;
      const value = rng.uniform(spec.min, spec.max);
      const shaped = spec.kind === 'int' ? Math.round(value) : pick === 2 ? Number(value.toFixed(2)) : value;
      return Math.min(spec.max, Math.max(spec.min, shaped));
    }
  }
}

/** A config with every key drawn at random from its valid values (the method cycling through all methods). */
export function randomConfig(rng: Rng, index: number): ExperimentConfig {
  const config = Object.fromEntries(configKeys.map((key) => [key, randomValue(key, rng)])) as unknown as ExperimentConfig;
  return { ...config, method: methodNames[index % methodNames.length]! };
}

/** Every key present, of its kind, and within its range: what a safe config means. */
export function unsafeKeys(config: ExperimentConfig): ConfigKey[] {
  const record = config as unknown as Record<string, unknown>;
  const extra = Object.keys(record).filter((key) => !(configKeys as string[]).includes(key));
  if (extra.length > 0) return extra as ConfigKey[];
  return configKeys.filter((key) => {
    const spec = configSpec[key];
    const value = record[key];
    switch (spec.kind) {
      case 'bool':
        return typeof value !== 'boolean';
      case 'enum':
        return typeof value !== 'string' || !spec.values.includes(value);
      case 'int':
      case 'float':
        return typeof value !== 'number' || !Number.isFinite(value) || value < spec.min || value > spec.max || (spec.kind === 'int' && !Number.isInteger(value));
    }
  });
}
