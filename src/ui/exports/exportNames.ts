/** File names of a run's exports: `hypersphere-lab-simsiam-seed7-step420[-stopGrad-off]-metrics.csv`. */
import type { ExperimentConfig } from '../../core/config';

/** `tag` tells the runs of one comparison apart (`stopGrad-off`, `method-byol_seed-3`); it is built from config keys and validated values, never from raw input. */
export function runFileName(config: ExperimentConfig, step: number, what: string, tag: string | null = null): string {
  const parts = ['hypersphere-lab', config.method, `seed${config.seed}`, `step${step}`, ...(tag ? [tag] : []), what];
  return parts.join('-');
}

/** The PyTorch script of an experiment: `run.py`, as the README runs it (`run-stopGrad-off.py` for a comparison's run B). */
export function pytorchScriptName(tag: string | null = null): string {
  return tag ? `run-${tag}.py` : 'run.py';
}
