/**
 * Keeps the address bar on the current experiment: every settings change rewrites the hash with
 * history.replaceState (no reload, no new history entry), and a hash edited by hand in the address bar
 * (which fires hashchange, not a reload) loads the experiment it describes.
 */
import { decodeConfig } from '../../core/urlCodec';
import { addNotices, type LabStore } from '../store';
import type { TrainingClient } from '../trainingClient';
import { pageKeys } from '../urlConfig';
import { shareUrl } from './shareUrl';

/** Starts syncing; returns the function that stops it. */
export function startLinkSync(store: LabStore, client: TrainingClient): () => void {
  const write = (): void => {
    const next = shareUrl(window.location.href, store.getState().config);
    if (next !== window.location.href) window.history.replaceState(window.history.state, '', next);
  };
  const onHashChange = (): void => {
    const { config, notices } = decodeConfig(window.location.hash, pageKeys);
    addNotices(store, notices);
    client.load(config, { start: false });
    // A hand-edited hash may name a setting twice or spell it oddly: show its canonical form.
    write();
  };
  // The opening link, possibly hand-written or hostile, is replaced by its canonical, safe form.
  write();
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.config !== previous.config) write();
  });
  window.addEventListener('hashchange', onHashChange);
  return () => {
    unsubscribe();
    window.removeEventListener('hashchange', onHashChange);
  };
}
