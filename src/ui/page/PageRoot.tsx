/** Renders the page the controller shows: one run (the lab page, or the bare sphere when embedded) or a comparison. */
import { useSyncExternalStore } from 'react';
import { App } from '../App';
import { CompareApp } from '../compare/CompareApp';
import { LabContext } from '../labContext';
import { EmbedApp } from '../share/EmbedApp';
import type { PageController } from './pageController';
import { PageControllerContext } from './pageControllerContext';

export function PageRoot({ pages, embed }: { pages: PageController; embed: boolean }) {
  const page = useSyncExternalStore(pages.subscribe, pages.getPage);
  // Keyed by page: a new page starts with fresh components, none holding on to the old labs.
  return (
    <PageControllerContext value={pages}>
      {page.kind === 'compare' ? (
        <CompareApp key={page.id} page={page} />
      ) : (
        <LabContext key={page.id} value={page.lab}>
          {embed ? <EmbedApp /> : <App />}
        </LabContext>
      )}
    </PageControllerContext>
  );
}
