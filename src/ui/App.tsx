/** The page: header, notices and errors, controls on the left, the sphere with its figures below it on the right. */
import { ErrorBanner } from './components/ErrorBanner';
import { Legend } from './components/Legend';
import { NoticeBox } from './components/NoticeBox';
import { ProjectionNote } from './components/ProjectionNote';
import { RunControls } from './components/RunControls';
import { SettingsPanel } from './components/SettingsPanel';
import { StatusLine } from './components/StatusLine';
import { SphereCanvas } from './sphere/SphereCanvas';

export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <h1>Hypersphere Lab</h1>
        <p>Watch self-supervised learning spread out — or collapse — on the unit sphere.</p>
      </header>
      <div className="messages">
        <ErrorBanner />
        <NoticeBox />
      </div>
      <main className="workspace">
        <aside className="controls" aria-label="Controls">
          <RunControls />
          <SettingsPanel />
        </aside>
        <section className="sphere-panel" aria-label="Embeddings">
          <div className="sphere-stage">
            <SphereCanvas />
            <Legend />
          </div>
          <ProjectionNote />
          <StatusLine />
        </section>
      </main>
    </div>
  );
}
