import * as tf from '@tensorflow/tfjs';

export const backendNames = ['webgpu', 'wasm', 'webgl', 'cpu'] as const;
export type BackendName = (typeof backendNames)[number];

export interface BackendInfo {
  name: BackendName;
  /** Why this backend was chosen, in words for the status line. */
  reason: string;
}

/** Backend init can hang (e.g. threaded wasm under some minifiers): never wait forever. */
const INIT_TIMEOUT_MS = 20_000;

async function tryBackend(name: BackendName): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), INIT_TIMEOUT_MS);
  });
  try {
    const ok = await Promise.race([tf.setBackend(name).then(async (set) => set && (await tf.ready(), true)), timeout]);
    return ok && tf.getBackend() === name;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** What we learn about WebGPU before choosing: no adapter, a software one (SwiftShader), or a real GPU. */
export type WebGpuProbe = { kind: 'none' } | { kind: 'software'; description: string } | { kind: 'hardware'; description: string };

export async function probeWebGpu(): Promise<WebGpuProbe> {
  const gpu = (globalThis.navigator as unknown as { gpu?: { requestAdapter(): Promise<GPUAdapterLike | null> } } | undefined)?.gpu;
  if (!gpu) return { kind: 'none' };
  try {
    const adapter = await gpu.requestAdapter();
    if (!adapter) return { kind: 'none' };
    const info = adapter.info ?? {};
    const description = [info.vendor, info.architecture, info.description].filter(Boolean).join(' ') || 'unknown GPU';
    const software = info.architecture === 'swiftshader' || adapter.isFallbackAdapter === true;
    return { kind: software ? 'software' : 'hardware', description };
  } catch {
    return { kind: 'none' };
  }
}

interface GPUAdapterLike {
  info?: { vendor?: string; architecture?: string; description?: string };
  isFallbackAdapter?: boolean;
}

/** The preference order and why, given what WebGPU offers. */
export function backendPlan(probe: WebGpuProbe): { order: BackendName[]; why: string } {
  switch (probe.kind) {
    case 'hardware':
      return { order: ['webgpu', 'wasm', 'webgl', 'cpu'], why: `WebGPU on a real GPU (${probe.description})` };
    case 'software':
      return {
        order: ['wasm', 'webgl', 'cpu', 'webgpu'],
        why: `the WebGPU adapter is software (${probe.description}), ~70× slower than wasm here`,
      };
    case 'none':
      return { order: ['wasm', 'webgl', 'cpu'], why: 'no WebGPU adapter in this browser' };
  }
}

/**
 * Picks and initialises a backend: the forced one when asked (falling back if it fails), otherwise the
 * fastest that works. Returns what runs and why, in words for the status line.
 */
export async function selectBackend(forced: BackendName | null, probe: WebGpuProbe): Promise<BackendInfo> {
  const plan = backendPlan(probe);
  if (forced) {
    if (await tryBackend(forced)) return { name: forced, reason: 'forced by ?backend=' };
    for (const name of plan.order) {
      if (name !== forced && (await tryBackend(name))) {
        return { name, reason: `${forced} was asked for but failed to start; fell back` };
      }
    }
  } else {
    for (const [i, name] of plan.order.entries()) {
      if (await tryBackend(name)) {
        return { name, reason: i === 0 ? plan.why : `${plan.order.slice(0, i).join(', ')} failed to start` };
      }
    }
  }
  throw new Error('No TensorFlow.js backend could start in this browser (tried webgpu, wasm, webgl and cpu).');
}
