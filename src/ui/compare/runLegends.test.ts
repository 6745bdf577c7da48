import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../core/config';
import { runDifferences, runFileTag, runLegends } from './runLegends';

describe('run legends', () => {
  const simsiam = { ...defaultConfig('simsiam'), seed: 7 };

  it('name two runs that differ in one switch as before: on and off', () => {
    const configs = [simsiam, { ...simsiam, stopGrad: false }];
    expect(runLegends(configs)).toEqual([
      { tag: 'A', label: 'Stop-gradient on', color: '#1f5fa8' },
      { tag: 'B', label: 'Stop-gradient off', color: '#d95f02' },
    ]);
    expect([runFileTag(configs, 0), runFileTag(configs, 1)]).toEqual(['stopGrad-on', 'stopGrad-off']);
  });

  it('name runs of different methods by their method and shared settings, each in its own colour', () => {
    const simclr = { ...defaultConfig('simclr'), dim: 2, seed: 7 };
    const configs = [simclr, { ...defaultConfig('byol'), dim: 2, seed: 7 }, { ...simclr, seed: 3 }, { ...simclr, temperature: 0.2 }];
    // A method's own setting (SimCLR's temperature) is named where runs of that method differ in it, and only for them.
    expect(runDifferences(configs)).toEqual(['method', 'seed', 'temperature']);
    const legends = runLegends(configs);
    expect(legends.map(({ tag, label }) => `${tag} ${label}`)).toEqual([
      'A SimCLR · Seed 7 · Temperature 0.5',
      'B BYOL · Seed 7',
      'C SimCLR · Seed 3 · Temperature 0.5',
      'D SimCLR · Seed 7 · Temperature 0.2',
    ]);
    expect(new Set(legends.map(({ color }) => color)).size).toBe(4);
    expect(runFileTag(configs, 1)).toBe('method-byol_seed-7');
  });

  it('say when runs differ in nothing, and tag their files by letter', () => {
    expect(runLegends([simsiam, simsiam]).map(({ label }) => label)).toEqual(['same settings', 'same settings']);
    expect(runFileTag([simsiam, simsiam], 1)).toBe('run-B');
  });
});
