/**
 * Embed mode (`embed=1`): only the sphere and its Start/Pause button, for an iframe on a course page.
 * Errors and notices still show, so a broken or corrected link never fails silently.
 */
import { LiveAnnouncer } from '../a11y/LiveAnnouncer';
import { ErrorBanner } from '../components/ErrorBanner';
import { Legend } from '../components/Legend';
import { NoticeBox } from '../components/NoticeBox';
import { StartPauseButton } from '../components/StartPauseButton';
import { SphereCanvas } from '../sphere/SphereCanvas';
import { useMessages } from '../language/useMessages';

export function EmbedApp() {
  const m = useMessages();
  return (
    <main className="embed-app" aria-label={m.page.title}>
      <div className="messages">
        <ErrorBanner />
        <NoticeBox />
      </div>
      <div className="sphere-stage">
        <SphereCanvas />
        <Legend />
      </div>
      <LiveAnnouncer />
      <div className="embed-bar">
        <StartPauseButton />
      </div>
    </main>
  );
}
