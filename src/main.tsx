/** Entry point: reads the startup settings from the URL, starts the page's worker(s) and renders the page. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { RunConfigs } from './core/urlCodec';
import { setLocale } from './i18n/locale';
import { followLanguageInDocument, openingLocale } from './ui/language/pageLanguage';
import { lighterForDevice, readDeviceTraits } from './ui/deviceDefaults';
import { PageController } from './ui/page/pageController';
import { loadKeptImages } from './ui/ownImages/imageStorage';
import { createOwnImagesStore } from './ui/ownImages/ownImagesStore';
import { PageRoot } from './ui/page/PageRoot';
import { startLinkSync } from './ui/share/linkSync';
import { applyPageModeClasses } from './ui/share/pageMode';
import { PageModeContext } from './ui/share/pageModeContext';
import { linkedKeys, linkText, readStartupSettings } from './ui/urlConfig';
import './ui/styles.css';

const { search, hash } = window.location;
// The language first: the notices about the link are written in it.
setLocale(openingLocale(linkText(search, hash), navigator.languages));
followLanguageInDocument();
const startup = readStartupSettings(search, hash);
const { pageMode } = startup;
const linked = linkedKeys(search, hash);
const traits = readDeviceTraits();
// Every run is made lighter alike; the notice is said once.
const [first, ...rest] = startup.runs.map((config) => lighterForDevice(config, linked, traits));
const notices = first!.notice === null ? startup.notices : [...startup.notices, first!.notice];
const configs: RunConfigs = [first!.config, ...rest.map(({ config }) => config)];
applyPageModeClasses(document.documentElement, pageMode);

// The images kept from an earlier visit come first: a link (or a reload) naming them trains on them.
void loadKeptImages().then((kept) => {
  // Created outside React so StrictMode's double effects never start two workers.
  const pages = new PageController({ backend: startup.backend, ownImages: createOwnImagesStore(kept) }, { configs, notices, autoplay: startup.autoplay });
  // An embedded sphere has no controls to change the settings, and its frame's address is not the reader's.
  if (!pageMode.embed) startLinkSync(pages);

  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <PageModeContext value={pageMode}>
        <PageRoot pages={pages} embed={pageMode.embed} />
      </PageModeContext>
    </StrictMode>,
  );
});
