/**
 * What the page shows: one run, or a comparison of 2 to MAX_RUNS runs side by side (`#v=1&compare=stopGrad&…`,
 * `#v=1&compare=3&…&B.method=byol`). Each run is a lab with its own worker (and its own sphere, drawn in a worker
 * and a WebGL context of its own). The controller lives outside React (so StrictMode's double effects never
 * start extra workers): it builds the labs of a page, adds and removes runs, and terminates the workers of every
 * run it lets go.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { BooleanKey } from '../../core/config';
import { MAX_RUNS, type RunConfigs } from '../../core/urlCodec';
import { comparedConfigs } from '../compare/compareSwitch';
import { createLab, type WorkerOptions } from '../lab';
import type { Lab } from '../labContext';
import { createOwnImagesStore, type OwnImagesStore } from '../ownImages/ownImagesStore';
import { addNotices } from '../store';

/** `labs` lists the page's runs (the one lab, or the compared ones), for the controls that act on all of them. */
export type LabPage = { id: number; labs: readonly Lab[] } & (
  | { kind: 'single'; lab: Lab }
  /** Run A has the link's settings; each run has its own. `lesson`: the id of the lesson whose runs these are. */
  | { kind: 'compare'; runs: readonly Lab[]; lesson: string | null }
);

export type ComparePage = Extract<LabPage, { kind: 'compare' }>;

export interface PageRequest {
  /** The runs' settings: one for a single run, 2 to MAX_RUNS for a comparison. */
  configs: RunConfigs;
  notices: string[];
  autoplay: boolean;
  /** The lesson whose runs these are: a comparison shows its text above them. */
  lesson?: string;
}

/** The lab whose settings the link holds: the only one, or run A. */
export function primaryLab(page: LabPage): Lab {
  return page.labs[0]!;
}

/** The settings of the page's runs, run A's first. */
export function pageConfigs(page: LabPage): RunConfigs {
  const configOf = (lab: Lab) => lab.store.getState().config;
  return [configOf(primaryLab(page)), ...page.labs.slice(1).map(configOf)];
}

export class PageController {
  private readonly state: StoreApi<{ page: LabPage }>;
  private pagesBuilt = 0;
  private readonly workers: WorkerOptions;
  /** The user's own images, shared by every run of every page. */
  readonly ownImages: OwnImagesStore;

  constructor(workers: WorkerOptions, first: PageRequest) {
    this.ownImages = workers.ownImages ?? createOwnImagesStore();
    this.workers = { ...workers, ownImages: this.ownImages };
    this.state = createStore<{ page: LabPage }>()(() => ({ page: this.build(first) }));
  }

  get page(): LabPage {
    return this.state.getState().page;
  }

  /** Arrow functions, so that React's useSyncExternalStore gets stable ones. */
  readonly subscribe = (listener: (page: LabPage) => void): (() => void) => this.state.subscribe(({ page }) => listener(page));

  readonly getPage = (): LabPage => this.page;

  /** Two runs of the current settings, one with `key` flipped. */
  openComparison(key: BooleanKey): void {
    this.show({ configs: comparedConfigs(primaryLab(this.page).store.getState().config, key), notices: [], autoplay: false });
  }

  /** One run of the current settings (run A's, when leaving a comparison). */
  openSingleRun(): void {
    this.show({ configs: [primaryLab(this.page).store.getState().config], notices: [], autoplay: false });
  }

  /**
   * One more run, with the last run's settings, none past MAX_RUNS. The runs on show keep their workers and
   * histories: a single run becomes run A of a comparison (a new page, as its components change).
   */
  addRun(): void {
    const { page } = this;
    if (page.labs.length >= MAX_RUNS) return;
    const added = createLab(page.labs.at(-1)!.store.getState().config, { ...this.workers, autoplay: false, notices: [] });
    const runs = [...page.labs, added];
    const id = page.kind === 'single' ? ++this.pagesBuilt : page.id;
    this.state.setState({ page: { id, labs: runs, kind: 'compare', runs, lesson: page.kind === 'compare' ? page.lesson : null } });
  }

  /** Ends a run's workers and takes it off the page; a comparison keeps at least two runs (Single run leaves one). */
  removeRun(lab: Lab): void {
    const { page } = this;
    if (page.kind !== 'compare' || page.runs.length <= 2 || !page.runs.includes(lab)) return;
    lab.client.dispose();
    const runs = page.runs.filter((run) => run !== lab);
    this.state.setState({ page: { ...page, labs: runs, runs } });
  }

  /** An edited link: its settings go to the runs on show when it asks for as many, else to a new page. */
  openLink(request: PageRequest): void {
    const { page } = this;
    if (page.labs.length !== request.configs.length) {
      this.show(request);
      return;
    }
    addNotices(primaryLab(page).store, request.notices);
    page.labs.forEach((lab, index) => lab.client.load(request.configs[index]!, { start: false }));
  }

  private show(request: PageRequest): void {
    // The old page's workers go first: two cores are busy enough with the new page's.
    for (const lab of this.page.labs) lab.client.dispose();
    this.state.setState({ page: this.build(request) });
  }

  /** A lesson's runs side by side, with its text above them (`configs`: 2 to MAX_RUNS of them). */
  openLesson(lesson: string, configs: RunConfigs, autoplay: boolean): void {
    this.show({ configs, notices: [], autoplay, lesson });
  }

  private build({ configs, notices, autoplay, lesson }: PageRequest): LabPage {
    const id = ++this.pagesBuilt;
    const labs = configs.map((config, index) => createLab(config, { ...this.workers, autoplay, notices: index === 0 ? notices : [] }));
    return labs.length === 1 ? { id, labs, kind: 'single', lab: labs[0]! } : { id, labs, kind: 'compare', runs: labs, lesson: lesson ?? null };
  }
}
