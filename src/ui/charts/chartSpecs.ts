/** The live charts: one small chart per metric against step, with what each line means. */
import { uniformityBound } from '../../metrics/collapseVerdict';
import type { FigureKey } from '../../metrics/snapshotFigures';

export interface ChartSpec {
  /** Test id `chart-<id>`. */
  id: string;
  title: string;
  /** One line in plain words. */
  help: string;
  /** A run's lines; when runs are overlaid each takes its run's colour, so a second metric is told apart by its dash. */
  series: { key: FigureKey; label: string; color: string; dashed?: boolean }[];
  /** A dashed horizontal line to compare against (for the current d), with its label. */
  reference?: { label: string; value: (dim: number) => number };
  /** Values the y axis always shows, so that the reference line and the zero stay in view. */
  yIncludes?: number[];
  /** A fixed y range (accuracies). */
  yRange?: [number, number];
}

const LINE = '#1f5fa8';
const SECOND_LINE = '#b05a00';

export const chartSpecs: readonly ChartSpec[] = [
  {
    id: 'loss',
    title: 'Loss',
    help: 'Training loss, averaged since the previous snapshot.',
    series: [{ key: 'loss', label: 'Loss', color: LINE }],
  },
  {
    id: 'collapse-std',
    title: 'Collapse std × √d',
    help: '1 when the points spread over the sphere, 0 when they sit on one spot.',
    series: [{ key: 'stdScaled', label: 'Collapse std × √d', color: LINE }],
    reference: { label: 'healthy', value: () => 1 },
    yIncludes: [0],
  },
  {
    id: 'alignment',
    title: 'Alignment',
    help: 'How far apart two views of one image land (lower: views agree).',
    series: [{ key: 'alignment', label: 'Alignment', color: LINE }],
    yIncludes: [0],
  },
  {
    id: 'uniformity',
    title: 'Uniformity',
    help: 'How evenly the points cover the sphere (lower is better); dashed: the best possible.',
    series: [{ key: 'uniformity', label: 'Uniformity', color: LINE }],
    reference: { label: 'best possible', value: uniformityBound },
    yIncludes: [0],
  },
  {
    id: 'effective-rank',
    title: 'Effective rank',
    help: 'How many directions the points really use (1 = a line or a point).',
    series: [{ key: 'effectiveRank', label: 'Effective rank', color: LINE }],
    yIncludes: [1],
  },
  {
    id: 'knn',
    title: 'kNN accuracy',
    help: 'Class accuracy of the 20 nearest training images, on z (solid) and h (dashed).',
    series: [
      { key: 'knnZ', label: 'kNN on z', color: LINE },
      { key: 'knnH', label: 'kNN on h', color: SECOND_LINE, dashed: true },
    ],
    yRange: [0, 1],
  },
  {
    id: 'linear-probe',
    title: 'Linear probe',
    help: 'Class accuracy of a linear classifier trained on frozen z (solid) and h (dashed) of the training images.',
    series: [
      { key: 'linearZ', label: 'Linear probe on z', color: LINE },
      { key: 'linearH', label: 'Linear probe on h', color: SECOND_LINE, dashed: true },
    ],
    yRange: [0, 1],
  },
];
