/**
 * The English messages: the source of truth for every text the lab shows (except the data tables' own words —
 * settings, methods, lessons — which stay in their tables; see src/ui/language/tables.ts). Other languages are
 * typed against this object, so a message missing there fails the type check. A message with values is a
 * function of them.
 * Terms follow docs/glossary.md.
 */
import type { MethodName } from '../core/config';
import { formatCount, plural } from './locale';

const percent = (share: number): string => `${Math.round(share * 100)}%`;

export const en = {
  page: {
    title: 'Hypersphere Lab',
    tagline: 'Watch self-supervised learning spread out — or collapse — on the unit sphere.',
    controls: 'Controls',
    embeddings: 'Embeddings',
    language: 'Language',
  },
  run: {
    group: 'Training',
    start: 'Start',
    pause: 'Pause',
    step: 'Step',
    reset: 'Reset',
    untrained: 'Random init trains nothing: the sphere and the figures show the initialised network at step 0, so Start and Step have nothing to do.',
  },
  lessons: {
    heading: 'Lessons',
    note: 'Guided experiments: open one, then run its contrasts and compare what the sphere does.',
    runs: 'Runs of this lesson',
    watchFor: 'What to watch for',
    finding: 'What the paper found.',
    papers: 'Papers',
    sideBySide: (p: { runs: number }) => `Run all ${p.runs} side by side`,
    /** The lesson's text above its runs in compare mode. */
    lessonOfRuns: 'The lesson of these runs',
  },
  settings: {
    legend: 'Settings',
    note:
      'The switches act on the running model. Method, dataset, output dimension, seed and the structural settings ' +
      '(BatchNorm, momentum, prototypes) restart the run from step 0.',
    colourOnly: 'Acts on colour images only: these images are grey.',
    trainedInGrey: 'Acts on colour images only: "Train in grey" is on.',
    alreadyGrey: 'These images are grey already.',
  },
  compare: {
    heading: 'Compare',
    note: (p: { max: number }) =>
      `Train up to ${p.max} runs side by side, each in its own worker: two that differ in one switch, or add runs and give each its own settings.`,
    pick: 'Switch to compare',
    open: 'Open comparison',
    comparing: (p: { runs: number; differences: string | null }) =>
      p.differences === null
        ? `Comparing ${p.runs} runs with the same settings.`
        : `Comparing ${p.runs} runs that differ in ${p.differences}; every other setting is the same.`,
    addRun: 'Add run',
    addRunTitle: (p: { max: number }) => `Another run beside these, with the last run's settings (at most ${p.max})`,
    removeRun: (p: { tag: string }) => `Remove run ${p.tag}`,
    runSettings: (p: { tag: string }) => `Settings of run ${p.tag}`,
    sameSettings: 'same settings',
    settingValue: (p: { label: string; value: string }) => `${p.label} ${p.value}`,
    singleRun: 'Single run',
    singleRunTitle: "Back to one run, with run A's settings",
    switchState: (p: { label: string; on: boolean }) => `${p.label} ${p.on ? 'on' : 'off'}`,
    runRegion: (p: { tag: string; label: string }) => `Run ${p.tag}: ${p.label}`,
    runExportName: (p: { tag: string; label: string }) => `run ${p.tag} (${p.label})`,
  },
  share: {
    heading: 'Share',
    note: 'The address bar always holds these settings: the link opens this same experiment, seed included.',
    copyLink: 'Copy link',
    copied: 'Copied',
    copiedAnnounced: 'Link copied to the clipboard.',
    linkField: 'Link to this experiment',
    clipboardMissing: 'The clipboard is not available here: press Ctrl+C (⌘C on a Mac) to copy the selected link.',
    exportSettings: 'Export settings',
    importSettings: 'Import settings',
    imported: 'Settings imported; the run restarted from step 0.',
    notImported: 'Nothing was imported (see the notice above).',
  },
  exports: {
    title: (p: { runName: string | null }) => `Export${p.runName ? ` ${p.runName}` : ''}`,
    spherePng: 'Sphere PNG',
    metricsCsv: 'Metrics CSV',
    metricsJson: 'Metrics JSON',
    projectorVectors: 'Projector vectors TSV',
    projectorVectorsTitle: 'vectors.tsv for projector.tensorflow.org',
    projectorLabels: 'Projector labels TSV',
    projectorLabelsTitle: 'metadata.tsv (label, class) for projector.tensorflow.org',
    runReport: 'Run report JSON',
    runReportTitle: 'The whole run, to open again here with Open run report',
    pytorch: 'Open in PyTorch',
    pytorchTitle: 'run.py: PyTorch trains this experiment (python3 run.py --steps 200 from the project folder)',
    note:
      'The sphere and the Projector files hold the snapshot on show; load both TSV files at projector.tensorflow.org. ' +
      'Open in PyTorch saves run.py, a PyTorch script of these settings with the same metrics and verdict; run it ' +
      'from the project folder, or on a GPU with a ResNet and CIFAR-10 (see the README).',
    noWebgl: 'The sphere is not drawn in this browser (no WebGL), so there is no picture to save.',
    pngFailed: 'The browser could not turn the sphere into a PNG.',
    openReport: 'Open run report',
    reportRejected: 'Nothing was opened (see the notice above).',
    reportOpened: 'Report opened: scrub the timeline to move between its snapshots.',
    replayHeadline: 'Replaying a saved report — press Reset to train anew.',
    replayBackend: (p: { backend: string }) => `It was trained on ${p.backend}. `,
    replayRest: 'The timeline moves between its first and latest snapshots; the charts show every recorded figure.',
  },
  notices: {
    region: 'Notices',
    dismiss: 'Dismiss notices',
  },
  errors: {
    dataset: 'Could not load the dataset.',
    backend: 'The compute backend failed.',
    nan: 'Training diverged: the loss became NaN.',
    internal: 'Training stopped on an internal error.',
    restartFresh: 'Restart starts a new training worker, from step 0 (no checkpoint was taken yet).',
    restartResume: (p: { step: number }) =>
      `Restart starts a new training worker and resumes the run from step ${p.step}, its last checkpoint; the timeline is kept.`,
    restart: 'Restart',
    pressReset: 'Press Reset to start again.',
    dismiss: 'Dismiss error',
    crashed: (p: { detail: string }) => `The training worker crashed: ${p.detail}`,
    crashNotStarted: (p: { detail: string }) => `it could not be started (${p.detail}).`,
    crashSilent: 'it stopped without a message (see the browser console).',
    crashEnded: 'it ended (the browser may have closed it to save memory, or it crashed: see the browser console).',
    crashUnreadable: 'one of its messages could not be read.',
    unresponsive: (p: { seconds: number }) =>
      `The training worker has not answered for ${p.seconds} s: it stopped or hangs (the browser may have closed it to save memory).`,
  },
  runNotes: {
    replayEnded: (p: { keys: string }) => `Replay ended (${p.keys} changed); press Start to train.`,
    restarted: (p: { keys: string }) => `Run restarted from step 0 (${p.keys} changed); press Start to train.`,
    finished: (p: { steps: number }) => `Finished: reached the configured ${p.steps} steps.`,
  },
  worker: {
    resumeFailed: (p: { detail: string }) => `The run could not be resumed (${p.detail}); it starts again from step 0.`,
    memoryShort: (p: { megabytes: number }) =>
      `Memory is running short (the training worker holds ${formatCount(p.megabytes)} MB), so kNN accuracy is no longer measured. Reload the page to measure it again.`,
    backendFailed: (p: { failed: string; now: string; detail: string }) =>
      `The ${p.failed} backend failed (${p.detail}). Switched to ${p.now}; the run restarted from step 0.`,
    /** With the likely cause for the method: VICReg's term weights scale SGD's steps (it diverges from lr 0.03 at weights 25). */
    diverged: (p: { step: number; loss: number | null; method: MethodName }) =>
      `${p.loss === null ? `The model's weights became non-finite by step ${p.step}` : `The loss became ${p.loss} at step ${p.step}`}: training diverged. ` +
      `Training is paused; lower the learning rate${p.method === 'vicreg' ? ' (or, with SGD, the term weights: each step grows with them)' : ''} or press Reset.`,
    needsLabels: (p: { method: string }) =>
      `${p.method} needs labelled images, and these are in no class folders: put them in one folder per class, or choose another method.`,
    backendForced: 'forced by ?backend=',
    backendFellBack: (p: { forced: string }) => `${p.forced} was asked for but failed to start; fell back`,
    backendMeasured: (p: { figures: string; best: string }) => `${p.figures} — using ${p.best}`,
    backendRate: (p: { name: string; stepsPerSec: number }) => `${p.name} ${p.stepsPerSec.toFixed(0)} steps/s`,
    backendFailedToStart: (p: { names: string }) => `${p.names} failed to start`,
    backendGpu: (p: { gpu: string }) => `WebGPU on a real GPU (${p.gpu})`,
    backendSoftware: (p: { gpu: string }) => `the WebGPU adapter is software (${p.gpu}), ~70× slower than wasm here`,
    backendNoWebgpu: 'no WebGPU adapter in this browser',
    unknownGpu: 'unknown GPU',
  },
  collapse: {
    std: (p: { value: number }) => `collapse std × √d ${p.value.toFixed(2)}`,
    rank: (p: { value: number; dim: number }) => `effective rank ${p.value.toFixed(1)} of ${p.dim}`,
    uniformity: (p: { value: number; best: number }) => `uniformity ${p.value.toFixed(2)} (best ${p.best.toFixed(2)})`,
    topShare: (p: { share: number; flat: number }) => `, top direction ${percent(p.share)} of the spectrum (flat: ${percent(p.flat)})`,
    evidence: (p: { std: string; uniformity: string; rank: string; topShare: string }) =>
      `Now: ${p.std} (healthy ≈ 1), ${p.uniformity}, ${p.rank}${p.topShare}.`,
    collapsed: (p: { step: number }) => `Collapsed at step ${p.step}: every image maps to nearly the same point.`,
    partial: (p: { step: number }) => `Partial collapse from step ${p.step}: the points crowd into a small part of the sphere.`,
    dimensional: (p: { step: number }) =>
      `Dimensional collapse from step ${p.step}: the points line up along fewer directions than the sphere offers, though the collapse std still looks healthy.`,
    /** The short names drawn on the charts at the step a run collapsed. */
    marks: { collapsed: 'collapsed', partial: 'partial', dimensional: 'dimensional' },
  },
  sphere: {
    noWebgl: (p: { failure: string }) =>
      `The sphere needs WebGL, which this browser could not provide (${p.failure}). Training and the figures below still work.`,
    region: 'Embedding sphere',
    hint: 'Drag or arrow keys to turn; scroll, pinch or +/− to zoom; 0 resets. Point at or tap a dot for its image.',
    contextLost:
      'The graphics context was lost (a GPU reset or too many WebGL pages). The sphere comes back when the browser ' +
      'restores it; training and the figures go on meanwhile.',
    toolbar: 'Sphere view',
    pairLines: 'Pair lines',
    pairLinesTitle: "Join each sampled image's two augmented views: short arcs mean good alignment.",
    density: 'Density',
    densityTitle: 'Shade the sphere by how densely the points cover it.',
    autoRotate: 'Auto-rotate',
    autoRotateTitle: 'Turn the sphere slowly.',
    pointSize: 'Point size',
    colourBy: 'Colour points by',
    colourByTitle: "A point's class, or its image's own colour (does the embedding group images by colour?).",
    colourings: { class: 'Class', image: 'Image colour' },
    resetView: 'Reset view',
    densityKey: (p: { low: number; high: number }) => `Density colour scale, from ${p.low}× to ${p.high}× a uniform spread`,
    uniform: 'uniform',
  },
  legend: {
    classes: 'Classes',
    show: (p: { name: string }) => `Show ${p.name}`,
    hide: (p: { name: string }) => `Hide ${p.name}`,
    all: 'All',
  },
  pointCard: {
    unknownClass: 'Unknown class',
    imageLabel: (p: { className: string; index: number }) => `${p.className}, evaluation image ${p.index}`,
    image: (p: { index: number }) => `Evaluation image ${p.index}`,
    nearest: 'Nearest on the sphere',
  },
  angleRing: {
    heading: 'Angle density',
    circle: 'd = 2: the angle of each embedding on its circle.',
    before: 'The angle of each embedding in ',
    between: ' and ',
    after: '.',
    first: 'First dimension',
    second: 'Second dimension',
    canvas: (p: { first: number; second: number }) =>
      `The angle of coordinates x${p.first} and x${p.second}: each point on a circle with the density of all points around it, then one strip per class with the density of its angles`,
    note: (p: { kappa: number }) =>
      `Ring: each point at its angle, and the density of all points around it (von Mises kernel, κ = ${p.kappa}; radius ∝ √density; dashed: a uniform spread). ` +
      'Strips: the density of each class over the angle, −180° to 180°. Even = uniform; a spike = collapse.',
  },
  timeline: {
    group: 'Snapshot timeline',
    play: 'Play',
    stop: 'Stop',
    slider: 'Timeline',
    live: 'Live',
    atLive: (p: { step: number }) => `Live · step ${p.step}`,
    at: (p: { step: number; latest: number }) => `Step ${p.step} of ${p.latest}`,
  },
  projection: {
    circle: 'd = 2: the embeddings lie on a circle, drawn on the equator.',
    sphere: 'd = 3: the embeddings lie on this sphere, drawn as they are.',
    projected: (p: { dim: number }) => `Random 3-D projection of the ${p.dim}-dimensional embedding (not PCA), each point put back on the sphere.`,
  },
  status: {
    backend: 'Backend',
    starting: 'starting…',
    threads: (p: { threads: number }) => ` · ${p.threads} threads`,
    step: 'Step',
    stepsPerSec: 'Steps/s',
    snapshotMs: 'Snapshot ms',
    snapshotMsTitle: 'Time to embed the 2,000 evaluation images and read them back from the backend (on wasm in the evaluation worker, beside training)',
    memory: 'Memory',
    memoryTitle: 'What the training worker holds: tensors and their size, and the wasm heap (which only grows); on wasm also the heap of the evaluation worker, which measures the snapshots',
    tensors: (p: { tensors: number }) => ` MB in ${formatCount(p.tensors)} tensors`,
    heap: (p: { megabytes: string }) => `, heap ${p.megabytes} MB`,
    evaluationHeap: (p: { megabytes: string }) => `, evaluation heap ${p.megabytes} MB`,
    loss: 'Loss',
    collapseStd: 'Collapse std',
    loading: 'Starting… ',
    /**
     * What the worker is doing, said while it does it (start-up, and the rebuild after a Reset): one line per phase of
     * train/startupPhases.ts (the status line looks each phase up here, so a phase missing is a type error there).
     */
    phase: {
      engine: 'Loading the training engine… ',
      backend: 'Starting the compute backend… ',
      wasm: 'Compiling the WebAssembly backend… ',
      fetch: 'Downloading the images… ',
      decode: 'Unpacking the images… ',
      model: 'Building the model… ',
      calibration: 'Calibrating BatchNorm on a few batches… ',
      evaluation: 'Embedding the held-out images… ',
    },
    startupTimes: (p: { times: string }) => `Start-up: ${p.times}`,
    /** Each start-up phase's name in the start-up times. */
    phaseName: {
      engine: 'engine',
      backend: 'backend',
      wasm: 'WebAssembly',
      fetch: 'download',
      decode: 'unpacking',
      model: 'model',
      calibration: 'calibration',
      evaluation: 'first evaluation',
    },
    collapseNote:
      'Collapse std is the spread of the embeddings per dimension: about 1/√d (×√d ≈ 1) when they cover the sphere, 0 when they ' +
      'have collapsed to a point.',
  },
  metrics: {
    heading: 'Metrics',
    atStep: (p: { step: number; timeline: boolean }) => `at step ${p.step}${p.timeline ? ' (timeline)' : ''}`,
    appear: 'appear with the first snapshot',
    alignment: 'Alignment',
    alignmentNote: '0 = both views land on the same point',
    alignmentHelp: 'How far apart two augmented views of one image land (mean squared distance). Lower is better.',
    uniformity: 'Uniformity',
    uniformityNote: (p: { best: number; dim: number }) => `best ${p.best.toFixed(2)} for d = ${p.dim}`,
    uniformityHelp: 'How evenly all points cover the sphere. Lower is better; 0 means one point.',
    collapseStd: 'Collapse std',
    collapseStdNote: (p: { healthy: number; scaled: string }) => `healthy ≈ ${p.healthy.toFixed(3)} (1/√d); × √d = ${p.scaled}`,
    collapseStdHelp: 'Spread of the points along each axis: 1/√d when they cover the sphere, 0 when they sit on one spot.',
    effectiveRank: 'Effective rank',
    effectiveRankNote: (p: { dim: number }) => `of d = ${p.dim}`,
    effectiveRankHelp: 'How many directions the points really use: up to d when spread every way, 1 on a line or a spot.',
    topShare: 'Top direction',
    topShareNote: (p: { flat: number }) => `flat = 1/d = ${p.flat.toFixed(2)}`,
    topShareHelp:
      "The largest direction's share of the spectrum: 1/d when the points spread every way, near 1 when they line up (dimensional collapse).",
    knn: 'kNN accuracy',
    knnMeasuredAt: (p: { step: number }) => `measured at step ${p.step} (every 50 steps)`,
    knnEvery: 'measured every 50 steps',
    knnUnavailable: 'not available: no labels',
    knnHelp: 'How often the 20 nearest training images share an image’s class, on the output z and the encoder features h.',
    linear: 'Linear probe',
    linearHelp:
      'Class accuracy of a linear classifier trained on the same training images’ frozen z and h (the same recipe every time), tested on held-out images.',
    linearCost: (p: { ms: string }) => `took ${p.ms} ms`,
    loss: 'Loss',
    lossHelp: 'Training loss, averaged over the steps since the previous snapshot.',
    stepsPerSec: 'Steps/s',
    stepsPerSecHelp: 'Training speed right now.',
  },
  charts: {
    heading: (p: { runs: number }) => `Over the ${plural(p.runs, { one: 'run', other: 'runs' })}`,
    runsKey: 'Runs on the charts',
  },
  spectrum: {
    title: 'Spectrum',
    help: 'Share of each direction (log scale); dashed: flat, 1/d each. One tall bar: the points line up.',
    axis: 'direction 1 → d',
    atStep: (p: { step: number }) => `step ${p.step}. `,
    notYet: 'Not measured yet.',
    notFinite: 'Not measured: the embeddings are not finite.',
    coincide: 'All points coincide: no direction carries any spread.',
    summary: (p: { shares: number[]; dim: number }) =>
      `Largest directions ${p.shares.map(percent).join(', ')} of the spectrum; flat would be ${percent(1 / p.dim)} each of ${p.dim}.`,
  },
  pairDistances: {
    title: 'Positive-pair distances',
    help: 'How far apart the two views of each held-out image land: ‖f(x) − f(y)‖², 0 together, 2 orthogonal, 4 opposite. Line: the mean, the alignment.',
    axis: 'squared distance ‖f(x) − f(y)‖², 0 → 4',
    notYet: 'Not measured yet.',
    notFinite: 'Not measured: the embeddings are not finite.',
    summary: (p: { mean: number; from: number; to: number; share: number }) =>
      `Mean ${p.mean.toFixed(3)} (the alignment; 0 when both views coincide, 4 when opposite); most pairs at ${p.from.toFixed(1)}–${p.to.toFixed(1)} (${percent(p.share)} of them).`,
  },
  redundancy: {
    heading: 'Redundancy',
    atStep: (p: { step: number }) => ` at step ${p.step}`,
    appears: 'Appears with the first snapshot.',
    block: (p: { size: number; dim: number }) => ` (the first ${p.size} of ${p.dim} dimensions)`,
    crossTitle: 'Cross-correlation of the two views',
    crossHelp: (p: { block: string }) =>
      'Barlow Twins drives it to the identity: red diagonal (the views agree on each dimension), white elsewhere (the ' +
      `dimensions carry different information)${p.block}.`,
    crossLabel: 'Cross-correlation matrix',
    crossFigures: (p: { diagonal: number; off: number }) =>
      `diagonal mean ${p.diagonal.toFixed(2)} (target 1) · off-diagonal ${percent(p.off)} of the matrix (target 0)`,
    stdTitle: 'Std of each dimension',
    stdHelp: (p: { hinge: number }) => `VICReg’s variance term pushes every bar up to the dashed hinge at ${p.hinge}; bars under it are penalised.`,
    stdAllAbove: 'every dimension at or above the hinge',
    stdUnder: (p: { under: number; dims: number }) => `${p.under} of ${p.dims} dimensions under the hinge`,
    covTitle: 'Covariance',
    covHelp: (p: { block: string }) =>
      `VICReg’s covariance term drives the off-diagonal to white: dimensions that vary together are redundant${p.block}.`,
    covLabel: 'Covariance matrix',
    covFigures: (p: { off: number }) => `off-diagonal ${percent(p.off)} of the matrix (target 0)`,
  },
  augmentation: {
    heading: 'What the model sees',
    note: 'Each training image and two random augmentations of it: the positive pair the model learns to embed alike.',
    newExamples: 'New examples',
    rows: ['Image', 'View 1', 'View 2'] as [string, string, string],
    examples: 'Examples',
    exampleStrip: 'Example strip',
    exampleLabel: (p: { example: number; row: string }) => `Example ${p.example}: ${p.row.toLowerCase()}`,
    drawing: 'Drawing examples…',
    waiting: 'Examples appear once the data has loaded.',
    settings: 'Augmentations',
  },
  /** Why the browser could not download a dataset (the training worker's words). */
  datasets: {
    /** The generated colour dataset's name in the dataset choice (public/data/shapes-colours). */
    shapesColours: 'Shapes & colours',
    offline: (p: { url: string; detail: string }) => `Could not download dataset "${p.url}" (${p.detail}). Check your connection and reload.`,
    http: (p: { url: string; status: string; missing: boolean }) =>
      `Could not download dataset "${p.url}": HTTP ${p.status}.${p.missing ? ' The file is missing; build it with `npm run data`.' : ''}`,
    webPage: (p: { url: string }) =>
      `Dataset file "${p.url}" was not found: the server answered with a web page instead. Build the datasets with \`npm run data\`.`,
    cutShort: (p: { url: string; announced: number | null }) =>
      `The download of dataset "${p.url}" stopped before the end${p.announced ? ` (${formatCount(p.announced)} bytes were announced)` : ''}. ` +
      'Reload to retry; if it keeps stopping, the file on the server is damaged.',
  },
  /** "Your images": the panel, its summary, and why an import did not work (also the import worker's words). */
  ownImages: {
    heading: 'Your images',
    intro:
      'Train on your own pictures: a folder with one sub-folder per class (cats/…, dogs/…), a flat folder, or a .zip of one. They are decoded in ' +
      'this browser and never uploaded.',
    drop: 'Drop a folder or a .zip here, or',
    chooseFolder: 'Choose a folder',
    chooseZip: 'Choose a zip',
    reading: 'Reading the files…',
    decoding: (p: { done: number; total: number }) => `Decoding images: ${formatCount(p.done)} of ${formatCount(p.total)}…`,
    training: 'The run trains on these images: press Start.',
    chooseThem: 'Choose “Your images” under Dataset to train on them.',
    forget: 'Forget my images',
    skipped: (p: { count: number }) => `${formatCount(p.count)} ${plural(p.count, { one: 'file', other: 'files' })} skipped:`,
    skippedCount: (p: { count: number; reason: string }) => `${formatCount(p.count)} ${p.reason}`,
    whichFiles: 'Which files',
    skippedFile: (p: { reason: string }) => `: ${p.reason}`,
    moreFiles: (p: { count: number }) => `…and ${formatCount(p.count)} ${plural(p.count, { one: 'more file', other: 'more files' })}.`,
    perClass: 'Images per class',
    classCount: (p: { name: string; count: number }) => `${p.name}: ${formatCount(p.count)}`,
    thumbnail: (p: { name: string }) => `${p.name} image`,
    summary: (p: { total: number; classes: number | null; train: number; held: number }) =>
      `: ${formatCount(p.total)} ${plural(p.total, { one: 'image', other: 'images' })}` +
      `${p.classes === null ? ', no class folders' : ` in ${formatCount(p.classes)} ${plural(p.classes, { one: 'class', other: 'classes' })}`}; ` +
      `${formatCount(p.train)} train, ${formatCount(p.held)} held out to measure the embedding.`,
    kept: ' Kept in this browser from an earlier visit.',
    /** The images' colour: all grey, or colour (some of them perhaps grey, kept grey). */
    colour: (p: { channels: 1 | 3; grey: number; total: number }) =>
      p.channels === 1
        ? 'All the images are grey: they train as grey images.'
        : `The images train in colour${p.grey > 0 ? ` (${formatCount(p.grey)} of ${formatCount(p.total)} are grey, and stay grey)` : ''}; “Train in grey” turns them grey.`,
    unlabelled: 'The images are in no class folders, so the points share one colour and kNN accuracy is not available (it needs labels).',
    grouped: (p: { own: number; names: string }) =>
      `More classes than the sphere has colours: the ${p.own} largest have their own, and ${p.names} share the last one as “other” (kNN accuracy counts them as one class).`,
    dataset: 'Your images',
    export: 'Your images (.hsd)',
    exportTitle: 'own/train.hsd and own/eval.hsd, for run.py --data-dir (the decoded 28×28 images, grey or colour, not your files)',
    chosenFiles: 'the chosen files',
    missing:
      'This experiment used local images, which are not part of the link: drop them again under "Your images", or go on with Fashion-MNIST, loaded instead.',
    needsLabels: 'needs labelled images',
    methodNeedsLabels: (p: { method: string; fallback: string }) =>
      `${p.method} needs labelled images, and yours are in no class folders: switched to ${p.fallback}. Put the images in one folder per class to train it.`,
    notLoaded: 'No images of your own are loaded: drop a folder of images under "Your images", or choose Fashion-MNIST.',
    decoderNotStarted: (p: { detail: string }) => `The image decoder could not be started (${p.detail}).`,
    decoderStopped: (p: { detail: string | null }) => `The image decoder stopped (${p.detail ?? 'no reason given'}).`,
    notKept: (p: { reason: string }) => `Your images work on this page but could not be kept for your next visit (${p.reason}).`,
    notDeleted: (p: { reason: string }) =>
      `Your images are gone from this page, but the browser's copy could not be deleted (${p.reason}); clear this site's data to remove it.`,
    storageRefused: 'the browser refused to open its storage',
    storageBusy: 'the storage is in use by another tab',
    storageFailed: 'the storage failed',
    storageFull: 'the storage was full or refused the images',
    noOffscreenCanvas: 'This browser cannot decode images in the background (no OffscreenCanvas); try a current Chrome, Edge, Firefox or Safari.',
    noCanvas: 'this browser gives workers no 2D canvas to read pixels from',
    importFailed: (p: { detail: string }) => `The images could not be imported (${p.detail}).`,
    zipTooLarge: (p: { size: string; max: string }) => `it is ${p.size}, and the lab reads at most ${p.max}`,
    notZip: (p: { name: string; detail: string }) =>
      `"${p.name}" could not be opened as a zip file (${p.detail}). Unzip it yourself and drop the folder instead.`,
    noImages: (p: { name: string; empty: boolean }) =>
      `No images to train on in "${p.name}". ${p.empty ? 'The drop holds no files.' : 'None of its files is a PNG, JPEG, WebP or GIF image the lab could read.'}`,
    tooFew: (p: { count: number; min: number }) =>
      `Only ${formatCount(p.count)} usable ${plural(p.count, { one: 'image', other: 'images' })} found; the lab needs at least ${p.min}. ` +
      'A fifth of them is held out to measure the embedding, and with fewer images that held-out set is too small to say ' +
      'anything (and the model would only memorise the rest). Add more images, or train on Fashion-MNIST.',
  },
  /** Keyboard shortcuts, what screen readers hear, and the sphere in words. */
  a11y: {
    shortcutsButton: 'Keyboard shortcuts',
    shortcutsTitle: 'Keyboard shortcuts',
    pageCaption: 'Anywhere on the page, except while typing in a field',
    sphereCaption: 'On the sphere, once it has focus (Tab to it)',
    tabNote: 'Tab and Shift+Tab move between the controls; Space or Enter presses a button.',
    close: 'Close',
    runName: (p: { tag: string }) => `Run ${p.tag}`,
    stepOnly: (p: { step: number }) => `Step ${p.step}.`,
    figures: (p: { step: number; loss: string; stdScaled: number; uniformity: string; best: string }) =>
      `Step ${p.step}: loss ${p.loss}, collapse std × √d ${p.stdScaled.toFixed(2)}, uniformity ${p.uniformity} of ${p.best} best.`,
    training: (p: { step: number }) => `Training from step ${p.step}.`,
    paused: (p: { figures: string }) => `Paused. ${p.figures}`,
    lighter: (p: { light: number; usual: number }) =>
      `Lighter for this device: the sphere and the figures update every ${p.light} steps instead of ${p.usual}, ` +
      'leaving more of a slower processor to training. "Evaluate every" in the settings changes it.',
  },
  /** The sphere's text alternative (sphereDescription.ts): how the points lie, and the figures that say so. */
  sphereWords: {
    none: 'No points yet: they appear with the first snapshot.',
    circle: 'circle',
    sphere: 'sphere',
    gathered: 'gathered in one spot',
    crowded: (p: { surface: string }) => `crowded into a small part of the ${p.surface}`,
    lined: (p: { percent: number }) => `lined up along one direction, which holds ${p.percent}% of the spread`,
    fewer: (p: { surface: string }) => `spread along fewer directions than the ${p.surface} offers`,
    spread: (p: { surface: string }) => `spread over the ${p.surface}`,
    describe: (p: { step: number; points: number; arrangement: string; uniformity: string; best: string; stdScaled: number; rank: number; dim: number }) =>
      `Step ${p.step}: ${formatCount(p.points)} points ${p.arrangement}; uniformity ${p.uniformity} of ${p.best} best, ` +
      `collapse std × √d ${p.stdScaled.toFixed(2)} (1 when spread), effective rank ${p.rank.toFixed(1)} of ${p.dim}.`,
    projected: (p: { dim: number }) => ` Projected from ${p.dim} dimensions to three.`,
  },
  /** Notices about settings read from links, files and the controls. */
  validation: {
    notBoolean: (p: { key: string; raw: string; kept: string }) => `${p.key}: "${p.raw}" is not true or false; kept ${p.kept}.`,
    notOneOf: (p: { key: string; raw: string; values: string; kept: string }) => `${p.key}: "${p.raw}" is not one of ${p.values}; kept ${p.kept}.`,
    notNumber: (p: { key: string; raw: string; kept: string }) => `${p.key}: "${p.raw}" is not a number; kept ${p.kept}.`,
    outside: (p: { key: string; raw: string; min: number; max: number; used: number }) =>
      `${p.key}: ${p.raw} is outside ${p.min}–${p.max}; using ${p.used}.`,
    notWhole: (p: { key: string; raw: string; used: number }) => `${p.key}: ${p.raw} is not a whole number; using ${p.used}.`,
    unknownSetting: (p: { key: string }) => `Unknown setting "${p.key}" ignored.`,
    moreProblems: (p: { count: number }) => `…and ${p.count} more problems with these settings.`,
    linkTooLong: (p: { length: number; max: number }) =>
      `The link's settings are ${formatCount(p.length)} characters long; only the first ${formatCount(p.max)} were read.`,
    noName: (p: { value: string }) => `A value without a setting name (${p.value}) was ignored.`,
    repeated: (p: { key: string; count: number; value: string }) => `${p.key} is given ${p.count} times; the last value, ${p.value}, is used.`,
    unknownVersion: (p: { raw: string; version: number }) => `Format version ${p.raw} is not known; reading the settings as version ${p.version}.`,
    notPlainValue: (p: { key: string; kind: 'null' | 'list' | 'nested object' }) => `${p.key}: a ${p.kind} is not a setting value; ignored.`,
    badBackend: (p: { raw: string; names: string }) => `backend: ${p.raw} is not one of ${p.names}; choosing a backend automatically.`,
    badThreads: (p: { raw: string; max: number }) => `threads: ${p.raw} is not a whole number from 1 to ${p.max}; using one fewer than the cores.`,
    badFlag: (p: { key: string; raw: string }) => `${p.key}: ${p.raw} is not 1 or 0; left off.`,
    embedCompare: 'compare: an embedded page shows a single run.',
    badLang: (p: { raw: string; names: string }) => `lang: ${p.raw} is not one of ${p.names}; using the browser’s language.`,
    badHide: (p: { listed: string; more: number; panels: string }) =>
      `hide: ${p.listed}${p.more > 0 ? ` and ${p.more} more` : ''} ignored; the names that can be hidden are the settings' keys and ${p.panels}.`,
    compareInactive: (p: { label: string; reason: string }) => `compare: ${p.label} does nothing in these settings. ${p.reason} Showing a single run.`,
    compareNotSwitch: (p: { raw: string; method: string; switches: string }) =>
      `compare: ${p.raw} is not an on/off switch of ${p.method} (${p.switches}); showing a single run.`,
    compareCount: (p: { raw: string; max: number; used: number }) =>
      `compare: ${p.raw} is not a number of runs from 2 to ${p.max}; showing ${p.used === 1 ? 'a single run' : `${p.used} runs`}.`,
    runNotCompared: (p: { tag: string; runs: number }) =>
      `${p.tag}.…: this link shows ${p.runs === 1 ? 'a single run' : `${p.runs} runs`}, so the settings of run ${p.tag} were ignored.`,
  },
  /** Why a settings file or a run report was not applied. */
  files: {
    nothingImported: (p: { reason: string }) => `${p.reason} Nothing was imported.`,
    nothingOpened: (p: { reason: string }) => `${p.reason} Nothing was opened.`,
    settingsTooLarge: (p: { kilobytes: number; max: number }) =>
      `The file is ${formatCount(p.kilobytes)} KB; a settings file is at most ${p.max} KB.`,
    notJson: 'The file is not valid JSON.',
    noConfig: 'The file has no "config" object, so it is not a settings file.',
    notReport: (p: { format: string | null }) => `The file is not a run report${p.format === null ? '' : ` (its format is ${p.format})`}.`,
    reportVersion: (p: { raw: string; version: number }) => `Run report version ${p.raw} is not known; this lab reads version ${p.version}.`,
    reportTooLarge: (p: { size: string; max: string }) => `The file is ${p.size}; a run report is at most ${p.max}.`,
    megabytes: (p: { megabytes: number }) => `${formatCount(p.megabytes)} MB`,
    malformed: (p: { problem: string }) => `The run report is malformed: ${p.problem}`,
    /** The shape problems of a run report, each after the path of the value (`metrics[3].step is not …`). */
    shape: {
      at: (p: { path: string; problem: string }) => `${p.path} ${p.problem}.`,
      notList: 'is not a list',
      entries: (p: { count: number; expected: string }) =>
        `has ${formatCount(p.count)} ${plural(p.count, { one: 'entry', other: 'entries' })}, not ${p.expected}`,
      range: (p: { min: number; max: number }) => (p.min === p.max ? formatCount(p.min) : `${formatCount(p.min)}–${formatCount(p.max)}`),
      notObject: 'is not an object',
      notWhole: (p: { min: number; max: number }) => `is not a whole number from ${p.min} to ${p.max}`,
      notFiniteOrNull: 'is neither a finite number nor null',
      notFinite: 'is not a finite number',
      notText: (p: { max: number }) => `is not a text of at most ${p.max} characters`,
      notOneOf: (p: { names: string }) => `is not one of ${p.names}`,
      notDim: (p: { dim: number }) => `is not the settings' output dimension ${p.dim}`,
      notShare: 'is not a share from 0 to 1',
      noMetricsStep: (p: { step: number }) => `(${p.step}) is not the step of any metrics entry`,
      notRow: (p: { dim: number }) => `is not a list of ${p.dim} numbers`,
      notUnit: 'is not a coordinate of a unit vector (a number from −1 to 1)',
      notLater: 'is not later than the step before it',
      pointCounts: 'does not hold as many points as snapshots[0]',
    },
  },
};

/** The shape every language's messages must have. */
export type Messages = typeof en;
