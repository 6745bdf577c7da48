import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../core/config';
import { FakeWorker } from '../testWorker';
import { compareKeyOf, PageController, primaryLab } from './pageController';

const config = { ...defaultConfig('simsiam'), seed: 7 };

function setup(compare: 'stopGrad' | null = null) {
  const workers: FakeWorker[] = [];
  const createWorker = () => {
    const worker = new FakeWorker();
    workers.push(worker);
    return worker;
  };
  const pages = new PageController({ backend: { forced: 'wasm', threads: null }, createWorker }, { config, compare, notices: ['from the link'], autoplay: false });
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
    for (const worker of [a!, b!]) worker.send({ type: 'ready', backend: { name: 'wasm', reason: '' }, classNames: [], evalCount: 0, pointImages: new Uint8Array(0), imageSize: 28, config, step: 0 });
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
});
