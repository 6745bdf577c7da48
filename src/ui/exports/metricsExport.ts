/**
 * The run's metric history as a file: every recorded snapshot's figures (SnapshotFigures, the names the
 * engine gives them); in CSV the spectrum takes d columns, spectrum_1 (the top share) to spectrum_d. The alignment
 * histogram (40 bins) is in the JSON only: its mean is the CSV's alignment column.
 * Unmeasured values (kNN and the linear probe between their evaluations, the loss before step 1) are null in JSON and empty in CSV.
 */
import type { ExperimentConfig } from '../../core/config';
import type { FigureKey, SnapshotFigures } from '../../metrics/snapshotFigures';
import type { MetricSeries } from '../history/metricSeries';
import { csvLine } from './csv';

/** CSV column names, in file order (snake case, for pandas and R). */
const csvColumns: readonly [FigureKey, string][] = [
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
  ['linearZ', 'linear_z'],
  ['linearH', 'linear_h'],
];

export function metricRecords(metrics: MetricSeries): SnapshotFigures[] {
  return Array.from({ length: metrics.length }, (_, index) => metrics.at(index)!);
}

export function metricsCsv(metrics: MetricSeries): string {
  const records = metricRecords(metrics);
  const dim = records[0]?.dim ?? 0;
  const shares = Array.from({ length: dim }, (_, k) => k);
  const header = csvLine([...csvColumns.map(([, name]) => name), ...shares.map((k) => `spectrum_${k + 1}`)]);
  const rows = records.map((record) =>
    csvLine([...csvColumns.map(([key]) => record[key] ?? NaN), ...shares.map((k) => record.spectrum?.[k] ?? NaN)]),
  );
  return header + rows.join('');
}

export function metricsJson(metrics: MetricSeries, config: ExperimentConfig): string {
  return `${JSON.stringify({ format: 'hypersphere-metrics', version: 1, config, metrics: metricRecords(metrics) }, null, 1)}\n`;
}
