import { describe, expect, it } from 'vitest';
import { hostileLinks, randomConfig, unsafeKeys } from '../testing/configSamples';
import { configKeys, configSpec, defaultConfig, type ExperimentConfig, methodNames } from './config';
import { Rng } from './rng';
import { CONFIG_FORMAT_VERSION, decodeConfig, encodeConfig, encodeRuns, MAX_LINK_LENGTH, readLinkPairs, readRunConfigs } from './urlCodec';

/** One non-default value per key and kind: each bound, each enum value, the flipped switch. */
function variantsOf(base: ExperimentConfig): ExperimentConfig[] {
  return configKeys.flatMap((key) => {
    const spec = configSpec[key];
    const values: readonly unknown[] =
      spec.kind === 'bool' ? [!base[key]] : spec.kind === 'enum' ? spec.values : [spec.min, spec.max, (spec.min + spec.max) / 3];
    const rounded = spec.kind === 'int' ? values.map((value) => Math.round(value as number)) : values;
    return rounded.map((value) => ({ ...base, [key]: value }) as ExperimentConfig);
  });
}

describe('encodeConfig', () => {
  it('writes only the version and the method for a method’s defaults', () => {
    for (const method of methodNames) expect(encodeConfig(defaultConfig(method))).toBe(`v=${CONFIG_FORMAT_VERSION}&method=${method}`);
  });

  it('writes the keys that differ from the method’s defaults, readable', () => {
    const config = { ...defaultConfig('simsiam'), stopGrad: false, seed: 7, lr: 0.0005 };
    expect(encodeConfig(config)).toBe('v=1&method=simsiam&seed=7&lr=0.0005&stopGrad=false');
    expect(encodeConfig({ ...defaultConfig('swav'), dataset: 'mnist' })).toBe('v=1&method=swav&dataset=mnist');
  });

  it('compares against the chosen method’s defaults, not SimSiam’s', () => {
    // SwAV's own default temperature is 0.1; 0.5 (the table default) is a change for SwAV.
    expect(encodeConfig({ ...defaultConfig('swav'), temperature: 0.5 })).toBe('v=1&method=swav&temperature=0.5');
  });
});

describe('decodeConfig round-trips', () => {
  it('every method’s defaults', () => {
    for (const method of methodNames) {
      expect(decodeConfig(encodeConfig(defaultConfig(method)))).toMatchObject({ config: defaultConfig(method), notices: [] });
    }
  });

  it('every key at each bound and value, for every method', () => {
    const configs = methodNames.flatMap((method) => variantsOf(defaultConfig(method)));
    expect(configs.length).toBeGreaterThan(methodNames.length * configKeys.length);
    for (const config of configs) {
      const decoded = decodeConfig(`#${encodeConfig(config)}`);
      expect(decoded.notices).toEqual([]);
      expect(decoded.config).toEqual(config);
    }
  });

  it('300 random configs covering every key at once', () => {
    const rng = new Rng(2024);
    for (let i = 0; i < 300; i++) {
      const config = randomConfig(rng, i);
      expect(unsafeKeys(config)).toEqual([]);
      const decoded = decodeConfig(encodeConfig(config));
      expect(decoded.notices).toEqual([]);
      expect(decoded.config).toEqual(config);
    }
  });
});

describe('decodeConfig reads hand-written links', () => {
  it('with or without the leading #, and without v', () => {
    for (const link of ['#v=1&method=simsiam&stopGrad=false&seed=7', 'method=simsiam&stopGrad=false&seed=7', '?seed=7&stopGrad=0']) {
      const { config, notices } = decodeConfig(link);
      expect(notices).toEqual([]);
      expect(config).toEqual({ ...defaultConfig('simsiam'), stopGrad: false, seed: 7 });
    }
  });

  it('against the linked method’s defaults', () => {
    expect(decodeConfig('#method=swav').config).toEqual(defaultConfig('swav'));
    expect(decodeConfig('#method=byol&momentum=0.9').config).toEqual({ ...defaultConfig('byol'), momentum: 0.9 });
  });

  it('hands the page’s own keys back instead of reading them as settings', () => {
    const { config, notices, pageParams } = decodeConfig('#seed=3&autoplay=1&hide=seed', new Set(['autoplay', 'hide']));
    expect(notices).toEqual([]);
    expect(config.seed).toBe(3);
    expect([...pageParams]).toEqual([
      ['autoplay', '1'],
      ['hide', 'seed'],
    ]);
  });

  it('keeps the last of repeated keys, with a notice naming the key', () => {
    const { config, notices } = decodeConfig('#seed=1&seed=2&seed=3');
    expect(config.seed).toBe(3);
    expect(notices).toEqual([{ code: 'repeated', key: '"seed"', count: 3, value: '"3"' }]);
  });

  it('reads an unknown version as today’s, with a notice', () => {
    const { config, notices } = decodeConfig('#v=7&seed=4');
    expect(config.seed).toBe(4);
    expect(notices).toEqual([{ code: 'unknownVersion', raw: '"7"', version: CONFIG_FORMAT_VERSION }]);
  });

  it('ignores unknown keys and bad values but applies the good ones', () => {
    const { config, notices } = decodeConfig('#seed=7&colour=red&dim=999&stopGrad=perhaps&batch=16');
    expect(config).toEqual({ ...defaultConfig(), seed: 7, dim: 128, batch: 16 });
    expect(notices).toEqual([
      { code: 'unknownSetting', key: 'colour' },
      { code: 'outside', key: 'dim', raw: '999', min: 2, max: 128, used: 128 },
      { code: 'notBoolean', key: 'stopGrad', raw: 'perhaps', kept: 'true' },
    ]);
  });
});

describe('decodeConfig bounds its work on long links', () => {
  it(`reads only the first ${MAX_LINK_LENGTH} characters, back to the last whole pair`, () => {
    const filler = `${'x'.repeat(MAX_LINK_LENGTH - 10)}=1`; // ends just before the limit
    const { config, notices } = decodeConfig(`#seed=5&${filler}&dim=16`);
    expect(config.seed).toBe(5);
    expect(config.dim).toBe(3); // past the cut
    expect(notices[0]).toEqual({ code: 'linkTooLong', length: MAX_LINK_LENGTH + 6, max: MAX_LINK_LENGTH });
  });

  it('parses only the cut of a 2 MB link: what lies past it, a later seed and dim, never applies', () => {
    const pair = 'seed=1&';
    const link = `#${pair.repeat(300_000)}seed=2&dim=16`;
    const { config, notices } = decodeConfig(link);
    expect(config).toEqual({ ...defaultConfig(), seed: 1 });
    // The pairs whose "&" falls within the first MAX_LINK_LENGTH characters, and no more, were read.
    const pairsRead = Math.floor((MAX_LINK_LENGTH + 1) / pair.length);
    expect(notices).toEqual([
      { code: 'linkTooLong', length: link.length - 1, max: MAX_LINK_LENGTH },
      { code: 'repeated', key: '"seed"', count: pairsRead, value: '"1"' },
    ]);
  });

  it('lists at most 12 notices, the last counting the rest', () => {
    const link = Array.from({ length: 50 }, (_, i) => `junk${i}=1`).join('&');
    const { notices } = decodeConfig(link);
    expect(notices).toHaveLength(12);
    expect(notices[11]).toEqual({ code: 'moreProblems', count: 39 });
  });
});

describe('hostile links', () => {
  const links = hostileLinks();

  it('are at least 100', () => {
    expect(links.length).toBeGreaterThanOrEqual(100);
  });

  it.each(links.map((link, i) => [i, link] as const))('link %i decodes to a safe config with notices, without throwing', (_, link) => {
    const { config, notices } = decodeConfig(link);
    expect(unsafeKeys(config)).toEqual([]);
    expect(notices.length).toBeGreaterThan(0);
    expect(notices.length).toBeLessThanOrEqual(12);
    // The untrusted text a notice carries is short and shows no invisible character, whatever sentence it goes in.
    for (const notice of notices) {
      for (const value of Object.values(notice).filter((value) => typeof value === 'string')) {
        expect(value.length).toBeLessThan(100);
        expect(value).not.toMatch(/[\u0000-\u001f\u202e]/);
      }
    }
  });
});

describe('readLinkPairs', () => {
  it('keeps the first position and the last value of a repeated key', () => {
    expect(readLinkPairs('#a=1&b=2&a=3').pairs).toEqual([
      ['a', '3'],
      ['b', '2'],
    ]);
  });
});

describe('compared runs', () => {
  /** Encodes runs and reads them back as the page does: run A's settings, then each run's own keys on it. */
  const roundTrip = (configs: readonly [ExperimentConfig, ...ExperimentConfig[]]) => {
    const decoded = decodeConfig(encodeRuns(configs));
    const runs = readRunConfigs([decoded.config, ...configs.slice(1).map(() => decoded.config)], decoded.runPairs);
    return { notices: [...decoded.notices, ...runs.notices], configs: runs.configs };
  };

  it('write each later run’s own keys after run A’s settings, its method first', () => {
    const a = { ...defaultConfig('simclr'), dim: 2, seed: 7 };
    expect(encodeRuns([a, { ...defaultConfig('byol'), dim: 2, seed: 7 }, { ...a, seed: 3 }], [['compare', '3']])).toBe(
      'v=1&compare=3&method=simclr&seed=7&dim=2&B.method=byol&C.seed=3',
    );
    // A run like A has no keys of its own; a method's own default is not written.
    expect(encodeRuns([a, a])).toBe('v=1&method=simclr&seed=7&dim=2');
    expect(encodeRuns([a, { ...defaultConfig('swav'), dim: 2, seed: 7 }])).toBe('v=1&method=simclr&seed=7&dim=2&B.method=swav');
  });

  it('round-trip 2, 3 and 4 runs of every method beside random runs', () => {
    const rng = new Rng(19);
    for (const method of methodNames) {
      for (let runs = 2; runs <= 4; runs++) {
        const configs = Array.from({ length: runs }, (_, i) => (i === 1 ? { ...defaultConfig(method), seed: i } : randomConfig(rng, i)));
        const read = roundTrip(configs as [ExperimentConfig, ...ExperimentConfig[]]);
        expect(read.notices).toEqual([]);
        expect(read.configs).toEqual(configs);
      }
    }
  });

  it('read only B to Z as run letters, and name runs past the last in a notice', () => {
    const decoded = decodeConfig('#seed=2&B.seed=3&E.dim=8&A.seed=5&b.seed=6');
    expect([...decoded.runPairs]).toEqual([
      [1, [['seed', '3']]],
      [4, [['dim', '8']]],
    ]);
    expect(decoded.notices).toEqual([
      { code: 'unknownSetting', key: 'A.seed' },
      { code: 'unknownSetting', key: 'b.seed' },
    ]);
    const runs = readRunConfigs([decoded.config, decoded.config], decoded.runPairs);
    expect(runs.configs.map(({ seed }) => seed)).toEqual([2, 3]);
    expect(runs.notices).toEqual([{ code: 'runNotCompared', tag: 'E', runs: 2 }]);
  });
});
