/**
 * The data tables' words in the current language: the settings' labels and help, the enum values, the methods'
 * titles, summaries and reasons a switch does nothing, the lessons, the charts, the class names, the reasons a
 * file of one's own images was skipped, the keyboard shortcuts. English is the tables' own text; the other
 * language's comes from its file keyed by the same ids.
 */
import { colourAugmentationKeys, type ConfigKey, configSpec, type ExperimentConfig, type MethodName } from '../../core/config';
import type { ImageChannels } from '../../data/datasetFormat';
import { messages } from '../../i18n/messages';
import { type SkipReason, skipReasons } from '../../data/images/imageFolder';
import { inactiveReason, methodCatalog } from '../../methods/catalog';
import { pageShortcuts, type ShortcutEntry, sphereShortcuts } from '../a11y/shortcuts';
import type { ChartSpec } from '../charts/chartSpecs';
import type { Lesson } from '../lessons/lessons';
import { currentLocale } from '../../i18n/locale';
import {
  chartsZh,
  classNamesZh,
  keyNamesZh,
  type LessonText,
  lessonsZh,
  methodsZh,
  pageShortcutsZh,
  settingsZh,
  skipReasonsZh,
  sphereShortcutsZh,
  valuesZh,
} from './tables.zh-CN';

const chinese = (): boolean => currentLocale() === 'zh-CN';

export function settingLabel(key: ConfigKey): string {
  return chinese() ? settingsZh[key].label : configSpec[key].label;
}

export function settingHelp(key: ConfigKey): string {
  return chinese() ? settingsZh[key].help : configSpec[key].help;
}

/** An enum setting's value as a control shows it (English shows the value itself: "adam", "cosine"). */
export function valueLabel(key: ConfigKey, value: string | number): string {
  return (chinese() ? valuesZh[key]?.[String(value)] : undefined) ?? String(value);
}

export function methodTitle(name: MethodName): string {
  return chinese() ? methodsZh[name].title : methodCatalog[name].title;
}

export function methodSummary(name: MethodName): string {
  return chinese() ? methodsZh[name].summary : methodCatalog[name].summary;
}

/** Why `key` does nothing under `config`, in the current language; null when it acts. */
export function inactiveText(config: ExperimentConfig, key: ConfigKey): string | null {
  const reason = inactiveReason(config, key);
  if (reason === null || !chinese()) return reason;
  return methodsZh[config.method].inactive[key] ?? reason;
}

/**
 * Why a colour setting does nothing on the images trained on (`channels`, as the worker reported them): grey
 * images, or colour ones trained in grey; and why "Train in grey" does nothing on grey images. Null when it acts.
 */
export function imageInactiveText(config: ExperimentConfig, channels: ImageChannels, key: ConfigKey): string | null {
  const m = messages().settings;
  if (key === 'greyImages') return channels === 1 && !config.greyImages ? m.alreadyGrey : null;
  if (!(colourAugmentationKeys as readonly ConfigKey[]).includes(key)) return null;
  if (config.greyImages) return m.trainedInGrey;
  return channels === 1 ? m.colourOnly : null;
}

/** A dataset's class name ("Trouser"); names the lab does not know (a user's own classes) are shown as they are. */
export function classLabel(name: string): string {
  return (chinese() ? classNamesZh[name] : undefined) ?? name;
}

/** A lesson's words: its title, text, what to watch for and its run buttons. */
export function lessonText(lesson: Lesson): LessonText {
  const own: LessonText = {
    title: lesson.title,
    explanation: lesson.explanation,
    finding: lesson.finding,
    watchFor: lesson.watchFor,
    runs: lesson.runs.map((run) => run.label),
  };
  return (chinese() ? lessonsZh[lesson.id] : undefined) ?? own;
}

/** A chart's title, help and reference line's label. */
export function chartText(spec: ChartSpec): { title: string; help: string; reference: string | null } {
  const own = { title: spec.title, help: spec.help, reference: spec.reference?.label ?? null };
  const zh = chinese() ? chartsZh[spec.id] : undefined;
  return zh ? { title: zh.title, help: zh.help, reference: zh.reference ?? own.reference } : own;
}

/** Why a file of the user's images was skipped. */
export function skipReasonText(reason: SkipReason): string {
  return chinese() ? skipReasonsZh[reason] : skipReasons[reason];
}

/** The keyboard shortcuts as the help dialog lists them: the page's, then the sphere's, in the current language. */
export function shortcutTables(): { page: ShortcutEntry[]; sphere: ShortcutEntry[] } {
  if (!chinese()) return { page: [...pageShortcuts], sphere: [...sphereShortcuts] };
  const keys = (entry: ShortcutEntry) => entry.keys.map((key) => keyNamesZh[key] ?? key);
  return {
    page: pageShortcuts.map((entry) => ({ keys: keys(entry), does: pageShortcutsZh[entry.action] })),
    sphere: sphereShortcuts.map((entry, i) => ({ keys: keys(entry), does: sphereShortcutsZh[i] ?? entry.does })),
  };
}
