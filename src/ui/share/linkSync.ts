/**
 * Keeps the address bar on the current experiment: every settings change of any run, and every change of page
 * (one run or a comparison, a run added or removed), rewrites the hash with history.replaceState (no reload, no new history entry); a
 * hash edited by hand in the address bar (which fires hashchange, not a reload) opens what it describes.
 */
import { decodeConfig } from '../../core/urlCodec';
import { type LabPage, type PageController, pageConfigs } from '../page/pageController';
import { setLocale } from '../../i18n/locale';
import { renderNotice } from '../../i18n/notices';
import { LANG_KEY, linkLocale, readLangKey } from '../language/pageLanguage';
import { pageKeys, readRuns } from '../urlConfig';
import { shareUrl } from './shareUrl';

/** Starts syncing; returns the function that stops it. */
export function startLinkSync(pages: PageController): () => void {
  const write = (): void => {
    const { page } = pages;
    const next = shareUrl(window.location.href, pageConfigs(page));
    if (next !== window.location.href) window.history.replaceState(window.history.state, '', next);
  };
  // The link holds the settings of every run on the page; a new page, or a run added or removed, has new ones to follow.
  let stopFollowing = (): void => {};
  const follow = (page: LabPage): void => {
    stopFollowing();
    const stops = page.labs.map(({ store }) =>
      store.subscribe((state, previous) => {
        if (state.config !== previous.config) write();
      }),
    );
    stopFollowing = () => stops.forEach((stop) => stop());
    write();
  };
  const onHashChange = (): void => {
    // A language named in the edited link applies first, so that the notices about the rest are written in it.
    const lang = linkLocale(window.location.hash);
    if (lang) setLocale(lang);
    const decoded = decodeConfig(window.location.hash, pageKeys);
    const { pageParams } = decoded;
    const notices = decoded.notices.map(renderNotice);
    readLangKey(pageParams.get(LANG_KEY), notices);
    pages.openLink({ configs: readRuns(pageParams.get('compare'), decoded, notices), notices, autoplay: false });
    // A hand-edited hash may name a setting twice or spell it oddly: show its canonical form.
    write();
  };
  // The opening link, possibly hand-written or hostile, is replaced by its canonical, safe form.
  follow(pages.page);
  const stopPages = pages.subscribe(follow);
  window.addEventListener('hashchange', onHashChange);
  return () => {
    stopFollowing();
    stopPages();
    window.removeEventListener('hashchange', onHashChange);
  };
}
