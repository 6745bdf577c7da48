/**
 * Compare mode (`#v=1&compare=stopGrad&…`, `#v=1&compare=3&…&B.method=byol`): 2 to MAX_RUNS runs, each in its
 * own worker with its own sphere and settings, side by side — one Start/Pause for all — over charts that overlay
 * them. Runs are added (with the last run's settings) and removed here; a removed run's workers end at once.
 */
import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import type { ExperimentConfig } from '../../core/config';
import { MAX_RUNS } from '../../core/urlCodec';
import { settingLabel } from '../language/tables';
import { ShortcutsHelp } from '../a11y/ShortcutsHelp';
import { ChartGrid } from '../components/MetricCharts';
import { NoticeBox } from '../components/NoticeBox';
import { RunControls } from '../components/RunControls';
import { LanguageSelect } from '../language/LanguageSelect';
import { lessonText } from '../language/tables';
import { LessonNotes } from '../lessons/LessonCard';
import { type Lesson, lessons } from '../lessons/lessons';
import { useMessages } from '../language/useMessages';
import { type Lab, LabContext } from '../labContext';
import type { ComparePage } from '../page/pageController';
import { usePageController } from '../page/pageControllerContext';
import { CopyLinkButton } from '../share/CopyLinkButton';
import { Hideable } from '../share/Hideable';
import { CompareRunPanel } from './CompareRunPanel';
import { runDifferences, runFileTag, runLegends } from './runLegends';

/** The runs' settings, the same array while none of them changes. */
function useRunConfigs(runs: readonly Lab[]): readonly ExperimentConfig[] {
  const shown = useRef<readonly ExperimentConfig[]>([]);
  const subscribe = useCallback(
    (notify: () => void) => {
      const stops = runs.map(({ store }) => store.subscribe((state, previous) => state.config !== previous.config && notify()));
      return () => stops.forEach((stop) => stop());
    },
    [runs],
  );
  const configs = useCallback(() => {
    const current = runs.map(({ store }) => store.getState().config);
    const same = current.length === shown.current.length && current.every((config, i) => config === shown.current[i]);
    if (!same) shown.current = current;
    return shown.current;
  }, [runs]);
  return useSyncExternalStore(subscribe, configs);
}

/** A key per lab that stays while the lab does, so that removing run B leaves C's sphere and worker as they are. */
const labKeys = new WeakMap<Lab, number>();
let nextKey = 0;
function labKey(lab: Lab): number {
  let key = labKeys.get(lab);
  if (key === undefined) {
    key = nextKey++;
    labKeys.set(lab, key);
  }
  return key;
}

/** The lesson whose runs these are: its explanation folded away, what to watch for in view. */
function CompareLesson({ lesson }: { lesson: Lesson }) {
  const m = useMessages();
  const text = lessonText(lesson);
  return (
    <section className="compare-lesson lesson" aria-label={m.lessons.lessonOfRuns}>
      <details>
        <summary>
          <h2>{text.title}</h2>
        </summary>
        <p>{text.explanation}</p>
      </details>
      <LessonNotes lesson={lesson} />
    </section>
  );
}

export function CompareApp({ page }: { page: ComparePage }) {
  const m = useMessages();
  const pages = usePageController();
  const { runs } = page;
  const configs = useRunConfigs(runs);
  // The legends' words follow the language too.
  const legends = useMemo(() => runLegends(configs), [configs, m]);
  const differences = useMemo(() => runDifferences(configs).map(settingLabel).join(', '), [configs, m]);
  // The charts are rebuilt only when the runs or their settings change (each run's settings are its own).
  const chartRuns = useMemo(() => runs.map((lab, i) => ({ recorder: lab.client.recorder, legend: legends[i]! })), [runs, legends]);
  const [first] = runs;
  const lesson = lessons.find(({ id }) => id === page.lesson);
  // Keyboard users stay in place: a run added takes the focus (its region is announced), a run removed hands it to Add run.
  const runsRef = useRef<HTMLElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const shownRuns = useRef(runs.length);
  useEffect(() => {
    if (runs.length > shownRuns.current) runsRef.current?.querySelector<HTMLElement>(':scope > .compare-run:last-child')?.focus();
    shownRuns.current = runs.length;
  }, [runs.length]);
  const remove = (lab: Lab): void => {
    pages.removeRun(lab);
    addRef.current?.focus();
  };

  return (
    <div className="app compare-app" data-runs={runs.length}>
      <header className="app-header">
        <div>
          <h1>{m.page.title}</h1>
          <p>{m.compare.comparing({ runs: runs.length, differences: differences === '' ? null : differences })}</p>
        </div>
        <div className="app-header-tools">
          <ShortcutsHelp />
          <LanguageSelect />
        </div>
      </header>
      <LabContext value={first!}>
        <div className="messages">
          <NoticeBox />
        </div>
        <div className="compare-bar">
          <RunControls />
          <Hideable name="share">
            <CopyLinkButton />
          </Hideable>
          <button ref={addRef} type="button" disabled={runs.length >= MAX_RUNS} onClick={() => pages.addRun()} title={m.compare.addRunTitle({ max: MAX_RUNS })}>
            {m.compare.addRun}
          </button>
          <button type="button" onClick={() => pages.openSingleRun()} title={m.compare.singleRunTitle}>
            {m.compare.singleRun}
          </button>
        </div>
      </LabContext>
      {lesson ? <CompareLesson lesson={lesson} /> : null}
      <main className="compare-runs" ref={runsRef}>
        {runs.map((lab, i) => (
          <LabContext key={labKey(lab)} value={lab}>
            <CompareRunPanel legend={legends[i]!} fileTag={runFileTag(configs, i)} onRemove={runs.length > 2 ? () => remove(lab) : null} />
          </LabContext>
        ))}
      </main>
      <ChartGrid runs={chartRuns} />
    </div>
  );
}
