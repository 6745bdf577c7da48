import { afterEach, describe, expect, it } from 'vitest';
import { builtInDatasetNames, configKeys, configSpec, defaultConfig, type ExperimentConfig, type MethodName, methodNames, methodSettings } from '../../core/config';
import { skipReasons } from '../../data/images/imageFolder';
import { loadDatasetFromDisk } from '../../data/diskDataset';
import { setLocale } from '../../i18n/locale';
import { messages } from '../../i18n/messages';
import { methodCatalog } from '../../methods/catalog';
import { pageShortcuts, sphereShortcuts } from '../a11y/shortcuts';
import { chartSpecs } from '../charts/chartSpecs';
import { lessons } from '../lessons/lessons';
import { chartText, classLabel, inactiveText, lessonText, methodTitle, settingHelp, settingLabel, shortcutTables } from './tables';
import { chartsZh, classNamesZh, lessonsZh, methodsZh, sphereShortcutsZh } from './tables.zh-CN';

afterEach(() => setLocale('en'));

const HAN = /\p{Script=Han}/u;

/** The configs that make a method's switches inactive: its defaults with each switch flipped or zeroed. */
function switchedOff(method: MethodName): ExperimentConfig[] {
  const base = defaultConfig(method);
  return methodSettings[method].switches.map((key) => ({ ...base, [key]: typeof base[key] === 'boolean' ? !base[key] : 0 }));
}

describe('the tables in 简体中文', () => {
  it('name and explain every setting', () => {
    setLocale('zh-CN');
    for (const key of configKeys) {
      expect(settingLabel(key), key).not.toBe('');
      expect(settingHelp(key), key).toMatch(HAN);
    }
  });

  it('give every method its title and summary', () => {
    setLocale('zh-CN');
    expect(Object.keys(methodsZh).sort()).toEqual([...methodNames].sort());
    for (const name of methodNames) expect(methodsZh[name].summary, name).toMatch(HAN);
    expect(methodTitle('align-uniform')).toBe('对齐 + 均匀性');
  });

  it('give every reason a switch does nothing, for each method', () => {
    setLocale('zh-CN');
    for (const method of methodNames) {
      for (const config of [defaultConfig(method), ...switchedOff(method)]) {
        for (const key of Object.keys(methodCatalog[method].inactiveSwitches?.(config) ?? {}) as (keyof ExperimentConfig)[]) {
          expect(methodsZh[method].inactive[key], `${method}.${key}`).toBeDefined();
          expect(inactiveText(config, key), `${method}.${key}`).toMatch(HAN);
        }
      }
    }
  });

  it('translate every lesson, each line and run button', () => {
    expect(Object.keys(lessonsZh).sort()).toEqual(lessons.map((lesson) => lesson.id).sort());
    setLocale('zh-CN');
    for (const lesson of lessons) {
      const text = lessonText(lesson);
      expect(text.watchFor, lesson.id).toHaveLength(lesson.watchFor.length);
      expect(text.runs, lesson.id).toHaveLength(lesson.runs.length);
      for (const line of [text.title, text.explanation, text.finding, ...text.watchFor, ...text.runs]) expect(line, lesson.id).toMatch(HAN);
    }
  });

  it('title every chart', () => {
    expect(Object.keys(chartsZh).sort()).toEqual(chartSpecs.map((spec) => spec.id).sort());
    setLocale('zh-CN');
    for (const spec of chartSpecs) {
      const text = chartText(spec);
      expect(text.help, spec.id).toMatch(HAN);
      expect(text.reference === null, spec.id).toBe(spec.reference === undefined);
    }
  });

  it('name every class of the shipped datasets that is a word', async () => {
    setLocale('zh-CN');
    for (const name of builtInDatasetNames) {
      const { classNames } = await loadDatasetFromDisk(name, 'eval');
      for (const className of classNames) {
        if (/^\d+$/.test(className)) expect(classLabel(className)).toBe(className);
        else expect(classNamesZh[className], className).toMatch(HAN);
      }
    }
  });

  it('list every keyboard shortcut', () => {
    expect(sphereShortcutsZh).toHaveLength(sphereShortcuts.length);
    setLocale('zh-CN');
    const { page, sphere } = shortcutTables();
    for (const { does } of [...page, ...sphere]) expect(does).toMatch(HAN);
    expect(page[0]!.keys).toEqual(['空格']);
  });

  it('were made from the English the tables hold now', () => {
    // When this snapshot fails, an English text of a table changed: bring its 简体中文 in tables.zh-CN.ts up to
    // date, then rewrite the snapshot (npx vitest run --config vitest.config.ts -u src/ui/language).
    const english = {
      settings: Object.fromEntries(configKeys.map((key) => [key, [configSpec[key].label, configSpec[key].help]])),
      methods: Object.fromEntries(
        methodNames.map((name) => {
          const { title, summary, inactiveSwitches } = methodCatalog[name];
          const reasons = [defaultConfig(name), ...switchedOff(name)].flatMap((config) => Object.entries(inactiveSwitches?.(config) ?? {}));
          return [name, [title, summary, Object.fromEntries(reasons)]];
        }),
      ),
      lessons: Object.fromEntries(lessons.map(({ id, title, explanation, finding, watchFor, runs }) => [id, [title, explanation, finding, watchFor, runs.map((run) => run.label)]])),
      charts: Object.fromEntries(chartSpecs.map(({ id, title, help, reference }) => [id, [title, help, reference?.label ?? null]])),
      skipReasons,
      shortcuts: [...pageShortcuts, ...sphereShortcuts].map(({ does }) => does),
    };
    expect(english).toMatchSnapshot();
  });

  it('leave English as the tables wrote it', () => {
    expect(settingLabel('stopGrad')).toBe('Stop-gradient');
    expect(lessonText(lessons[0]!).title).toBe(lessons[0]!.title);
    expect(messages().run.start).toBe('Start');
  });
});
