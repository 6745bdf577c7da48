import { afterEach, describe, expect, it } from 'vitest';
import { validateConfig } from '../core/config';
import type { ConfigNotice, NoticeCode } from '../core/notices';
import { CONFIG_FORMAT_VERSION, decodeConfig, readConfigObject } from '../core/urlCodec';
import { hostileLinks } from '../testing/configSamples';
import { locales, setLocale } from './locale';
import { renderNotice } from './notices';

const HAN = /\p{Script=Han}/u;

afterEach(() => setLocale('en'));

/** One notice of every code, as core makes them. */
const everyCode: { [C in NoticeCode]: Extract<ConfigNotice, { code: C }> } = {
  notBoolean: { code: 'notBoolean', key: 'stopGrad', raw: 'perhaps', kept: 'true' },
  notOneOf: { code: 'notOneOf', key: 'optimizer', raw: 'lion', values: 'adam, sgd', kept: 'adam' },
  notNumber: { code: 'notNumber', key: 'seed', raw: 'abc', kept: '0' },
  outside: { code: 'outside', key: 'dim', raw: '999', min: 2, max: 128, used: 128 },
  notWhole: { code: 'notWhole', key: 'batch', raw: '1.5', used: 2 },
  unknownSetting: { code: 'unknownSetting', key: 'colour' },
  moreProblems: { code: 'moreProblems', count: 39 },
  linkTooLong: { code: 'linkTooLong', length: 5000, max: 4096 },
  noName: { code: 'noName', value: '"5"' },
  repeated: { code: 'repeated', key: '"seed"', count: 3, value: '"3"' },
  unknownVersion: { code: 'unknownVersion', raw: '"7"', version: 1 },
  notPlainValue: { code: 'notPlainValue', key: '"seed"', kind: 'list' },
  runNotCompared: { code: 'runNotCompared', tag: 'D', runs: 3 },
};

describe('renderNotice', () => {
  it('writes the English sentences the lab has always shown', () => {
    expect(decodeConfig('#seed=1&seed=2&seed=3').notices.map(renderNotice)).toEqual(['"seed" is given 3 times; the last value, "3", is used.']);
    expect(decodeConfig('#v=7&seed=4').notices.map(renderNotice)).toEqual([
      `Format version "7" is not known; reading the settings as version ${CONFIG_FORMAT_VERSION}.`,
    ]);
    expect(decodeConfig('#seed=7&colour=red&dim=999&stopGrad=perhaps&batch=16').notices.map(renderNotice)).toEqual([
      'Unknown setting "colour" ignored.',
      'dim: 999 is outside 2–128; using 128.',
      'stopGrad: "perhaps" is not true or false; kept true.',
    ]);
    expect(renderNotice(everyCode.linkTooLong)).toBe("The link's settings are 5,000 characters long; only the first 4,096 were read.");
    const many = decodeConfig(Array.from({ length: 50 }, (_, i) => `junk${i}=1`).join('&')).notices;
    expect(renderNotice(many[11]!)).toBe('…and 39 more problems with these settings.');
    expect(readConfigObject({ seed: [1] }, 1).notices.map(renderNotice)).toEqual(['"seed": a list is not a setting value; ignored.']);
  });

  it('writes them in Chinese when the page speaks Chinese', () => {
    setLocale('zh-CN');
    const { notices } = decodeConfig('#seed=abc&dim=999&colour=red&seed=1&seed=2');
    expect(notices).toHaveLength(3);
    for (const notice of notices) expect(renderNotice(notice)).toMatch(HAN);
    expect(renderNotice(validateConfig([['batch', '1.5']]).notices[0]!)).toBe('batch：1.5 不是整数；使用 2。');
    expect(renderNotice(validateConfig([['batch', '9999']]).notices[0]!)).toBe('batch：9999 超出 2–1024；使用 1024。');
  });

  it('renders every code in every language', () => {
    for (const locale of locales) {
      setLocale(locale);
      for (const notice of Object.values(everyCode)) {
        const text = renderNotice(notice);
        expect(text, `${locale} ${notice.code}`).not.toMatch(/undefined|NaN|\[object/);
        if (locale === 'zh-CN') expect(text, notice.code).toMatch(HAN);
      }
    }
  });

  it('keeps the notices of hostile links short and readable in every language', () => {
    for (const locale of locales) {
      setLocale(locale);
      for (const link of hostileLinks()) {
        for (const notice of decodeConfig(link).notices) {
          const text = renderNotice(notice);
          expect(text.length, link).toBeLessThan(300);
          expect(text, link).not.toMatch(/[\u0000-\u001f\u202e]/);
        }
      }
    }
  });
});
