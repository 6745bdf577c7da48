import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../core/config';
import { createOwnImagesStore, type OwnImagesStore } from '../ownImages/ownImagesStore';
import { FakeWorker } from '../testWorker';
import { pageConfigs, PageController, primaryLab } from './pageController';

const config = { ...defaultConfig('simsiam'), seed: 7 };

const flipped = { ...config, stopGrad: false };

function setup(configs: readonly [typeof config, ...(typeof config)[]] = [config], ownImages?: OwnImagesStore) {
  const workers: FakeWorker[] = [];
  const createWorker = () => {
    const worker = new FakeWorker();
    workers.push(worker);
    return worker;
  };
  const pages = new PageController({ backend: { forced: 'wasm', threads: null }, createWorker, ownImages }, { configs, notices: ['from the link'], autoplay: false });
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
    expect(pages.page.kind).toBe('compare');
    expect(workers[0]!.terminated).toBe(true);
    expect(running()).toHaveLength(2);
    expect(running().map(initConfig)).toEqual([config, { ...config, stopGrad: false }]);
  });

  it('terminates both workers when going back to a single run with run A’s settings', () => {
    const { pages, workers, running } = setup([config, flipped]);
    const seen: string[] = [];
    pages.subscribe((page) => seen.push(page.kind));
    pages.openSingleRun();
    expect(seen).toEqual(['single']);
    expect(workers.slice(0, 2).every((worker) => worker.terminated)).toBe(true);
    expect(running()).toHaveLength(1);
    expect(initConfig(running()[0]!)).toEqual(config);
    expect(pages.page.labs).toHaveLength(1);
  });

  it('loads an edited link into the runs on show when it asks for the same page', () => {
    const { pages, workers } = setup([config, flipped]);
    const [a, b] = workers;
    for (const worker of [a!, b!]) worker.send({ type: 'ready', backend: { name: 'wasm', reason: '' }, classNames: [], evalCount: 0, pointImages: new Uint8Array(0), imageSize: 28, imageChannels: 1, config, step: 0 });
    const page = pages.page;
    const edited = { ...config, seed: 8 };
    pages.openLink({ configs: [edited, { ...edited, stopGrad: false }], notices: ['edited'], autoplay: false });
    expect(pages.page).toBe(page);
    expect(workers).toHaveLength(2);
    expect(a!.commands().at(-1)).toEqual({ type: 'reset', config: edited });
    expect(b!.commands().at(-1)).toEqual({ type: 'reset', config: { ...edited, stopGrad: false } });
    expect(primaryLab(page).store.getState().notices).toContain('edited');
  });

  it('opens a new page for a link with another number of runs', () => {
    const { pages, running } = setup([config, flipped]);
    const three = [config, { ...config, predictor: false }, { ...config, seed: 9 }] as const;
    pages.openLink({ configs: three, notices: [], autoplay: false });
    expect(pages.page.labs).toHaveLength(3);
    expect(running().map(initConfig)).toEqual(three);
  });

  it('adds runs up to four with the last run’s settings, and removing one ends its worker alone', () => {
    const { pages, workers, running } = setup();
    const single = primaryLab(pages.page);
    pages.addRun();
    // The single run goes on as run A, in its own worker.
    expect(pages.page.kind).toBe('compare');
    expect(primaryLab(pages.page)).toBe(single);
    expect(running().map(initConfig)).toEqual([config, config]);
    const compared = pages.page;
    pages.addRun();
    pages.addRun();
    pages.addRun();
    // The same page, one more lab each time; a fifth run is not added.
    expect(pages.page.id).toBe(compared.id);
    expect(running()).toHaveLength(4);
    expect(workers).toHaveLength(4);
    const [a, b, c, d] = pages.page.labs;
    pages.removeRun(b!);
    expect(pages.page.labs).toEqual([a, c, d]);
    expect(workers.filter((worker) => worker.terminated)).toEqual([workers[1]]);
    pages.removeRun(a!);
    // A comparison keeps two runs (Single run leaves one): removing a third is refused.
    pages.removeRun(c!);
    expect(pages.page.labs).toEqual([c, d]);
    expect(running()).toHaveLength(2);
    expect(pageConfigs(pages.page)).toEqual([config, config]);
  });

  it('opens a lesson’s runs side by side with its text, kept while runs are added and removed, dropped by a new page', () => {
    const { pages, running } = setup();
    const three = [config, flipped, { ...config, predictor: false }] as const;
    pages.openLesson('predictor', three, false);
    const page = pages.page;
    expect(page.kind === 'compare' && page.lesson).toBe('predictor');
    expect(running().map(initConfig)).toEqual(three);
    pages.addRun();
    pages.removeRun(pages.page.labs[1]!);
    expect(pages.page.kind === 'compare' && pages.page.lesson).toBe('predictor');
    pages.openComparison('stopGrad');
    expect(pages.page.kind === 'compare' && pages.page.lesson).toBeNull();
  });

  it('gives both runs of a comparison the page’s own images', () => {
    const dataset = (split: string) => ({ name: 'own', split, count: 1, rows: 28, cols: 28, channels: 1 as const, classNames: ['a'], labels: new Uint8Array(1), pixels: new Uint8Array(784) });
    const data = { train: dataset('train'), eval: dataset('eval') };
    const summary = { source: 'a', classes: [{ name: 'a', count: 2 }], labelled: false, grouped: [], trainCount: 1, evalCount: 1, channels: 1 as const, greyCount: 2, skippedCounts: [], skipped: [] };
    const ownImages = createOwnImagesStore({ data, summary, keptFromEarlier: true });
    const { pages, running } = setup([config], ownImages);
    expect(pages.ownImages).toBe(ownImages);
    const own = { ...config, dataset: 'own' } as const;
    pages.openLink({ configs: [own, { ...own, stopGrad: false }], notices: [], autoplay: false });
    expect(running()).toHaveLength(2);
    for (const worker of running()) {
      expect(worker.commands().map((command) => command.type)).toEqual(['ownImages', 'init']);
      expect(initConfig(worker)?.dataset).toBe('own');
    }
  });
});
