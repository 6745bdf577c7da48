/**
 * The run's metric history as a file: one record per recorded snapshot (step, loss, collapse std raw and
 * × √d, alignment, uniformity, effective rank, kNN on z and h). Unmeasured values (kNN between its
 * evaluations, the loss before step 1) are null in JSON and empty in CSV.
 */
import type { ExperimentConfig } from '../../core/config';
import type { MetricSeries } from '../history/metricSeries';
import { csvLine } from './csv';

export interface MetricRecord {
  step: number;
  dim: number;
  loss: number | null;
  collapseStd: number | null;
  stdScaled: number | null;
  alignment: number | null;
  uniformity: number | null;
  effectiveRank: number | null;
  knnZ: number | null;
  knnH: number | null;
}

/** Record keys with their CSV column names, in file order. */
const columns: readonly [keyof MetricRecord, string][] = [
  ['step', 'step'],
  ['dim', 'dim'],
  ['loss', 'loss'],
  ['collapseStd', 'collapse_std'],
  ['stdScaled', 'collapse_std_x_sqrt_d'],
  ['alignment', 'alignment'],
  ['uniformity', 'uniformity'],
  ['effectiveRank', 'effective_rank'],
  ['knnZ', 'knn_z'],
  ['knnH', 'knn_h'],
];

const orNull = (value: number): number | null => (Number.isFinite(value) ? value : null);

export function metricRecords(metrics: MetricSeries): MetricRecord[] {
  return Array.from({ length: metrics.length }, (_, index) => {
    const point = metrics.at(index)!;
    return {
      step: point.step,
      dim: point.dim,
      loss: orNull(point.loss),
      collapseStd: orNull(point.stdScaled / Math.sqrt(point.dim)),
      stdScaled: orNull(point.stdScaled),
      alignment: orNull(point.alignment),
      uniformity: orNull(point.uniformity),
      effectiveRank: orNull(point.effectiveRank),
      knnZ: orNull(point.knnZ),
      knnH: orNull(point.knnH),
    };
  });
}

export function metricsCsv(metrics: MetricSeries): string {
  const header = csvLine(columns.map(([, name]) => name));
  const rows = metricRecords(metrics).map((record) => csvLine(columns.map(([key]) => record[key] ?? NaN)));
  return header + rows.join('');
}

export function metricsJson(metrics: MetricSeries, config: ExperimentConfig): string {
  return `${JSON.stringify({ format: 'hypersphere-metrics', version: 1, config, metrics: metricRecords(metrics) }, null, 1)}\n`;
}
