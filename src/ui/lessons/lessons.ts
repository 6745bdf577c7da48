/**
 * Guided experiments: each lesson is a short explanation in plain words, what to watch for, the paper
 * it comes from, and one or more runs — preset configs that contrast a component switched on and off.
 * What the text promises was measured with this engine (`npm run train`, Fashion-MNIST, d = 3, seed 0;
 * see docs/lessons.md), not copied from the papers' ImageNet numbers.
 */
import { defaultConfig, type ExperimentConfig, type MethodName } from '../../core/config';
import type { RunConfigs } from '../../core/urlCodec';

export interface Paper {
  authors: string;
  year: number;
  title: string;
  venue: string;
}

export interface LessonRun {
  /** The button's text, e.g. "Run without stop-gradient". */
  label: string;
  method: MethodName;
  /** The settings that differ from the method's defaults. */
  changes: Partial<Omit<ExperimentConfig, 'method'>>;
}

export interface Lesson {
  id: string;
  title: string;
  /** What the component does and why it matters, in plain words. */
  explanation: string;
  /** What the paper found, in one or two sentences. */
  finding: string;
  watchFor: string[];
  papers: Paper[];
  runs: LessonRun[];
  /** Its runs only make sense next to each other: opening the lesson opens them side by side (compare mode). */
  sideBySide?: boolean;
}

const chenHe2021: Paper = { authors: 'Xinlei Chen and Kaiming He', year: 2021, title: 'Exploring Simple Siamese Representation Learning', venue: 'CVPR' };
const grill2020: Paper = {
  authors: 'Jean-Bastien Grill, Florian Strub, Florent Altché, Corentin Tallec, Pierre H. Richemond, et al.',
  year: 2020,
  title: 'Bootstrap Your Own Latent: A New Approach to Self-Supervised Learning',
  venue: 'NeurIPS',
};
const chen2020: Paper = {
  authors: 'Ting Chen, Simon Kornblith, Mohammad Norouzi and Geoffrey Hinton',
  year: 2020,
  title: 'A Simple Framework for Contrastive Learning of Visual Representations',
  venue: 'ICML',
};
const caron2020: Paper = {
  authors: 'Mathilde Caron, Ishan Misra, Julien Mairal, Priya Goyal, Piotr Bojanowski and Armand Joulin',
  year: 2020,
  title: 'Unsupervised Learning of Visual Features by Contrasting Cluster Assignments',
  venue: 'NeurIPS',
};
const wangIsola2020: Paper = {
  authors: 'Tongzhou Wang and Phillip Isola',
  year: 2020,
  title: 'Understanding Contrastive Representation Learning through Alignment and Uniformity on the Hypersphere',
  venue: 'ICML',
};

const zbontar2021: Paper = {
  authors: 'Jure Zbontar, Li Jing, Ishan Misra, Yann LeCun and Stéphane Deny',
  year: 2021,
  title: 'Barlow Twins: Self-Supervised Learning via Redundancy Reduction',
  venue: 'ICML',
};
const bardes2022: Paper = {
  authors: 'Adrien Bardes, Jean Ponce and Yann LeCun',
  year: 2022,
  title: 'VICReg: Variance-Invariance-Covariance Regularization for Self-Supervised Learning',
  venue: 'ICLR',
};

export const lessons: readonly Lesson[] = [
  {
    id: 'simsiam-stop-gradient',
    title: 'SimSiam: the stop-gradient',
    explanation:
      'SimSiam shows two augmented views of each image to the same network, and one side learns to predict the other side’s ' +
      'embedding. The loss could be satisfied by a useless trick: map every image to the same point, and every prediction is ' +
      'perfect. The stop-gradient blocks that trick. The side being predicted is treated as a fixed target for the step, so ' +
      'the update can only move the predicting side towards it; it cannot pull both sides onto one point together.',
    finding:
      'In the paper, removing the stop-gradient made SimSiam collapse: every image got the same output and the features were worthless.',
    watchFor: [
      'With the stop-gradient, the points stay spread over the sphere and collapse std ×√d stays above 0.9.',
      'Without it, the cloud shrinks to a small spot within about 100 steps: collapse std ×√d falls below 0.2 while the loss races to −1, its best possible value. A perfect score for a useless answer.',
    ],
    papers: [chenHe2021],
    runs: [
      { label: 'Run with stop-gradient', method: 'simsiam', changes: {} },
      { label: 'Run without stop-gradient', method: 'simsiam', changes: { stopGrad: false } },
    ],
  },
  {
    id: 'predictor',
    title: 'SimSiam and BYOL: the predictor',
    explanation:
      'SimSiam and BYOL put a small extra network, the predictor, on one side only. It makes the two sides different: one ' +
      'side has to predict the other rather than simply equal it. Without the predictor, SimSiam’s loss is again minimised ' +
      'by giving every image the same embedding, stop-gradient or not. BYOL keeps some protection, because its target is a ' +
      'slow-moving copy of the network, but its spread drains away all the same.',
    finding: 'In the SimSiam paper, removing the predictor made the method collapse, just as removing the stop-gradient did.',
    watchFor: [
      'SimSiam without the predictor collapses within about 50 steps, even faster than without the stop-gradient.',
      'BYOL without the predictor does not fall into a dot: collapse std ×√d drops to about 0.65 within 50 steps and then drifts slowly down, and the points crowd onto part of the sphere (uniformity about −0.9, against −1.4 to −1.7 with the predictor). A partial, slow collapse.',
      'With the predictor, both stay spread out.',
    ],
    papers: [chenHe2021, grill2020],
    runs: [
      { label: 'Run SimSiam with the predictor', method: 'simsiam', changes: {} },
      { label: 'Run SimSiam without the predictor', method: 'simsiam', changes: { predictor: false } },
      { label: 'Run BYOL without the predictor', method: 'byol', changes: { predictor: false } },
    ],
  },
  {
    id: 'byol-momentum',
    title: 'BYOL: the moving-average target',
    explanation:
      'BYOL’s target network is never trained. After every update it moves a small step, a fraction 1 − τ of the way, ' +
      'towards the online network: an exponential moving average (EMA). With τ = 0.99 the target trails the online network ' +
      'by roughly a hundred steps. With τ = 0 the target is the online network itself, and only the stop-gradient still keeps ' +
      'it fixed during each update; that is SimSiam with BYOL’s loss. Take the stop-gradient away as well and nothing is left ' +
      'to prevent collapse.',
    finding:
      'The BYOL paper found that a target updated instantly (τ = 0) made training unstable and a target never updated (τ = 1) ' +
      'learned poor features, while rates between 0.9 and 0.999 all worked well. SimSiam later showed that a predictor and a ' +
      'stop-gradient are enough on their own, which is why τ = 0 still learns here.',
    watchFor: [
      'With τ = 0.99, the points spread out; collapse std ×√d stays above 0.9.',
      'With τ = 0 (and the stop-gradient on), the run spreads out just as well: here the moving average is not what prevents collapse.',
      'With τ = 0 and no stop-gradient, the cloud contracts into a dot within about 100 steps and the loss drops to 0, its trivial minimum.',
    ],
    papers: [grill2020, chenHe2021],
    runs: [
      { label: 'Run with τ = 0.99', method: 'byol', changes: {} },
      { label: 'Run with τ = 0', method: 'byol', changes: { momentum: 0 } },
      { label: 'Run with τ = 0, without stop-gradient', method: 'byol', changes: { momentum: 0, stopGrad: false } },
    ],
  },
  {
    id: 'simclr-negatives',
    title: 'SimCLR: the negatives',
    explanation:
      'SimCLR pulls the two views of an image together and pushes the views of every other image in the batch away. Those ' +
      'other images are the negatives: with a batch of 256 images, each view has 510 others to keep its distance from. ' +
      'Without them only the pull is left, and the easiest way to pull every pair together is to put every image at the same point.',
    finding: 'The paper found that more negatives — larger batches, longer training — gave better features.',
    watchFor: [
      'With negatives, the points cover the whole sphere within about 50 steps; collapse std ×√d is close to 1.',
      'Without negatives, everything falls into one spot within a few dozen steps.',
    ],
    papers: [chen2020],
    runs: [
      { label: 'Run with negatives', method: 'simclr', changes: {} },
      { label: 'Run without negatives', method: 'simclr', changes: { negatives: false } },
    ],
  },
  {
    id: 'simclr-temperature',
    title: 'SimCLR: the temperature',
    explanation:
      'Before comparing two embeddings, SimCLR divides their similarity by a temperature τ. A low τ magnifies small ' +
      'differences, so the loss is dominated by the few negatives that sit closest (the hardest ones) and works hard to keep ' +
      'each image’s two views tight. A high τ weighs all negatives more evenly and spreads the points smoothly.',
    finding: 'In the paper, a temperature well below 1 gave clearly better features than τ = 1.',
    watchFor: [
      'At τ = 0.1 the cloud is lumpier: points gather in clusters with gaps between them, and the two views of an image land closer together (alignment about 0.17 after 300 steps).',
      'At τ = 1 the points cover the sphere more evenly (uniformity about −1.8 against −1.6 at τ = 0.1; lower is more even), but the two views of an image sit further apart (alignment about 0.3).',
    ],
    papers: [chen2020],
    runs: [
      { label: 'Run with τ = 0.1', method: 'simclr', changes: { temperature: 0.1 } },
      { label: 'Run with τ = 1', method: 'simclr', changes: { temperature: 1 } },
    ],
  },
  {
    id: 'colour-shortcut',
    title: 'Colour is a shortcut',
    explanation:
      'SimCLR learns by telling which two views came from the same image, and it takes any shortcut that tells them. In ' +
      'Shapes & colours each image is one of ten shapes in a random colour on a random background tint: the colour says ' +
      'nothing about the shape, but both crops of an image share it. With crops alone the network can match the views by ' +
      'colour and never look at the shape. Colour jitter (brightness, contrast, saturation, hue) and random greyscale make ' +
      'the two views’ colours differ, so colour no longer gives the pair away and the shape has to. The two runs open side ' +
      'by side: the same method and seed, the colour augmentations on and off.',
    finding:
      'Chen et al. found colour distortion the most important augmentation beside cropping: with crops alone the two crops ' +
      'of an image share their colour histogram, which is enough to match them, and the features were far worse.',
    watchFor: [
      'Without the colour augmentations the sphere looks perfect: the two views of an image agree almost exactly (alignment about 0.05) and the points cover the sphere as evenly as they can (uniformity about −2.06; an even sphere gives −2.08). Yet the shapes are mixed: kNN accuracy on z about 0.11, chance for ten classes.',
      'With colour jitter and greyscale on, the views agree less (alignment about 0.35) and the points spread less evenly (uniformity about −1.83), but the shapes are told apart far better at step 400: kNN on z about 0.29 against 0.11, on the encoder features h about 0.59 against 0.28, and the linear probe on h about 0.72 against 0.50.',
      'Colour the points by the image’s colour instead of its class (the sphere’s toolbar) and compare where the colours sit on the two spheres.',
      'Neither run beats the untrained network’s kNN on h (about 0.77 at step 0): random projections of these pixels already keep much of the shape. What the shortcut costs is how much of it training throws away: most of it without the colour augmentations.',
    ],
    papers: [chen2020],
    runs: [
      { label: 'Run with colour jitter and greyscale', method: 'simclr', changes: { dataset: 'shapes-colours' } },
      { label: 'Run without colour jitter and greyscale', method: 'simclr', changes: { dataset: 'shapes-colours', jitterProb: 0, greyProb: 0 } },
    ],
    sideBySide: true,
  },
  {
    id: 'swav-sinkhorn',
    title: 'SwAV: equal shares with Sinkhorn',
    explanation:
      'SwAV places K prototype points on the sphere and gives each view a code: how strongly it belongs to each prototype. ' +
      'Each view must predict the code of the other view. The trap is that all images could choose the same prototype. ' +
      'Sinkhorn-Knopp prevents that: before the codes are used, a few rounds of rescaling make every prototype receive an ' +
      'equal share of the batch. Without it the codes are a plain softmax, and nothing stops them agreeing on one prototype for everything.',
    finding: 'The paper adds this equal-share constraint precisely to rule out the trivial solution in which every image gets the same code.',
    watchFor: [
      'With Sinkhorn, the points spread out over the sphere; collapse std ×√d stays near 0.97.',
      'Without Sinkhorn, the points crowd into a few clumps within 25 steps (collapse std ×√d about 0.45) and fall into a single spot by about step 200.',
    ],
    papers: [caron2020],
    runs: [
      { label: 'Run with Sinkhorn', method: 'swav', changes: {} },
      { label: 'Run without Sinkhorn', method: 'swav', changes: { sinkhorn: false } },
    ],
  },
  {
    id: 'what-uniformity-buys',
    title: 'What uniformity buys: random, supervised, contrastive',
    explanation:
      'Wang and Isola open their paper with one picture: the same network’s outputs on a circle (d = 2) after random ' +
      'initialisation, after supervised training with the labels, and after contrastive training without them. This lesson ' +
      'opens the three side by side at d = 2, where the sphere is a circle. Under each, the ring shows every point at its ' +
      'angle with the density of all points around it, and a strip per class shows where that class lies. Random init ' +
      'trains nothing: it is the network as it starts. Supervised learns a linear classifier on the normalised output ' +
      'from the labels. SimCLR never sees a label, only two augmented views of each image. Press Start: the two that learn ' +
      'train together, and the Positive-pair distances and Linear probe charts lay the three over each other.',
    finding:
      'Contrastive features are both aligned (the two views of an image land close together) and uniform (spread evenly ' +
      'over the circle); supervised features are aligned but gather by class; random ones are neither. Features that ' +
      'are aligned and uniform make classes easy to separate with a linear classifier.',
    watchFor: [
      'The ring. Random init crowds the points into part of the circle (uniformity about −0.7 to −0.8; an even circle gives −1.57). SimCLR spreads them almost evenly (about −1.53 by step 800); Supervised covers the circle less evenly (about −1.3), its class strips narrower than SimCLR’s.',
      'Positive-pair distances: the two views of an image are far apart at random init (mean 0.6–0.7 on these seeds, more on others), close with SimCLR (about 0.23 at step 800) and a little further with Supervised (about 0.32–0.38).',
      'Linear probe on z: about 0.2 at random init, about 0.49 for SimCLR and 0.54–0.58 for Supervised at step 800. SimCLR, without a single label, gets most of the way from random to supervised. On the encoder features h all three read 0.79–0.83: the difference is in what the projector’s two dimensions keep.',
      'Random init cannot be started: its figures stay those of step 0, the baseline the other two runs are measured against.',
    ],
    papers: [wangIsola2020],
    runs: [
      { label: 'Run random init', method: 'random', changes: { dim: 2 } },
      { label: 'Run Supervised', method: 'supervised', changes: { dim: 2 } },
      { label: 'Run SimCLR', method: 'simclr', changes: { dim: 2 } },
    ],
    sideBySide: true,
  },
  {
    id: 'alignment-uniformity',
    title: 'Alignment and uniformity',
    explanation:
      'Wang and Isola split what contrastive learning achieves into two measurable goals. Alignment: the two views of an ' +
      'image should land close together. Uniformity: all the points should spread evenly over the sphere, so that as little ' +
      'information as possible is lost. This method optimises the two terms directly, and you can switch each one off. ' +
      'Spreading the points is not the only way to avoid collapse: redundancy reduction (Barlow Twins, VICReg, the next ' +
      'two lessons) keeps every output dimension varying over the batch and makes different dimensions carry different information.',
    finding:
      'They showed that the contrastive loss, with many negatives, optimises exactly these two properties, and that optimising them directly works about as well.',
    watchFor: [
      'With both terms, the points spread evenly (uniformity about −2.0, close to the −2.08 of a perfectly even sphere) while the two views of an image move closer (alignment about 0.3 after 300 steps).',
      'With alignment only, everything collapses to a point within a few dozen steps: perfect alignment, no information.',
      'With uniformity only, the points still cover the sphere, but the two views of an image land far apart (alignment about 1.1) and the classes stay more mixed.',
      'What each run buys for telling classes apart (the Linear probe and kNN accuracy metrics): at step 300, with both terms the linear probe on z reads about 0.57 and kNN about 0.63; with uniformity only about 0.49 and 0.51 — worse, yet far above the untrained network’s 0.24, so spreading alone keeps part of what tells images apart; with alignment only, about 0.22, the untrained network’s level or below.',
    ],
    papers: [wangIsola2020],
    runs: [
      { label: 'Run with both terms', method: 'align-uniform', changes: {} },
      { label: 'Run with alignment only', method: 'align-uniform', changes: { uniformity: false } },
      { label: 'Run with uniformity only', method: 'align-uniform', changes: { alignment: false } },
    ],
  },
  {
    id: 'barlow-twins-redundancy',
    title: 'Redundancy reduction: Barlow Twins',
    explanation:
      'Barlow Twins never looks at the sphere. Over a batch it standardises every output dimension (mean 0, spread 1) and ' +
      'measures how strongly dimension i of one view goes with dimension j of the other: a small table of correlations, ' +
      'the cross-correlation matrix. The loss asks this table to be the identity. Its diagonal (the invariance term) makes ' +
      'each dimension agree between the two views; since every dimension is standardised, mapping all images to one point ' +
      'cannot satisfy it. Its off-diagonal part (the redundancy-reduction term) makes different dimensions carry different ' +
      'information. Switch that term off and the dimensions are free to copy each other: the points stay spread out along ' +
      'one direction, and the embedding quietly loses whole dimensions. This is dimensional collapse, and the collapse std ' +
      'does not see it; the effective rank (how many dimensions the points really use) does.',
    finding:
      'The paper’s ablations found both parts necessary: with the invariance term alone the features were far worse, and ' +
      'the redundancy-reduction term alone learned nothing useful.',
    watchFor: [
      'With the off-diagonal term, the points cover the whole sphere: collapse std ×√d about 0.99 and, from about step 150, an effective rank of about 2.9 of 3 (uniformity about −1.7).',
      'Without it, the collapse std stays just as high (about 0.98), yet the effective rank falls step by step, to about 1.8 by step 300: the points slide into two opposite clumps along one axis (uniformity about −0.7, what two opposite clumps give). By the std alone this run looks healthy; the Spectrum chart does not agree: one bar grows to about 0.8 of the whole (flat would be 0.33 each), and from about step 200 the banner says dimensional collapse.',
    ],
    papers: [zbontar2021],
    runs: [
      { label: 'Run with the off-diagonal term', method: 'barlow-twins', changes: {} },
      { label: 'Run without the off-diagonal term', method: 'barlow-twins', changes: { offDiagonal: false } },
    ],
  },
  {
    id: 'vicreg-terms',
    title: 'VICReg: variance, invariance, covariance',
    explanation:
      'VICReg writes the job as three separate terms on the network’s outputs, and each one guards against a different ' +
      'failure. Invariance: the two views of an image should give the same output. Variance: over the batch, every output ' +
      'dimension should keep a spread (standard deviation) of at least 1; it only pushes while the spread is too small. ' +
      'Covariance: different dimensions should be uncorrelated, as in Barlow Twins. Without the variance term nothing ' +
      'stops the invariance term from being met by giving every image the same output: complete collapse. Without the ' +
      'covariance term the dimensions may all carry the same signal: the points stay spread, along fewer directions ' +
      '(dimensional collapse). Without the invariance term nothing ties the two views of an image together.',
    finding:
      'In the paper, the invariance term alone collapsed; adding the variance term prevented the collapse, and adding the ' +
      'covariance term on top gave clearly better features.',
    watchFor: [
      'With all three terms, the points spread (collapse std ×√d about 0.99), a little less evenly than with Barlow Twins at d = 3: effective rank about 2.4 of 3, uniformity about −1.4, and the largest bar of the Spectrum about 0.55 of the whole. With the paper’s weights VICReg at d = 3 leans towards a plane; a covariance weight of 5 spreads the spectrum to about 0.43 / 0.33 / 0.25, as flat as Barlow Twins.',
      'Without the variance term, the outputs shrink towards one point while the loss falls to nearly 0: within 50 steps collapse std ×√d drops to about 0.5 (uniformity −0.7), then sinks slowly, to about 0.15 by step 800. The pace depends on the seed: with seed 1 it is under 0.15 by step 200.',
      'Without the covariance term, the collapse std stays high (about 0.98) but the effective rank falls to about 1.7 by step 300 and the points gather into two opposite clumps (uniformity about −0.7): dimensional collapse, as in Barlow Twins without its off-diagonal term. One bar of the Spectrum holds about 0.85 of the whole, and the banner says dimensional collapse from about step 100.',
      'Without the invariance term, the points stay spread and use all three dimensions (effective rank about 2.85, the highest of these runs), but the two views of an image land far apart (alignment about 1.15, against 0.24 with it), and the points say less about what the images show: kNN accuracy on z about 0.50 at step 400, against 0.58 with all three terms.',
    ],
    papers: [bardes2022, zbontar2021],
    runs: [
      { label: 'Run with all three terms', method: 'vicreg', changes: {} },
      { label: 'Run without the variance term', method: 'vicreg', changes: { variance: false } },
      { label: 'Run without the covariance term', method: 'vicreg', changes: { covariance: false } },
      { label: 'Run without the invariance term', method: 'vicreg', changes: { invariance: false } },
    ],
  },
];

/** The full config a run loads: its method's defaults with the lesson's changes. */
export function presetConfig(run: LessonRun): ExperimentConfig {
  return { ...defaultConfig(run.method), ...run.changes };
}

/**
 * A run's config as the lab loads it: the preset, at the lab's current snapshot cadence. `evalEvery` says how
 * often the lab looks (lighter on phones, or as the reader set it), not what the run learns; a lesson that
 * sets it keeps its own.
 */
export function presetForLab(run: LessonRun, current: ExperimentConfig): ExperimentConfig {
  return { ...presetConfig(run), evalEvery: run.changes.evalEvery ?? current.evalEvery };
}

/** A lesson's runs as a comparison loads them, in the lesson's order. */
export function lessonConfigs(lesson: Lesson, current: ExperimentConfig): RunConfigs {
  const [first, ...rest] = lesson.runs.map((run) => presetForLab(run, current));
  return [first!, ...rest];
}
