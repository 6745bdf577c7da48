import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../core/config';
import { normalPage } from './share/pageMode';
import { linkedKeys, linkText, readStartupSettings } from './urlConfig';

describe('readStartupSettings', () => {
  it('gives the defaults and no notices for an empty URL', () => {
    const settings = readStartupSettings('', '');
    expect(settings).toEqual({ config: defaultConfig(), backend: { forced: null, threads: null }, autoplay: false, pageMode: normalPage, runs: [defaultConfig()], notices: [] });
  });

  it('reads config keys from the hash', () => {
    const { config, notices } = readStartupSettings('', '#v=1&method=simsiam&stopGrad=false&seed=7&batch=16&steps=3');
    expect(notices).toEqual([]);
    expect(config).toMatchObject({ method: 'simsiam', stopGrad: false, seed: 7, batch: 16, steps: 3 });
  });

  it('reads config keys from the query string, the hash winning on conflicts', () => {
    const { config } = readStartupSettings('?seed=3&dim=16', '#seed=9');
    expect(config.seed).toBe(9);
    expect(config.dim).toBe(16);
  });

  it("starts from the linked method's defaults", () => {
    const { config, notices } = readStartupSettings('', '#method=swav&seed=2');
    expect(notices).toEqual([]);
    expect(config).toEqual({ ...defaultConfig('swav'), seed: 2 });
  });

  it('forces a known backend and ignores an unknown one with a notice', () => {
    expect(readStartupSettings('?backend=wasm', '').backend.forced).toBe('wasm');
    expect(readStartupSettings('?backend=WebGPU', '').backend.forced).toBe('webgpu');
    expect(readStartupSettings('?threads=2', '').backend.threads).toBe(2);
    const badThreads = readStartupSettings('?threads=0', '');
    expect(badThreads.backend.threads).toBeNull();
    expect(badThreads.notices[0]).toMatch(/threads: "0" is not a whole number from 1 to 64/);
    const bad = readStartupSettings('?backend=metal', '');
    expect(bad.backend.forced).toBeNull();
    expect(bad.notices).toHaveLength(1);
    expect(bad.notices[0]).toContain('"metal"');
  });

  it('honours autoplay', () => {
    expect(readStartupSettings('?autoplay=1', '').autoplay).toBe(true);
    expect(readStartupSettings('', '#autoplay=0').autoplay).toBe(false);
    const bad = readStartupSettings('?autoplay=maybe', '');
    expect(bad.autoplay).toBe(false);
    expect(bad.notices).toHaveLength(1);
  });

  it('keeps v, autoplay and backend away from the config validator', () => {
    const { notices, config } = readStartupSettings('?backend=cpu&autoplay=1', '#v=1');
    expect(notices).toEqual([]);
    expect(Object.keys(config)).not.toContain('backend');
  });

  it('reports an unknown link version', () => {
    expect(readStartupSettings('', '#v=2&seed=1').notices).toEqual([expect.stringContaining('version "2" is not known')]);
  });

  it('turns unknown keys and bad values into notices, clamping numbers', () => {
    const { config, notices } = readStartupSettings('?colour=red&dim=999&stopGrad=perhaps', '');
    expect(config.dim).toBe(128);
    expect(config.stopGrad).toBe(defaultConfig().stopGrad);
    expect(notices).toHaveLength(3);
  });

  it('shortens long untrusted values in notices', () => {
    const { notices } = readStartupSettings(`?backend=${'x'.repeat(500)}`, '');
    expect(notices[0]!.length).toBeLessThan(150);
  });
});

describe('links that choose a method', () => {
  it('read the other settings against that method’s defaults', () => {
    expect(readStartupSettings('', '#v=1&method=swav').config.temperature).toBe(0.1);
    expect(readStartupSettings('', '#v=1&method=byol&momentum=0.9').config).toMatchObject({ method: 'byol', momentum: 0.9 });
  });
});

describe('page modes', () => {
  it('reads classroom, embed and the hidden controls', () => {
    const { pageMode, notices, config } = readStartupSettings('', '#classroom=1&hide=seed,dataset,lessons&embed=0&seed=4');
    expect(notices).toEqual([]);
    expect(config.seed).toBe(4);
    expect(pageMode).toEqual({ classroom: true, embed: false, hidden: new Set(['seed', 'dataset', 'lessons']) });
  });

  it('reads a bare flag as on', () => {
    expect(readStartupSettings('?embed', '').pageMode.embed).toBe(true);
  });

  it('ignores unknown names to hide and bad flags, with notices', () => {
    const { pageMode, notices } = readStartupSettings('', '#classroom=please&hide=seed,<b>x</b>,,nothing');
    expect(pageMode.classroom).toBe(false);
    expect([...pageMode.hidden]).toEqual(['seed']);
    expect(notices).toHaveLength(2);
    expect(notices[1]).toContain('"<b>x</b>", "nothing" ignored');
  });
});

describe('compare mode', () => {
  const simsiam = { ...defaultConfig('simsiam'), seed: 7 };

  it('reads a switch of the linked method: two runs, B with it flipped (the links written before compare=N open as before)', () => {
    const { runs, config, notices } = readStartupSettings('', '#v=1&compare=stopGrad&method=simsiam&seed=7');
    expect(notices).toEqual([]);
    expect(config).toEqual(simsiam);
    expect(runs).toEqual([simsiam, { ...simsiam, stopGrad: false }]);
    expect(readStartupSettings('', '#compare=sinkhorn&method=swav').runs).toEqual([defaultConfig('swav'), { ...defaultConfig('swav'), sinkhorn: false }]);
  });

  it('reads 2, 3 and 4 runs, each run A’s settings with its own keys', () => {
    const simclr = { ...defaultConfig('simclr'), dim: 2, seed: 7 };
    const three = readStartupSettings('', '#v=1&compare=3&method=simclr&dim=2&seed=7&B.method=byol&C.seed=3');
    expect(three.notices).toEqual([]);
    // B's own method keeps the shared settings (d, seed) and takes BYOL's own defaults.
    expect(three.runs).toEqual([simclr, { ...defaultConfig('byol'), dim: 2, seed: 7 }, { ...simclr, seed: 3 }]);
    const two = readStartupSettings('', '#v=1&compare=2&method=simsiam&seed=7&B.seed=8&B.stopGrad=false');
    expect(two.runs).toEqual([simsiam, { ...simsiam, seed: 8, stopGrad: false }]);
    const four = readStartupSettings('', '#v=1&compare=4&method=simsiam&seed=7&D.dim=8');
    expect(four.notices).toEqual([]);
    expect(four.runs).toEqual([simsiam, simsiam, simsiam, { ...simsiam, dim: 8 }]);
  });

  it('shows at most four runs: five give a notice and the first four', () => {
    const { runs, notices } = readStartupSettings('', '#v=1&compare=5&method=simsiam&seed=7&B.seed=1&E.seed=5');
    expect(runs).toEqual([simsiam, { ...simsiam, seed: 1 }, simsiam, simsiam]);
    expect(notices).toEqual([
      'compare: "5" is not a number of runs from 2 to 4; showing 4 runs.',
      'E.…: this link shows 4 runs, so the settings of run E were ignored.',
    ]);
  });

  it('falls back to one run, with a notice, for fewer than two runs', () => {
    for (const count of ['0', '1', ' 1 ']) {
      const { runs, notices } = readStartupSettings('', `#v=1&compare=${count}&method=simsiam&seed=7&B.seed=1`);
      expect(runs).toEqual([simsiam]);
      expect(notices).toEqual([
        `compare: "${count}" is not a number of runs from 2 to 4; showing a single run.`,
        'B.…: this link shows a single run, so the settings of run B were ignored.',
      ]);
    }
  });

  it('names the run in the notices about its own keys, and keeps what it can', () => {
    const { runs, notices } = readStartupSettings('', '#v=1&compare=3&method=simsiam&seed=7&B.seed=abc&B.colour=red&C.dim=999&D.seed=1');
    expect(runs).toEqual([simsiam, simsiam, { ...simsiam, dim: 128 }]);
    expect(notices).toEqual([
      'D.…: this link shows 3 runs, so the settings of run D were ignored.',
      'B.seed: "abc" is not a number; kept 7.',
      'Unknown setting "B.colour" ignored.',
      'C.dim: 999 is outside 2–128; using 128.',
    ]);
  });

  it('falls back to one run, with a notice, for a key that is not a switch of the method', () => {
    for (const hash of ['#compare=sinkhorn&method=simsiam', '#compare=seed', '#compare=<img src=x>', '#compare=', '#compare=3x', '#compare=-2']) {
      const { runs, notices } = readStartupSettings('', hash);
      expect(runs).toHaveLength(1);
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatch(/^compare: ".*" is not an on\/off switch of SimSiam/);
    }
  });

  it('is not offered in an embedded page', () => {
    const { runs, notices } = readStartupSettings('', '#embed=1&compare=stopGrad');
    expect(runs).toEqual([defaultConfig()]);
    expect(notices).toEqual(['compare: an embedded page shows a single run.']);
  });
});

describe('linkText', () => {
  it('joins the query string and the hash, the hash last', () => {
    expect(linkText('?backend=cpu', '#seed=2')).toBe('backend=cpu&seed=2');
    expect(linkText('', '#seed=2')).toBe('seed=2');
    expect(linkText('', '')).toBe('');
  });
});

describe('linkedKeys', () => {
  it('names every key the query string and the hash give, valid or not', () => {
    expect([...linkedKeys('?seed=3', '#v=1&evalEvery=10&batch=oops')].sort()).toEqual(['batch', 'evalEvery', 'seed', 'v']);
    expect(linkedKeys('', '').size).toBe(0);
  });
});
