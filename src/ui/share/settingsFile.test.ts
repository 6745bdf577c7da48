import { describe, expect, it } from 'vitest';
import { defaultConfig, methodNames } from '../../core/config';
import { Rng } from '../../core/rng';
import { randomConfig, unsafeKeys } from '../../testing/configSamples';
import { MAX_SETTINGS_FILE_BYTES, readSettingsFile, settingsFileName, settingsFileText } from './settingsFile';

const file = (text: string) => new Blob([text], { type: 'application/json' });

describe('settings files', () => {
  it('round-trip every method’s defaults and random configs', async () => {
    const rng = new Rng(5);
    const configs = [...methodNames.map((method) => defaultConfig(method)), ...Array.from({ length: 50 }, (_, i) => randomConfig(rng, i))];
    for (const config of configs) {
      expect(await readSettingsFile(file(settingsFileText(config)))).toEqual({ config, notices: [] });
    }
  });

  it('are written as {"version":1,"config":{...}} with a readable name', () => {
    const config = { ...defaultConfig('swav'), seed: 3 };
    expect(JSON.parse(settingsFileText(config))).toEqual({ version: 1, config });
    expect(settingsFileName(config)).toBe('hypersphere-lab-swav-seed3.json');
  });

  it('read a partial config against its method’s defaults', async () => {
    const { config, notices } = await readSettingsFile(file('{"version":1,"config":{"method":"byol","momentum":0.9}}'));
    expect(notices).toEqual([]);
    expect(config).toEqual({ ...defaultConfig('byol'), momentum: 0.9 });
  });

  it('apply nothing from a file that is too large, not JSON, or has no config object', async () => {
    const huge = file(`{"version":1,"config":{},"pad":"${'x'.repeat(MAX_SETTINGS_FILE_BYTES)}"}`);
    const cases = [huge, file('{"version":1,'), file(''), file('[1,2]'), file('{"config":[1]}'), file('{"version":1}'), file('"config"'), file('null')];
    for (const bad of cases) {
      const { config, notices } = await readSettingsFile(bad);
      expect(config).toBeNull();
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatch(/Nothing was imported\.$/);
    }
  });

  it('apply the valid keys and name each bad one', async () => {
    const text = JSON.stringify({
      version: 1,
      config: { seed: 9, dim: '16', stopGrad: [false], batch: null, lr: { value: 1 }, momentum: 'fast', colour: 'red', steps: 1e999 },
    });
    const { config, notices } = await readSettingsFile(file(text.replace('"steps":null', '"steps":1e999')));
    expect(config).toEqual({ ...defaultConfig(), seed: 9, dim: 16 });
    expect(notices).toHaveLength(6);
    expect(notices.join('\n')).toMatch(/stopGrad.*list[\s\S]*batch.*null[\s\S]*lr.*nested object[\s\S]*momentum[\s\S]*colour[\s\S]*steps/);
  });

  it('treat a "__proto__" key as an unknown setting', async () => {
    const { config, notices } = await readSettingsFile(file('{"config":{"__proto__":{"seed":5},"seed":1}}'));
    expect(config).toEqual({ ...defaultConfig(), seed: 1 });
    expect(notices).toEqual(['"__proto__": a nested object is not a setting value; ignored.']);
  });

  it('read an unknown version with a notice', async () => {
    const { config, notices } = await readSettingsFile(file('{"version":"9","config":{"seed":2}}'));
    expect(config?.seed).toBe(2);
    expect(notices).toEqual(['Format version "9" is not known; reading the settings as version 1.']);
  });

  it('never give an unsafe config', async () => {
    const texts = ['{"config":{"batch":1e9,"dim":-1,"lr":"NaN","prototypes":99999,"evalEvery":0}}', '{"config":{"method":"<script>"}}'];
    for (const text of texts) {
      const { config, notices } = await readSettingsFile(file(text));
      expect(unsafeKeys(config!)).toEqual([]);
      expect(notices.length).toBeGreaterThan(0);
    }
  });
});
