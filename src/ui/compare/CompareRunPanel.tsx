/**
 * One run of a comparison: its name (and Remove, while more than two runs are shown), sphere, angle ring and
 * timeline, then its errors, collapse banner, status figures, its own settings and exports.
 */
import { LiveAnnouncer } from '../a11y/LiveAnnouncer';
import type { RunLegend } from '../charts/metricChart';
import { AngleRing } from '../components/AngleRing';
import { CollapseBanner } from '../components/CollapseBanner';
import { ErrorBanner } from '../components/ErrorBanner';
import { Legend } from '../components/Legend';
import { SettingsPanel } from '../components/SettingsPanel';
import { StatusLine } from '../components/StatusLine';
import { RedundancyViews } from '../components/RedundancyViews';
import { Timeline } from '../components/Timeline';
import { ExportControls } from '../exports/ExportControls';
import { Hideable } from '../share/Hideable';
import { SphereCanvas } from '../sphere/SphereCanvas';
import { useMessages } from '../language/useMessages';

export function CompareRunPanel({ legend, fileTag, onRemove }: { legend: RunLegend; fileTag: string; onRemove: (() => void) | null }) {
  const m = useMessages();
  return (
    <section className="compare-run" aria-label={m.compare.runRegion(legend)} data-testid={`run-${legend.tag}`} tabIndex={-1}>
      <div className="compare-run-head">
        <h2 className="compare-run-title">
          <span className="run-line" style={{ backgroundColor: legend.color }} aria-hidden="true" />
          {legend.tag} · {legend.label}
        </h2>
        {onRemove ? (
          <button type="button" className="compare-run-remove" onClick={onRemove}>
            {m.compare.removeRun(legend)}
          </button>
        ) : null}
      </div>
      <div className="sphere-stage">
        <SphereCanvas />
        <Legend />
      </div>
      <Timeline />
      <AngleRing />
      <LiveAnnouncer runName={m.a11y.runName(legend)} />
      {/* Under the sphere, so that the spheres stay level whatever each run says. */}
      <ErrorBanner />
      <CollapseBanner />
      <Hideable name="status">
        <StatusLine />
      </Hideable>
      <RedundancyViews />
      <Hideable name="settings">
        <details className="compare-run-settings">
          <summary>{m.compare.runSettings(legend)}</summary>
          <SettingsPanel />
        </details>
      </Hideable>
      <Hideable name="share">
        <ExportControls runName={m.compare.runExportName(legend)} tag={fileTag} />
      </Hideable>
    </section>
  );
}
