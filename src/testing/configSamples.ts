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

/** Values wrong for every kind of setting: each must be ignored or clamped, with a notice. */
const hostileValues = [
  'NaN',
  'Infinity',
  '-Infinity',
  '-1',
  '1e308',
  '-1e308',
  '9'.repeat(400),
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '\u0000',
  '\u202eevil',
  '1.5.6',
  'null',
  '[]',
  '{"a":1}',
  'a'.repeat(5000),
];

/** Links a hand, a typo or an attacker might make: every one must decode to a safe config, with notices. */
export function hostileLinks(): string[] {
  const generated = Array.from({ length: 64 }, (_, i) => {
    const key = configKeys[(i * 7) % configKeys.length]!;
    const value = hostileValues[i % hostileValues.length]!;
    // Half percent-encoded, half raw, as a hand-made link might be.
    return i % 2 === 0 ? `#${key}=${encodeURIComponent(value)}` : `#v=1&${key}=${value}`;
  });
  const handmade = [
    '#method=resnet',
    '#method=<script>alert(1)</script>',
    '#method=SIMSIAM%00',
    '#method=byol&method=nope',
    '#method=',
    '#seed=1&seed=2',
    '#stopGrad=false&stopGrad=maybe',
    '#=5',
    '#=',
    '#&&&=&&',
    '#__proto__=1',
    '#constructor=x&toString=1',
    '#hasOwnProperty=1&valueOf=2',
    '#%',
    '#%%%',
    '#seed=%ZZ',
    '#%E0%A4%A=1',
    '#seed=%E0%A4%A',
    '#%F0%9F%98=1&dim=%FF%FE',
    '#batch=%2B%2B1',
    '#v=999',
    '#v=-1&seed=2',
    '#v=<b>x</b>',
    '#v=1.5',
    `#${'k'.repeat(10_000)}=1`,
    `#seed=${'9'.repeat(10_000)}`,
    `#${'a=1&'.repeat(5000)}`,
    '#dim=1e9&batch=1e9&steps=1e99&prototypes=1e9',
    '#lr=1e9&evalEvery=0&sinkhornIters=1e6',
    '#lr=0&momentum=2&temperature=0',
    '#batch=-5&dim=-3&steps=-1',
    '#seed=0x7fffffffff',
    '#seed=1.5',
    '#epsilon=1e-300&temperature=1e-300',
    '#noise=-0.5&contrast=5',
    '#dataset=../../etc/passwd',
    '#dataset=javascript:alert(1)',
    '#optimizer=<img src=x onerror=alert(1)>',
    '#stopGrad=<svg/onload=alert(1)>',
    '#\u202emethod=swav',
  ];
  return [...generated, ...handmade];
}
