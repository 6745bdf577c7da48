import { beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../core/config';
import { useBackend } from '../testing/tfBackend';
import { backendPlan, measureBackends, selectBackend } from './backend';
import { trialStepsPerSecond } from './backendTrial';

describe('backendPlan', () => {
  it('prefers WebGPU on a real GPU', () => {
    expect(backendPlan({ kind: 'hardware', description: 'nvidia ampere' }).order[0]).toBe('webgpu');
  });

  it('prefers wasm over a software WebGPU adapter and says why', () => {
    const plan = backendPlan({ kind: 'software', description: 'google swiftshader' });
    expect(plan.order).toEqual(['wasm', 'webgl', 'cpu', 'webgpu']);
    expect(plan.why).toContain('software');
  });

  it('uses wasm, then webgl, then cpu without WebGPU', () => {
    expect(backendPlan({ kind: 'none' }).order).toEqual(['wasm', 'webgl', 'cpu']);
  });
});

describe('choosing by measurement', () => {
  beforeAll(() => useBackend('wasm'));

  it('times the experiment on each candidate and ranks the faster first (wasm against cpu here)', async () => {
    const config = { ...defaultConfig('simsiam'), batch: 64 };
    const rates = await measureBackends(['cpu', 'wasm'], () => trialStepsPerSecond(config));
    expect(rates.map((r) => r.name)).toEqual(['wasm', 'cpu']);
    expect(rates[0]!.stepsPerSec).toBeGreaterThan(2 * rates[1]!.stepsPerSec);
  });

  it('never trials a software adapter, and leaves out a candidate that fails to start', async () => {
    const tried: string[] = [];
    const trial = async (name: string) => (tried.push(name), 1);
    const software = { kind: 'software', description: 'google swiftshader' } as const;
    const chosen = await selectBackend(null, { webgpu: software, webgl: software }, trial);
    expect(tried).toEqual([]);
    expect(chosen).toMatchObject({ name: 'wasm', reason: expect.stringContaining('software') });
    // A "real GPU" that Node cannot start: only wasm is measured, and it is used with its figure.
    const hardware = { kind: 'hardware', description: 'a GPU' } as const;
    const measured = await selectBackend(null, { webgpu: hardware, webgl: { kind: 'none' } }, trial);
    expect(tried).toEqual(['wasm']);
    expect(measured).toEqual({ name: 'wasm', reason: 'wasm 1 steps/s — using wasm' });
  });
});
