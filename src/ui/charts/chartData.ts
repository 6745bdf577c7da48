/** What one chart draws: its metrics against step, only where measured, decimated to a fixed budget. */
import type { MetricKey } from '../history/metricPoint';
import type { MetricSeries } from '../history/metricSeries';
import { decimationIndices } from './decimate';

/** Points per series on screen: smooth to draw, and more than a small chart has pixels across. */
export const MAX_CHART_POINTS = 1000;

/** Steps, then one column per key (uPlot's aligned data layout). */
export type ChartColumns = [steps: Float64Array, ...values: Float64Array[]];

export function chartColumns(metrics: MetricSeries, keys: readonly MetricKey[], maxPoints = MAX_CHART_POINTS): ChartColumns {
  const steps = metrics.column('step');
  const columns = keys.map((key) => metrics.column(key));
  // Rows where every drawn metric was measured (kNN only every 50 steps; the loss not before step 1).
  const measured: number[] = [];
  for (let row = 0; row < steps.length; row++) {
    if (columns.every((column) => Number.isFinite(column[row]!))) measured.push(row);
  }
  const measuredColumns = columns.map((column) => Float64Array.from(measured, (row) => column[row]!));
  const picked = decimationIndices(measuredColumns, maxPoints);
  return [
    Float64Array.from(picked, (index) => steps[measured[index]!]!),
    ...measuredColumns.map((column) => Float64Array.from(picked, (index) => column[index]!)),
  ];
}
