import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../core/config';
import { decodeConfig } from '../../core/urlCodec';
import { hrefWithLang, openingLocale } from '../language/pageLanguage';
import { readStartupSettings } from '../urlConfig';
import { shareUrl } from './shareUrl';

describe('shareUrl', () => {
  const config = { ...defaultConfig('byol'), momentum: 0.9, seed: 11 };

  it('puts the config in the hash of this page’s address', () => {
    expect(shareUrl('http://localhost:4173/', [config])).toBe('http://localhost:4173/#v=1&method=byol&seed=11&momentum=0.9');
    expect(shareUrl('https://example.org/lab/index.html#v=1&seed=3', [config])).toBe('https://example.org/lab/index.html#v=1&method=byol&seed=11&momentum=0.9');
  });

  it('keeps the page’s own keys, drops settings from the query and unknown keys from the hash', () => {
    const url = new URL(shareUrl('http://host/?backend=wasm&seed=3&dim=16#classroom=1&hide=seed&colour=red&autoplay=1', [config]));
    expect(url.search).toBe('?backend=wasm');
    expect(url.hash).toBe('#v=1&method=byol&seed=11&momentum=0.9&classroom=1&hide=seed&autoplay=1');
  });

  it('opens the same experiment and page mode it was made from', () => {
    const link = new URL(shareUrl('http://host/?backend=cpu#classroom=1&hide=seed,lessons', [config]));
    const reopened = readStartupSettings(link.search, link.hash);
    expect(reopened.notices).toEqual([]);
    expect(reopened.config).toEqual(config);
    expect(reopened.backend.forced).toBe('cpu');
    expect(reopened.pageMode.classroom).toBe(true);
    expect([...reopened.pageMode.hidden]).toEqual(['seed', 'lessons']);
  });

  it('writes a hostile opening link back in its canonical, safe form', () => {
    const hostile = 'http://host/#seed=<script>&seed=9&hide=<img src=x onerror=alert(1)>&__proto__=1';
    const { config: safe } = decodeConfig(new URL(hostile).hash);
    const url = new URL(shareUrl(hostile, [safe]));
    expect(url.hash).toBe('#v=1&method=simsiam&seed=9&hide=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E');
  });

  it('writes compare mode first: a switch for two runs that differ in it alone, else the count and each run’s own keys', () => {
    const simsiam = { ...defaultConfig('simsiam'), seed: 7 };
    const flipped = { ...simsiam, stopGrad: false };
    const compared = shareUrl('http://host/#classroom=1&compare=3&B.seed=4', [simsiam, flipped]);
    expect(new URL(compared).hash).toBe('#v=1&compare=stopGrad&method=simsiam&seed=7&classroom=1');
    expect(readStartupSettings('', new URL(compared).hash)).toMatchObject({ runs: [simsiam, flipped], config: simsiam, notices: [] });
    // A switch with another difference, or run B's switch back on, is no longer a one-switch comparison.
    expect(new URL(shareUrl(compared, [simsiam, { ...flipped, seed: 8 }])).hash).toBe('#v=1&compare=2&method=simsiam&seed=7&B.seed=8&B.stopGrad=false&classroom=1');
    expect(new URL(shareUrl(compared, [simsiam, simsiam])).hash).toBe('#v=1&compare=2&method=simsiam&seed=7&classroom=1');
    expect(new URL(shareUrl(compared, [simsiam])).hash).toBe('#v=1&method=simsiam&seed=7&classroom=1');
  });

  it('writes three and four runs that reopen as they were', () => {
    const simclr = { ...defaultConfig('simclr'), dim: 2, seed: 7 };
    const byol = { ...defaultConfig('byol'), dim: 2, seed: 7, predictor: false };
    const runs = [simclr, byol, { ...simclr, seed: 3 }, { ...simclr, temperature: 0.2 }] as const;
    const three = new URL(shareUrl('http://host/', [runs[0], runs[1], runs[2]])).hash;
    expect(three).toBe('#v=1&compare=3&method=simclr&seed=7&dim=2&B.method=byol&B.predictor=false&C.seed=3');
    expect(readStartupSettings('', three)).toMatchObject({ runs: runs.slice(0, 3), notices: [] });
    const four = new URL(shareUrl('http://host/', runs)).hash;
    expect(four).toBe('#v=1&compare=4&method=simclr&seed=7&dim=2&B.method=byol&B.predictor=false&C.seed=3&D.temperature=0.2');
    expect(readStartupSettings('', four)).toMatchObject({ runs, notices: [] });
  });
});

describe('the language in links', () => {
  const config = { ...defaultConfig('swav'), sinkhorn: false };

  it('is a page key: kept when the link is rewritten, never part of the settings', () => {
    const link = shareUrl('http://host/#v=1&lang=zh-CN&method=simsiam', [config]);
    expect(new URL(link).hash).toBe('#v=1&method=swav&sinkhorn=false&lang=zh-CN');
    expect(readStartupSettings('', new URL(link).hash)).toMatchObject({ config, notices: [] });
    expect(openingLocale(new URL(link).hash, ['en'])).toBe('zh-CN');
  });

  it('is set (or replaced) by the language control, every other pair kept', () => {
    expect(new URL(hrefWithLang('http://host/#v=1&method=swav&classroom=1', 'zh-CN')).hash).toBe('#v=1&method=swav&classroom=1&lang=zh-CN');
    expect(new URL(hrefWithLang('http://host/?backend=wasm#lang=zh-CN&v=1', 'en')).href).toBe('http://host/?backend=wasm#v=1&lang=en');
  });

  it('decides the opening language before the browser does; an unknown one is reported and ignored', () => {
    expect(openingLocale('#v=1&lang=zh-CN', ['en-US'])).toBe('zh-CN');
    expect(openingLocale('#v=1', ['zh-CN', 'en'])).toBe('zh-CN');
    expect(openingLocale('#v=1&lang=klingon', ['en-GB'])).toBe('en');
    expect(readStartupSettings('', '#lang=klingon').notices).toEqual(['lang: "klingon" is not one of en, zh-CN; using the browser’s language.']);
  });
});
