/**
 * Says when the run collapses, fully or partly, and since which step. It is no live region: its words move
 * with the figures, and the LiveAnnouncer announces each verdict once per run instead.
 */
import { useStore } from 'zustand';
import { collapseMessage } from '../collapse/collapseMessage';
import { useRecorder } from '../history/hooks';
import { useMessages } from '../language/useMessages';

export function CollapseBanner() {
  useMessages(); // the words follow the language
  const { collapse } = useRecorder();
  const state = useStore(collapse.store, (status) => status.state);
  const headline = useStore(collapse.store, (status) => collapseMessage(status)?.headline ?? null);
  const evidence = useStore(collapse.store, (status) => collapseMessage(status)?.evidence ?? null);
  if (headline === null) return null;
  return (
    <div className={`banner banner-collapse banner-${state}`} data-testid="collapse-banner" data-state={state}>
      <p>
        <strong>{headline}</strong>
      </p>
      <p className="banner-evidence">{evidence}</p>
    </div>
  );
}
