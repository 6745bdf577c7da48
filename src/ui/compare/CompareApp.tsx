/**
 * Compare mode (`#v=1&compare=stopGrad&…`): two runs with the same settings and seed but one switch, each in
 * its own worker, side by side — one Start/Pause for both — over charts that overlay them.
 */
import { useMemo } from 'react';
import { useStore } from 'zustand';
import { methodTitle, settingLabel } from '../language/tables';
import { ShortcutsHelp } from '../a11y/ShortcutsHelp';
import { ChartGrid } from '../components/MetricCharts';
import { NoticeBox } from '../components/NoticeBox';
import { RunControls } from '../components/RunControls';
import { LanguageSelect } from '../language/LanguageSelect';
import { useMessages } from '../language/useMessages';
import { LabContext } from '../labContext';
import type { ComparePage } from '../page/pageController';
import { usePageController } from '../page/pageControllerContext';
import { CopyLinkButton } from '../share/CopyLinkButton';
import { Hideable } from '../share/Hideable';
import { CompareRunPanel } from './CompareRunPanel';
import { runFileTag, runLegends } from './runLegends';

export function CompareApp({ page }: { page: ComparePage }) {
  const m = useMessages();
  const pages = usePageController();
  const { switchKey, runs } = page;
  const [a, b] = runs;
  const configA = useStore(a.store, (state) => state.config);
  const configB = useStore(b.store, (state) => state.config);
  // The legends' words follow the language too.
  const [legendA, legendB] = useMemo(() => runLegends(switchKey, [configA, configB]), [switchKey, configA, configB, m]);
  // The charts are rebuilt only when the runs' settings change (a hand-edited link can flip run A's switch).
  const chartRuns = useMemo(
    () => [
      { recorder: a.client.recorder, legend: legendA },
      { recorder: b.client.recorder, legend: legendB },
    ],
    [a, b, legendA, legendB],
  );

  return (
    <div className="app compare-app">
      <header className="app-header">
        <div>
          <h1>{m.page.title}</h1>
          <p>{m.compare.comparing({ label: settingLabel(switchKey), method: methodTitle(configA.method), seed: configA.seed })}</p>
        </div>
        <div className="app-header-tools">
          <ShortcutsHelp />
          <LanguageSelect />
        </div>
      </header>
      <LabContext value={a}>
        <div className="messages">
          <NoticeBox />
        </div>
        <div className="compare-bar">
          <RunControls />
          <Hideable name="share">
            <CopyLinkButton />
          </Hideable>
          <button type="button" onClick={() => pages.openSingleRun()} title={m.compare.singleRunTitle}>
            {m.compare.singleRun}
          </button>
        </div>
      </LabContext>
      <main className="compare-runs">
        <LabContext value={a}>
          <CompareRunPanel legend={legendA} fileTag={runFileTag(switchKey, configA)} />
        </LabContext>
        <LabContext value={b}>
          <CompareRunPanel legend={legendB} fileTag={runFileTag(switchKey, configB)} />
        </LabContext>
      </main>
      <ChartGrid runs={chartRuns} />
    </div>
  );
}
