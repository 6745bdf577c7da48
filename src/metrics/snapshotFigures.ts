/**
 * The scalar figures of one snapshot: the one record that goes from the engine to every consumer (the UI's
 * history and charts, collapse detection, CSV/JSON exports, run reports, the CLI's JSON lines), under the
 * same names everywhere. `null` means "not measured at this snapshot"; every other figure is measured at
 * every snapshot. Each measure is defined in its own module here, as its paper defines it.
 */
export interface SnapshotFigures {
  step: number;
  /** Output dimension d. */
  dim: number;
  /** Mean training loss since the previous snapshot; null before the first step. */
  loss: number | null;
  /** Mean over dimensions of the per-dimension std of the l2-normalised output: 1/√d healthy, 0 collapsed. */
  collapseStd: number;
  /** Collapse std × √d: ≈ 1 spread over the sphere, 0 collapsed, for any d (the reference curves' scale). */
  stdScaled: number;
  /** Wang & Isola L_align (α = 2) over the evaluation images' two fixed augmented views. */
  alignment: number;
  /** Wang & Isola L_uniform (t = 2) over up to 1,000 evaluation embeddings. */
  uniformity: number;
  /** RankMe effective rank of the evaluation embeddings (1 … d). */
  effectiveRank: number;
  /** kNN accuracy (k = 20, cosine) against the training images on the projector output z; null when not measured. */
  knnZ: number | null;
  /** The same on the encoder features h. */
  knnH: number | null;
  /**
   * Linear-probe accuracy on z (l2-normalised): a softmax classifier trained on the kNN bank's frozen z by a fixed,
   * deterministic recipe (train/linearProbe.ts), tested on the kNN's held-out queries; measured with kNN, else null.
   */
  linearZ: number | null;
  /** The same on the encoder features h. */
  linearH: number | null;
  /**
   * The dimensional-collapse spectrum (spectrum.ts): d singular-value shares of the centred embeddings, sorted
   * descending, summing to 1; `spectrum[0]` is the top share (1/d flat, → 1 on a line). Null only in run
   * reports written before the lab measured it.
   */
  spectrum: number[] | null;
  /**
   * The alignment histogram (pairDistances.ts): the shares of the evaluation images' positive pairs in 40 fixed
   * bins of ‖f(x) − f(y)‖² over [0, 4], summing to 1; their mean is `alignment`. Null only in run reports
   * written before the lab measured it.
   */
  pairDistances: number[] | null;
}

/** The figures that are arrays: the spectrum and the alignment histogram. */
type ArrayFigureKey = 'spectrum' | 'pairDistances';

/** The single-number figures (everything but the arrays). */
export type FigureKey = Exclude<keyof SnapshotFigures, ArrayFigureKey>;

/** Every single-number figure, in the order files list them. */
export const figureKeys: readonly FigureKey[] = [
  'step', 'dim', 'loss', 'collapseStd', 'stdScaled', 'alignment', 'uniformity', 'effectiveRank', 'knnZ', 'knnH',
  'linearZ', 'linearH',
];

/** The figures that may be null (not measured at a snapshot). */
export const occasionalFigures: ReadonlySet<FigureKey> = new Set<FigureKey>(['loss', 'knnZ', 'knnH', 'linearZ', 'linearH']);

/** Just the figures of a record that holds more (a Snapshot, a CLI line). */
export function figuresOf(source: SnapshotFigures): SnapshotFigures {
  const scalars = Object.fromEntries(figureKeys.map((key) => [key, source[key]])) as Omit<SnapshotFigures, ArrayFigureKey>;
  return { ...scalars, spectrum: source.spectrum && [...source.spectrum], pairDistances: source.pairDistances && [...source.pairDistances] };
}
