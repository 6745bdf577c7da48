/** One run of a comparison: its name, sphere and timeline, then its errors, collapse banner, status figures and exports. */
import { LiveAnnouncer } from '../a11y/LiveAnnouncer';
import type { RunLegend } from '../charts/metricChart';
import { CollapseBanner } from '../components/CollapseBanner';
import { ErrorBanner } from '../components/ErrorBanner';
import { Legend } from '../components/Legend';
import { StatusLine } from '../components/StatusLine';
import { RedundancyViews } from '../components/RedundancyViews';
import { Timeline } from '../components/Timeline';
import { ExportControls } from '../exports/ExportControls';
import { Hideable } from '../share/Hideable';
import { SphereCanvas } from '../sphere/SphereCanvas';
import { useMessages } from '../language/useMessages';

export function CompareRunPanel({ legend, fileTag }: { legend: RunLegend; fileTag: string }) {
  const m = useMessages();
  return (
    <section className="compare-run" aria-label={m.compare.runRegion(legend)} data-testid={`run-${legend.tag}`}>
      <h2 className="compare-run-title">
        <span className="run-line" style={{ backgroundColor: legend.color }} aria-hidden="true" />
        {legend.tag} · {legend.label}
      </h2>
      <div className="sphere-stage">
        <SphereCanvas />
        <Legend />
      </div>
      <Timeline />
      <LiveAnnouncer runName={m.a11y.runName(legend)} />
      {/* Under the sphere, so that the two spheres stay level whatever either run says. */}
      <ErrorBanner />
      <CollapseBanner />
      <Hideable name="status">
        <StatusLine />
      </Hideable>
      <RedundancyViews />
      <Hideable name="share">
        <ExportControls runName={m.compare.runExportName(legend)} tag={fileTag} />
      </Hideable>
    </section>
  );
}
