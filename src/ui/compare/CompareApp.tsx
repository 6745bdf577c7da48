/**
 * Compare mode (`#v=1&compare=stopGrad&…`): two runs with the same settings and seed but one switch, each in
 * its own worker, side by side — one Start/Pause for both — over charts that overlay them.
 */
import { useMemo } from 'react';
import { useStore } from 'zustand';
import { configSpec } from '../../core/config';
import { methodCatalog } from '../../methods/catalog';
import { ShortcutsHelp } from '../a11y/ShortcutsHelp';
import { ChartGrid } from '../components/MetricCharts';
import { NoticeBox } from '../components/NoticeBox';
import { RunControls } from '../components/RunControls';
import { LabContext } from '../labContext';
import type { ComparePage } from '../page/pageController';
import { usePageController } from '../page/pageControllerContext';
import { CopyLinkButton } from '../share/CopyLinkButton';
import { Hideable } from '../share/Hideable';
import { CompareRunPanel } from './CompareRunPanel';
import { runFileTag, runLegends } from './runLegends';

export function CompareApp({ page }: { page: ComparePage }) {
  const pages = usePageController();
  const { switchKey, runs } = page;
  const [a, b] = runs;
  const configA = useStore(a.store, (state) => state.config);
  const configB = useStore(b.store, (state) => state.config);
  const [legendA, legendB] = useMemo(() => runLegends(switchKey, [configA, configB]), [switchKey, configA, configB]);
  // The charts are rebuilt only when the runs' settings change (a hand-edited link can flip run A's switch).
  const chartRuns = useMemo(
    () => [
      { recorder: a.client.recorder, legend: legendA },
      { recorder: b.client.recorder, legend: legendB },
    ],
    [a, b, legendA, legendB],
  );
  const switchLabel = configSpec[switchKey].label;

  return (
    <div className="app compare-app">
      <header className="app-header">
        <div>
          <h1>Hypersphere Lab</h1>
          <p>
            Comparing {switchLabel} on and off: {methodCatalog[configA.method].title}, seed {configA.seed}, every other setting the same.
          </p>
        </div>
        <ShortcutsHelp />
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
          <button type="button" onClick={() => pages.openSingleRun()} title="Back to one run, with run A's settings">
            Single run
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
