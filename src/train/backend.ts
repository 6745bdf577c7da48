import * as tf from '@tensorflow/tfjs';
import { messages } from '../i18n/messages';
import type { BackendInfo, BackendName } from './backendNames';
import { type PhaseListener, timePhase } from './startupPhases';
import { isSoftwareRenderer, webglRendererName } from './webglRenderer';


/** Backend init can hang (e.g. threaded wasm under some minifiers): never wait forever. */
const INIT_TIMEOUT_MS = 20_000;

/** Starts a backend; the wasm one's start (compiling its WebAssembly) is a start-up phase of its own. */
function tryBackend(name: BackendName, onPhase?: PhaseListener): Promise<boolean> {
  return name === 'wasm' ? timePhase(onPhase, 'wasm', () => startBackend(name)) : startBackend(name);
}

async function startBackend(name: BackendName): Promise<boolean> {
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

/** What the browser offers a GPU backend: no adapter, a software one (SwiftShader, llvmpipe), or a real GPU. */
export type AdapterProbe = { kind: 'none' } | { kind: 'software'; description: string } | { kind: 'hardware'; description: string };

/** What WebGPU and WebGL each offer, learnt before choosing. */
export interface AdapterProbes {
  webgpu: AdapterProbe;
  webgl: AdapterProbe;
}

export const noGpu: AdapterProbes = { webgpu: { kind: 'none' }, webgl: { kind: 'none' } };

export async function probeWebGpu(): Promise<AdapterProbe> {
  const gpu = (globalThis.navigator as unknown as { gpu?: { requestAdapter(): Promise<GPUAdapterLike | null> } } | undefined)?.gpu;
  if (!gpu) return { kind: 'none' };
  try {
    const adapter = await gpu.requestAdapter();
    if (!adapter) return { kind: 'none' };
    const info = adapter.info ?? {};
    const description = [info.vendor, info.architecture, info.description].filter(Boolean).join(' ') || messages().worker.unknownGpu;
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

/** WebGL's renderer (an OffscreenCanvas in a worker): a real GPU, a software one, or none. */
export function probeWebGl(): AdapterProbe {
  try {
    const renderer = webglRendererName();
    if (!renderer) return { kind: 'none' };
    return isSoftwareRenderer(renderer) ? { kind: 'software', description: renderer } : { kind: 'hardware', description: renderer };
  } catch {
    return { kind: 'none' };
  }
}

/** The preference order and why, given what WebGPU offers (used when nothing is measured). */
export function backendPlan(probe: AdapterProbe): { order: BackendName[]; why: string } {
  switch (probe.kind) {
    case 'hardware':
      return { order: ['webgpu', 'wasm', 'webgl', 'cpu'], why: messages().worker.backendGpu({ gpu: probe.description }) };
    case 'software':
      return {
        order: ['wasm', 'webgl', 'cpu', 'webgpu'],
        why: messages().worker.backendSoftware({ gpu: probe.description }),
      };
    case 'none':
      return { order: ['wasm', 'webgl', 'cpu'], why: messages().worker.backendNoWebgpu };
  }
}

/** Training steps per second of the experiment on the backend just started (a few warm steps). */
export type BackendTrial = (name: BackendName) => Promise<number>;

/**
 * Starts each candidate in turn and measures it; candidates that fail to start, or whose trial fails, are left out.
 * Resolves to the rates measured, fastest first.
 */
export async function measureBackends(
  candidates: readonly BackendName[],
  trial: BackendTrial,
  onPhase?: PhaseListener,
): Promise<{ name: BackendName; stepsPerSec: number }[]> {
  const rates: { name: BackendName; stepsPerSec: number }[] = [];
  for (const name of candidates) {
    if (!(await tryBackend(name, onPhase))) continue;
    try {
      rates.push({ name, stepsPerSec: await trial(name) });
    } catch {
      // A backend that cannot train the experiment is no choice.
    }
  }
  return rates.sort((a, b) => b.stepsPerSec - a.stepsPerSec);
}

/** What runs and why, marked when it is a GPU backend on a software adapter (BackendInfo.software). */
function started(name: BackendName, reason: string, probes: AdapterProbes): BackendInfo {
  const software = (name === 'webgpu' || name === 'webgl') && probes[name].kind === 'software';
  return software ? { name, reason, software } : { name, reason };
}

/**
 * Picks and initialises a backend: the forced one when asked (falling back if it fails). Otherwise, where WebGPU
 * or WebGL runs on a real GPU, each of them and wasm trains a few steps and the fastest wins (a small model can
 * run faster on wasm than on a laptop's GPU); software adapters are never chosen this way. Without a real GPU (or
 * a trial), the plan's order. Returns what runs and why, in words for the status line.
 */
export async function selectBackend(
  forced: BackendName | null,
  probes: AdapterProbes,
  trial: BackendTrial | null = null,
  onPhase?: PhaseListener,
): Promise<BackendInfo> {
  const plan = backendPlan(probes.webgpu);
  if (forced) {
    if (await tryBackend(forced, onPhase)) return started(forced, messages().worker.backendForced, probes);
    for (const name of plan.order) {
      if (name !== forced && (await tryBackend(name, onPhase))) {
        return started(name, messages().worker.backendFellBack({ forced }), probes);
      }
    }
    throw new Error(`No TensorFlow.js backend could start in this browser (tried ${forced} and ${plan.order.join(', ')}).`);
  }
  const gpus = (['webgpu', 'webgl'] as const).filter((name) => probes[name].kind === 'hardware');
  if (gpus.length > 0 && trial) {
    const rates = await measureBackends([...gpus, 'wasm'], trial, onPhase);
    const best = rates[0];
    if (best && (await tryBackend(best.name))) {
      const { worker } = messages();
      const figures = rates.map((rate) => worker.backendRate(rate)).join(', ');
      return started(best.name, worker.backendMeasured({ figures, best: best.name }), probes);
    }
  }
  for (const [i, name] of plan.order.entries()) {
    if (await tryBackend(name, onPhase)) {
      return started(name, i === 0 ? plan.why : messages().worker.backendFailedToStart({ names: plan.order.slice(0, i).join(', ') }), probes);
    }
  }
  throw new Error('No TensorFlow.js backend could start in this browser (tried webgpu, wasm, webgl and cpu).');
}
