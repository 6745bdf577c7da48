/**
 * The stretches of a training worker's start-up, each reported when it begins and when it ends, so that the
 * page can say what the worker is doing (and `npm run bench:startup` can time each one). The data's fetch and
 * decode run beside the backend's start; the others follow one another.
 */
export const startupPhases = ['engine', 'backend', 'wasm', 'fetch', 'decode', 'model', 'calibration', 'evaluation'] as const;
export type StartupPhase = (typeof startupPhases)[number];

/** Told when a phase begins (`ms` null) and when it ends (`ms`: how long it took). */
export type PhaseListener = (phase: StartupPhase, ms: number | null) => void;

/** Tells `listener` that `phase` begins; the function returned tells it that the phase ended. */
export function beginPhase(listener: PhaseListener | undefined, phase: StartupPhase): () => void {
  if (!listener) return () => {};
  listener(phase, null);
  const started = performance.now();
  return () => listener(phase, performance.now() - started);
}

/** Runs `work` as `phase` (see beginPhase). */
export async function timePhase<T>(listener: PhaseListener | undefined, phase: StartupPhase, work: () => Promise<T>): Promise<T> {
  const end = beginPhase(listener, phase);
  try {
    return await work();
  } finally {
    end();
  }
}
