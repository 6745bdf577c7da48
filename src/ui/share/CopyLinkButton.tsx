/**
 * Copies the link to the current experiment. Where the clipboard is not available (an insecure page, a
 * refused permission) it shows the link in a read-only field, selected, ready for Ctrl+C.
 */
import { useEffect, useRef, useState } from 'react';
import { useMessages } from '../language/useMessages';
import { pageConfigs } from '../page/pageController';
import { usePage } from '../page/pageControllerContext';
import { shareUrl } from './shareUrl';

const COPIED_SHOWN_MS = 2000;

type CopyState = 'idle' | 'copied' | 'manual';

export function CopyLinkButton() {
  const m = useMessages();
  const page = usePage();
  const [state, setState] = useState<CopyState>('idle');
  const [link, setLink] = useState('');
  const fieldRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (state === 'manual') fieldRef.current?.select();
    if (state !== 'copied') return undefined;
    const timer = setTimeout(() => setState('idle'), COPIED_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = async (): Promise<void> => {
    // Every run's settings as they are now (one run, or each of a comparison's).
    const link = shareUrl(window.location.href, pageConfigs(page));
    setLink(link);
    try {
      await navigator.clipboard.writeText(link);
      setState('copied');
    } catch {
      setState('manual');
    }
  };

  return (
    <div className="copy-link">
      <button type="button" onClick={() => void copy()}>
        {state === 'copied' ? m.share.copied : m.share.copyLink}
      </button>
      <span className="visually-hidden" aria-live="polite">
        {state === 'copied' ? m.share.copiedAnnounced : ''}
      </span>
      {state === 'manual' ? (
        <div className="copy-link-manual">
          <input ref={fieldRef} type="text" readOnly value={link} aria-label={m.share.linkField} onFocus={(event) => event.target.select()} />
          <p className="panel-note">{m.share.clipboardMissing}</p>
        </div>
      ) : null}
    </div>
  );
}
