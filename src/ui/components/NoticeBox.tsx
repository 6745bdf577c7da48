/** Notices about ignored or corrected settings. Text from the URL is shown as plain text, never as HTML. */
import { useMessages } from '../language/useMessages';
import { useLab, useLabContext } from '../labContext';
import { dismissNotices } from '../store';

export function NoticeBox() {
  const m = useMessages();
  const { store } = useLabContext();
  const notices = useLab((state) => state.notices);
  if (notices.length === 0) return null;
  return (
    <section className="banner banner-notice" aria-label={m.notices.region}>
      <ul>
        {notices.map((notice) => (
          <li key={notice}>{notice}</li>
        ))}
      </ul>
      <button type="button" onClick={() => dismissNotices(store)}>
        {m.notices.dismiss}
      </button>
    </section>
  );
}
