import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../core/config';
import { createOwnImagesStore, type OwnImagesStore } from '../ownImages/ownImagesStore';
import { FakeWorker } from '../testWorker';
import { compareKeyOf, PageController, primaryLab } from './pageController';

const config = { ...defaultConfig('simsiam'), seed: 7 };

function setup(compare: 'stopGrad' | null = null, ownImages?: OwnImagesStore) {
  const workers: FakeWorker[] = [];
  const createWorker = () => {
    const worker = new FakeWorker();
    workers.push(worker);
    return worker;
  };
  const pages = new PageController({ backend: { forced: 'wasm', threads: null }, createWorker, ownImages }, { config, compare, notices: ['from the link'], autoplay: false });
  const running = () => workers.filter((worker) => !worker.terminated);
  return { pages, workers, running };
}

const initConfig = (worker: FakeWorker) => {
  const init = worker.posted.find((message) => message.type === 'init');
  return init?.type === 'init' ? init.config : undefined;
};

describe('PageController', () => {
  it('opens a comparison of the current settings in two workers, and ends the single run’s', () => {
    const { pages, workers, running } = setup();
    expect(pages.page.kind).toBe('single');
    expect(primaryLab(pages.page).store.getState().notices).toEqual(['from the link']);
    pages.openComparison('stopGrad');
    expect(pages.page).toMatchObject({ kind: 'compare', switchKey: 'stopGrad' });
    expect(workers[0]!.terminated).toBe(true);
    expect(running()).toHaveLength(2);
    expect(running().map(initConfig)).toEqual([config, { ...config, stopGrad: false }]);
  });

  it('terminates both workers when going back to a single run with run A’s settings', () => {
    const { pages, workers, running } = setup('stopGrad');
    const seen: string[] = [];
    pages.subscribe((page) => seen.push(page.kind));
    pages.openSingleRun();
    expect(seen).toEqual(['single']);
    expect(workers.slice(0, 2).every((worker) => worker.terminated)).toBe(true);
    expect(running()).toHaveLength(1);
    expect(initConfig(running()[0]!)).toEqual(config);
    expect(compareKeyOf(pages.page)).toBeNull();
  });

  it('loads an edited link into the runs on show when it asks for the same page', () => {
    const { pages, workers } = setup('stopGrad');
    const [a, b] = workers;
    for (const worker of [a!, b!]) worker.send({ type: 'ready', backend: { name: 'wasm', reason: '' }, classNames: [], evalCount: 0, pointImages: new Uint8Array(0), imageSize: 28, imageChannels: 1, config, step: 0 });
    const page = pages.page;
    const edited = { ...config, seed: 8 };
    pages.openLink({ config: edited, compare: 'stopGrad', notices: ['edited'], autoplay: false });
    expect(pages.page).toBe(page);
    expect(workers).toHaveLength(2);
    expect(a!.commands().at(-1)).toEqual({ type: 'reset', config: edited });
    expect(b!.commands().at(-1)).toEqual({ type: 'reset', config: { ...edited, stopGrad: false } });
    expect(primaryLab(page).store.getState().notices).toContain('edited');
  });

  it('opens a new page for a link that compares another switch', () => {
    const { pages, running } = setup('stopGrad');
    pages.openLink({ config, compare: 'predictor', notices: [], autoplay: false });
    expect(compareKeyOf(pages.page)).toBe('predictor');
    expect(running().map(initConfig)).toEqual([config, { ...config, predictor: false }]);
  });

  it('gives both runs of a comparison the page’s own images', () => {
    const dataset = (split: string) => ({ name: 'own', split, count: 1, rows: 28, cols: 28, channels: 1 as const, classNames: ['a'], labels: new Uint8Array(1), pixels: new Uint8Array(784) });
    const data = { train: dataset('train'), eval: dataset('eval') };
    const summary = { source: 'a', classes: [{ name: 'a', count: 2 }], labelled: false, grouped: [], trainCount: 1, evalCount: 1, channels: 1 as const, greyCount: 2, skippedCounts: [], skipped: [] };
    const ownImages = createOwnImagesStore({ data, summary, keptFromEarlier: true });
    const { pages, running } = setup(null, ownImages);
    expect(pages.ownImages).toBe(ownImages);
    pages.openLink({ config: { ...config, dataset: 'own' }, compare: 'stopGrad', notices: [], autoplay: false });
    expect(running()).toHaveLength(2);
    for (const worker of running()) {
      expect(worker.commands().map((command) => command.type)).toEqual(['ownImages', 'init']);
      expect(initConfig(worker)?.dataset).toBe('own');
    }
  });
});
