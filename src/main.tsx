/** Entry point: reads the startup settings from the URL, starts the worker client and renders the page. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { LabContext } from './ui/labContext';
import { createLiveSnapshot } from './ui/liveSnapshot';
import { EmbedApp } from './ui/share/EmbedApp';
import { startLinkSync } from './ui/share/linkSync';
import { applyPageModeClasses } from './ui/share/pageMode';
import { PageModeContext } from './ui/share/pageModeContext';
import { createLabStore } from './ui/store';
import { TrainingClient } from './ui/trainingClient';
import { readStartupSettings } from './ui/urlConfig';
import './ui/styles.css';

const startup = readStartupSettings(window.location.search, window.location.hash);
const store = createLabStore(startup.config, startup.notices);
const live = createLiveSnapshot();
// Created outside React so StrictMode's double effects never start two workers.
const client = new TrainingClient(store, { forcedBackend: startup.forcedBackend, autoplay: startup.autoplay, live });
const lab = { store, client, live };
const { pageMode } = startup;
applyPageModeClasses(document.documentElement, pageMode);
// An embedded sphere has no controls to change the settings, and its frame's address is not the reader's.
if (!pageMode.embed) startLinkSync(store, client);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LabContext value={lab}>
      <PageModeContext value={pageMode}>{pageMode.embed ? <EmbedApp /> : <App />}</PageModeContext>
    </LabContext>
  </StrictMode>,
);
