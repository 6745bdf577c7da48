/**
 * What each method is, in data: its name, one line of explanation, the config switches that apply to
 * it, and its own defaults. Pure data, so the UI can show the right controls without loading tfjs.
 */
import type { ConfigKey, ExperimentConfig } from './config';

export const methodNames = ['simclr', 'byol', 'swav', 'simsiam', 'align-uniform'] as const;
export type MethodName = (typeof methodNames)[number];

export interface MethodInfo {
  title: string;
  summary: string;
  /** The config keys this method honours (beyond the shared ones: data, optimiser, d, augmentations). */
  switches: ConfigKey[];
  defaults: Partial<ExperimentConfig>;
}

export const methodCatalog: Record<MethodName, MethodInfo> = {
  simclr: {
    title: 'SimCLR',
    summary: 'Contrastive: pull two views of an image together and push every other image in the batch away (NT-Xent).',
    switches: ['negatives', 'temperature', 'batchNorm'],
    defaults: { temperature: 0.5 },
  },
  byol: {
    title: 'BYOL',
    summary: 'Positives only: an online network predicts a slowly moving (EMA) target network.',
    switches: ['predictor', 'stopGrad', 'momentum', 'momentumSchedule', 'batchNorm'],
    defaults: { momentum: 0.99 },
  },
  swav: {
    title: 'SwAV',
    summary: 'Clusters: each view predicts the other view’s code over k prototypes; Sinkhorn spreads codes evenly.',
    switches: ['sinkhorn', 'prototypes', 'epsilon', 'sinkhornIters', 'temperature', 'batchNorm'],
    defaults: { temperature: 0.1 },
  },
  simsiam: {
    title: 'SimSiam',
    summary: 'BYOL without the EMA target: a predictor and a stop-gradient are all that prevent collapse.',
    switches: ['stopGrad', 'predictor', 'batchNorm'],
    defaults: {},
  },
  'align-uniform': {
    title: 'Alignment + uniformity',
    summary: 'Wang & Isola’s two terms directly: align positive pairs, spread all points uniformly on the sphere.',
    switches: ['alignment', 'uniformity', 'lambda', 'batchNorm'],
    defaults: {},
  },
};
