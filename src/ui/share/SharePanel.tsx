/** Sharing the experiment: its link, its settings as a file, the run's exports, and opening a saved run. */
import { useId } from 'react';
import { ExportControls } from '../exports/ExportControls';
import { OpenReportControl } from '../exports/OpenReportControl';
import { useMessages } from '../language/useMessages';
import { CopyLinkButton } from './CopyLinkButton';
import { SettingsFileControls } from './SettingsFileControls';

export function SharePanel() {
  const m = useMessages();
  const headingId = useId();
  return (
    <section className="panel share-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{m.share.heading}</h2>
      <p className="panel-note">{m.share.note}</p>
      <CopyLinkButton />
      <SettingsFileControls />
      <ExportControls />
      <OpenReportControl />
    </section>
  );
}
