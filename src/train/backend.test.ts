import { describe, expect, it } from 'vitest';
import { backendPlan } from './backend';

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
