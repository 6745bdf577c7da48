/** "Open run report" reads a report file and replays it, with the same care as a settings import. */
import { type ChangeEvent, useState } from 'react';
import { useMessages } from '../language/useMessages';
import { useLab, useLabContext } from '../labContext';
import { addNotices } from '../store';
import { readRunReport } from '../../train/runReport';

export function OpenReportControl() {
  const m = useMessages();
  const { store, client } = useLabContext();
  // A report replaces the worker's run: one opened while the worker starts is shown once it is ready; a crashed
  // worker has none to replace until Restart.
  const usable = useLab((state) => state.status !== 'error');
  const replaying = useLab((state) => state.replay !== null);
  const [result, setResult] = useState<'opened' | 'rejected' | null>(null);

  const open = async (event: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const input = event.target;
    const file = input.files?.[0];
    // Cleared so that choosing the same file again opens it again.
    input.value = '';
    if (!file) return;
    const { report, notices } = await readRunReport(file);
    addNotices(store, notices);
    setResult(report !== null && client.replay(report) ? 'opened' : 'rejected');
  };
  // "Opened" holds only while the report is on show: a Reset, an import or a changed setting ends it.
  const note =
    result === 'rejected' ? m.exports.reportRejected : result === 'opened' && replaying ? m.exports.reportOpened : '';

  return (
    <div className="open-report">
      <label className={`file-button${usable ? '' : ' file-button-disabled'}`}>
        {m.exports.openReport}
        <input type="file" accept=".json,application/json" className="visually-hidden" disabled={!usable} onChange={(event) => void open(event)} />
      </label>
      <p className="panel-note" aria-live="polite">
        {note}
      </p>
    </div>
  );
}
