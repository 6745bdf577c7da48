/** Sharing the experiment: its link, its settings as a file, the run's exports, and opening a saved run. */
import { useId } from 'react';
import { ExportControls } from '../exports/ExportControls';
import { OpenReportControl } from '../exports/OpenReportControl';
import { CopyLinkButton } from './CopyLinkButton';
import { SettingsFileControls } from './SettingsFileControls';

export function SharePanel() {
  const headingId = useId();
  return (
    <section className="panel share-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>Share</h2>
      <p className="panel-note">The address bar always holds these settings: the link opens this same experiment, seed included.</p>
      <CopyLinkButton />
      <SettingsFileControls />
      <ExportControls />
      <OpenReportControl />
    </section>
  );
}
