import { describe, expect, it } from 'vitest';
import { type ConfigKey, configKeys, defaultConfig, methodSettings, validateConfig } from '../../core/config';
import { lessons, presetConfig, presetForLab } from './lessons';

describe('lessons', () => {
  it('are at least six, with unique ids and titles', () => {
    expect(lessons.length).toBeGreaterThanOrEqual(6);
    expect(new Set(lessons.map((lesson) => lesson.id)).size).toBe(lessons.length);
    expect(new Set(lessons.map((lesson) => lesson.title)).size).toBe(lessons.length);
  });

  it.each(lessons.map((lesson) => [lesson.id, lesson] as const))('%s has text, a cited paper and distinct runs', (_, lesson) => {
    expect(lesson.explanation.length).toBeGreaterThan(100);
    expect(lesson.finding).not.toBe('');
    expect(lesson.watchFor.length).toBeGreaterThanOrEqual(lesson.runs.length - 1);
    expect(lesson.papers.length).toBeGreaterThan(0);
    for (const paper of lesson.papers) expect(paper.year).toBeGreaterThanOrEqual(2020);
    expect(lesson.runs.length).toBeGreaterThanOrEqual(2);
    const presets = lesson.runs.map(presetConfig);
    const distinct = new Set(presets.map((preset) => JSON.stringify(preset)));
    expect(distinct.size).toBe(presets.length);
  });

  it('presets are valid configs that only change settings shown for their method', () => {
    const methodOwnKeys = new Set(Object.values(methodSettings).flatMap(({ switches }) => switches));
    for (const lesson of lessons) {
      for (const run of lesson.runs) {
        const preset = presetConfig(run);
        const { config, notices } = validateConfig(Object.entries(preset), preset);
        expect(notices).toEqual([]);
        expect(config).toEqual(preset);
        expect(Object.keys(preset)).toEqual(configKeys);
        // Each changed setting has a control on the page once the lesson loads: a shared one (d, data, ...) or its method's own.
        const changed = Object.keys(run.changes) as ConfigKey[];
        for (const key of changed.filter((key) => methodOwnKeys.has(key))) expect(methodSettings[run.method].switches).toContain(key);
      }
    }
  });

  it("load at the lab's snapshot cadence (a phone's lighter one stays), the rest as the preset says", () => {
    const run = lessons[0]!.runs[1]!;
    expect(presetForLab(run, { ...defaultConfig('byol'), evalEvery: 25 })).toEqual({ ...presetConfig(run), evalEvery: 25 });
    expect(presetForLab({ ...run, changes: { ...run.changes, evalEvery: 5 } }, { ...defaultConfig(), evalEvery: 25 }).evalEvery).toBe(5);
  });
});
