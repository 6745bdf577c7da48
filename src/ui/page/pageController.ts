/**
 * What the page shows: one run, or a comparison of two runs that differ in one switch
 * (`#v=1&compare=stopGrad&…`). Each run is a lab with its own worker. The controller lives outside React
 * (so StrictMode's double effects never start extra workers): it builds the labs of a page, and terminates
 * their workers before it shows another.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { BooleanKey, ExperimentConfig } from '../../core/config';
import { comparedConfigs } from '../compare/compareSwitch';
import { createLab, type WorkerOptions } from '../lab';
import type { Lab } from '../labContext';
import { createOwnImagesStore, type OwnImagesStore } from '../ownImages/ownImagesStore';
import { addNotices } from '../store';

/** `labs` lists the page's runs (the one lab, or A and B), for the controls that act on all of them. */
export type LabPage = { id: number; labs: readonly Lab[] } & (
  | { kind: 'single'; lab: Lab }
  /** Run A has the page's settings, run B the same with `switchKey` flipped. */
  | { kind: 'compare'; switchKey: BooleanKey; runs: readonly [Lab, Lab] }
);

export type ComparePage = Extract<LabPage, { kind: 'compare' }>;

export interface PageRequest {
  config: ExperimentConfig;
  /** The switch to compare, or null for one run. */
  compare: BooleanKey | null;
  notices: string[];
  autoplay: boolean;
}

/** The lab whose settings the link holds: the only one, or run A. */
export function primaryLab(page: LabPage): Lab {
  return page.kind === 'single' ? page.lab : page.runs[0];
}

export function compareKeyOf(page: LabPage): BooleanKey | null {
  return page.kind === 'compare' ? page.switchKey : null;
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
    this.show({ config: primaryLab(this.page).store.getState().config, compare: key, notices: [], autoplay: false });
  }

  /** One run of the current settings (run A's, when leaving a comparison). */
  openSingleRun(): void {
    this.show({ config: primaryLab(this.page).store.getState().config, compare: null, notices: [], autoplay: false });
  }

  /** An edited link: its settings go to the runs on show when it asks for the same page, else to a new page. */
  openLink(request: PageRequest): void {
    const { page } = this;
    if (compareKeyOf(page) !== request.compare) {
      this.show(request);
      return;
    }
    addNotices(primaryLab(page).store, request.notices);
    if (page.kind === 'single') {
      page.lab.client.load(request.config, { start: false });
      return;
    }
    const configs = comparedConfigs(request.config, page.switchKey);
    page.runs.forEach((lab, index) => lab.client.load(configs[index]!, { start: false }));
  }

  private show(request: PageRequest): void {
    // The old page's workers go first: two cores are busy enough with the new page's.
    for (const lab of this.page.labs) lab.client.dispose();
    this.state.setState({ page: this.build(request) });
  }

  private build({ config, compare, notices, autoplay }: PageRequest): LabPage {
    const { workers } = this;
    const id = ++this.pagesBuilt;
    if (compare === null) {
      const lab = createLab(config, { ...workers, autoplay, notices });
      return { id, labs: [lab], kind: 'single', lab };
    }
    const [configA, configB] = comparedConfigs(config, compare);
    const runs = [
      createLab(configA, { ...workers, autoplay, notices }),
      createLab(configB, { ...workers, autoplay, notices: [] }),
    ] as const;
    return { id, labs: runs, kind: 'compare', switchKey: compare, runs };
  }
}
