import * as tf from '@tensorflow/tfjs';

/** The parts of a training step, in order, as the benchmark reports them. */
export const stepPhases = ['batch', 'forward + backward', 'optimizer', 'batch-norm statistics', 'after-step hooks', 'loss readback'] as const;
export type StepPhase = (typeof stepPhases)[number];

/**
 * Times the phases of training steps, for benchmarks. On asynchronous backends (WebGPU, WebGL) a phase's kernels
 * are only queued when its code returns, so each mark waits for one value of the phase's output to come back:
 * the split is then real, at the cost of the stalls a normal step avoids (so the total runs above a plain step's).
 */
export class StepProfile {
  readonly samples = new Map<StepPhase, number[]>();
  private last = 0;

  begin(): void {
    this.last = performance.now();
  }

  /** Ends `phase`; `output` is a tensor the phase wrote, waited for on asynchronous backends. */
  async mark(phase: StepPhase, output?: tf.Tensor): Promise<void> {
    if (output && !output.isDisposed) {
      const first = tf.tidy(() => tf.slice(tf.reshape(output, [-1]), [0], [1]));
      await first.data();
      first.dispose();
    }
    const now = performance.now();
    const list = this.samples.get(phase) ?? [];
    list.push(now - this.last);
    this.samples.set(phase, list);
    this.last = now;
  }

  /** Median milliseconds of each phase measured. */
  medians(): Map<StepPhase, number> {
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
    return new Map(stepPhases.filter((phase) => this.samples.has(phase)).map((phase) => [phase, median(this.samples.get(phase)!)]));
  }
}
