/** The messages between the page and the image import worker (one import per worker). */
import type { Locale } from '../../i18n/locale';
import type { ImageChannels, TrainingData } from '../datasetFormat';
import type { SkippedCount, SkippedFile } from './imageFolder';

/** What the user dropped: files with their paths inside the drop, or one zip archive. */
export type ImportSource =
  | { kind: 'files'; name: string; files: { path: string; file: File }[] }
  | { kind: 'zip'; name: string; file: File };

/** What the summary shows before training. */
export interface ImportSummary {
  /** The dropped folder's or zip's name. */
  source: string;
  /** Images per class, as trained on (grouped when there were more classes than colours). */
  classes: { name: string; count: number }[];
  /** False when the images were in no class folders. */
  labelled: boolean;
  /** Class folders shown together as "other". */
  grouped: string[];
  trainCount: number;
  evalCount: number;
  /** 3 when any image has colour (then the `greyCount` grey ones are kept grey in colour), 1 when all are grey. */
  channels: ImageChannels;
  greyCount: number;
  skippedCounts: SkippedCount[];
  /** The first skipped files, for the summary's list (the counts cover them all). */
  skipped: SkippedFile[];
}

export type ImportOutcome =
  | { ok: true; data: TrainingData; summary: ImportSummary }
  /** Nothing to train on; `skippedCounts` says what was found instead, when anything was. */
  | { ok: false; message: string; skippedCounts: SkippedCount[] };

/** `locale`: the page's language, for the outcome's message; English when absent. */
export type ToImportWorker = { type: 'import'; source: ImportSource; locale?: Locale };

export type FromImportWorker =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; outcome: ImportOutcome };
