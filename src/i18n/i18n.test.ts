import { afterEach, describe, expect, it } from 'vitest';
import { currentLocale, formatCount, matchLocale, negotiateLocale, setLocale } from './locale';
import { messagesFor } from './messages';

afterEach(() => setLocale('en'));

/** Every leaf of a catalogue by its path ("status.backend"), strings and message functions alike. */
function leaves(value: unknown, path = ''): [string, unknown][] {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([key, child]) => leaves(child, path ? `${path}.${key}` : key));
  }
  return [[path, value]];
}

const HAN = /\p{Script=Han}/u;

/** Entries whose Chinese is rightly the same as the English: proper names and symbols. */
const sameInBoth = new Set(['BatchNorm', 'Sinkhorn', 'Sinkhorn ε', 'SimCLR', 'BYOL', 'SwAV', 'SimSiam', 'Adam', 'SGD', 'null']);

describe('locales', () => {
  it('match the tags browsers and links use', () => {
    expect(['zh-CN', 'zh', 'ZH-cn', 'zh-Hans', 'zh-Hans-CN', 'zh_CN', 'zh-SG'].map(matchLocale)).toEqual(Array(7).fill('zh-CN'));
    expect(['en', 'en-GB', 'EN-us'].map(matchLocale)).toEqual(['en', 'en', 'en']);
    expect(['zh-TW', 'zh-Hant', 'fr', '', 'english'].map(matchLocale)).toEqual([null, null, null, null, null]);
  });

  it('take the first browser language the lab speaks, else English', () => {
    expect(negotiateLocale(['fr-FR', 'zh-CN', 'en'])).toBe('zh-CN');
    expect(negotiateLocale(['de', 'en-US', 'zh'])).toBe('en');
    expect(negotiateLocale(['zh-TW', 'ja'])).toBe('en');
    expect(negotiateLocale([])).toBe('en');
  });

  it('start in English and format numbers per language', () => {
    expect(currentLocale()).toBe('en');
    expect(formatCount(12345)).toBe('12,345');
    setLocale('zh-CN');
    expect(formatCount(12345)).toBe('12,345');
  });
});

describe('the 简体中文 catalogue', () => {
  it('has every English message, of the same kind, and nothing else', () => {
    const english = leaves(messagesFor('en'));
    const chinese = new Map(leaves(messagesFor('zh-CN')));
    expect([...chinese.keys()]).toEqual(english.map(([path]) => path));
    for (const [path, value] of english) {
      const other = chinese.get(path);
      expect(typeof other, path).toBe(typeof value);
      if (Array.isArray(value)) expect((other as unknown[]).length, path).toBe(value.length);
    }
  });

  it('is written in Chinese, not left in English', () => {
    for (const [path, value] of leaves(messagesFor('zh-CN'))) {
      for (const text of Array.isArray(value) ? value : typeof value === 'string' ? [value] : []) {
        if (!sameInBoth.has(text as string)) expect(text, path).toMatch(HAN);
      }
    }
  });
});
