/**
 * The page: header, notices and errors, controls on the left, the sphere with its figures below it on the right.
 * In the page's (and the keyboard's) order: Start/Step/Reset, the sphere and its figures, the other controls —
 * which is also the order of the one column on narrow screens.
 */
import { LiveAnnouncer } from './a11y/LiveAnnouncer';
import { ShortcutsHelp } from './a11y/ShortcutsHelp';
import { ComparePanel } from './compare/ComparePanel';
import { AngleRing } from './components/AngleRing';
import { AugmentationPreview } from './components/AugmentationPreview';
import { CollapseBanner } from './components/CollapseBanner';
import { ErrorBanner } from './components/ErrorBanner';
import { Legend } from './components/Legend';
import { MetricCharts } from './components/MetricCharts';
import { RedundancyViews } from './components/RedundancyViews';
import { MetricsPanel } from './components/MetricsPanel';
import { NoticeBox } from './components/NoticeBox';
import { ProjectionNote } from './components/ProjectionNote';
import { RunControls } from './components/RunControls';
import { SettingsPanel } from './components/SettingsPanel';
import { StatusLine } from './components/StatusLine';
import { Timeline } from './components/Timeline';
import { ReplayNote } from './exports/ReplayNote';
import { LanguageSelect } from './language/LanguageSelect';
import { useMessages } from './language/useMessages';
import { LessonsPanel } from './lessons/LessonsPanel';
import { OwnImagesPanel } from './ownImages/OwnImagesPanel';
import { Hideable } from './share/Hideable';
import { SharePanel } from './share/SharePanel';
import { SphereCanvas } from './sphere/SphereCanvas';

export function App() {
  const m = useMessages();
  return (
    <div className="app">
      <header className="app-header">
        <div>
          <h1>{m.page.title}</h1>
          <p>{m.page.tagline}</p>
        </div>
        <div className="app-header-tools">
          <ShortcutsHelp />
          <LanguageSelect />
        </div>
      </header>
      <LiveAnnouncer />
      <div className="messages">
        <ErrorBanner />
        <NoticeBox />
        <ReplayNote />
      </div>
      <main className="workspace">
        <div className="workspace-run">
          <RunControls />
        </div>
        <section className="sphere-panel" aria-label={m.page.embeddings}>
          <CollapseBanner />
          <div className="sphere-row">
            <div className="sphere-stage">
              <SphereCanvas />
              <Legend />
            </div>
            <AngleRing />
          </div>
          <Timeline />
          <ProjectionNote />
          <Hideable name="status">
            <StatusLine />
          </Hideable>
          <MetricsPanel />
          <MetricCharts />
          <RedundancyViews />
          <AugmentationPreview />
        </section>
        <aside className="controls" aria-label={m.page.controls}>
          <Hideable name="lessons">
            <LessonsPanel />
          </Hideable>
          <Hideable name="settings">
            <SettingsPanel />
          </Hideable>
          <Hideable name="images">
            <OwnImagesPanel />
          </Hideable>
          <Hideable name="compare">
            <ComparePanel />
          </Hideable>
          <Hideable name="share">
            <SharePanel />
          </Hideable>
        </aside>
      </main>
    </div>
  );
}
