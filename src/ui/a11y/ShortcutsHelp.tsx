/**
 * The page's keyboard shortcuts (see shortcuts.ts) and their help: a "Keyboard shortcuts" button that opens a
 * modal dialog listing them, also opened by "?". The dialog is the browser's own modal <dialog>: the page
 * behind it is inert, Escape closes it, and focus returns to where it was. Tab cycles within it (the browser
 * alone would let it out to its own toolbar).
 */
import { type KeyboardEvent as ReactKeyboardEvent, useEffect, useId, useRef } from 'react';
import type { Lab } from '../labContext';
import { usePage } from '../page/pageControllerContext';
import { resetRuns, startOrPause, stepOnce } from '../page/runCommands';
import { shortcutTables } from '../language/tables';
import { useMessages } from '../language/useMessages';
import { focusTraits, type ShortcutAction, type ShortcutEntry, shortcutFor } from './shortcuts';

function runShortcut(action: Exclude<ShortcutAction, 'help'>, labs: readonly Lab[]): void {
  switch (action) {
    case 'startPause':
      return startOrPause(labs);
    case 'step':
      return stepOnce(labs);
    case 'reset':
      return resetRuns(labs);
    case 'timelineBack':
      return labs.forEach(({ client }) => client.recorder.timeline.moveBy(-1));
    case 'timelineForward':
      return labs.forEach(({ client }) => client.recorder.timeline.moveBy(1));
  }
}

/** Keeps Tab and Shift+Tab on the dialog's controls, wrapping at either end. */
function keepTabInside(event: ReactKeyboardEvent<HTMLDialogElement>): void {
  if (event.key !== 'Tab') return;
  const controls = [...event.currentTarget.querySelectorAll<HTMLElement>('button, [href], input, select, [tabindex="0"]')];
  const first = controls[0];
  const last = controls.at(-1);
  if (!first || !last) return;
  const leaving = event.shiftKey ? document.activeElement === first : document.activeElement === last;
  if (!leaving) return;
  event.preventDefault();
  (event.shiftKey ? last : first).focus();
}

function ShortcutList({ caption, entries }: { caption: string; entries: readonly ShortcutEntry[] }) {
  return (
    <table className="shortcut-table">
      <caption>{caption}</caption>
      <tbody>
        {entries.map(({ keys, does }) => (
          <tr key={does}>
            <th scope="row">
              {keys.map((key) => (
                <kbd key={key}>{key}</kbd>
              ))}
            </th>
            <td>{does}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ShortcutsHelp() {
  const m = useMessages().a11y;
  const shortcuts = shortcutTables();
  const { labs } = usePage();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const returnFocusTo = useRef<HTMLElement | null>(null);
  const titleId = useId();

  const open = (): void => {
    const dialog = dialogRef.current;
    if (!dialog || dialog.open) return;
    returnFocusTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
  };

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented) return;
      const action = shortcutFor(event, focusTraits(document.activeElement));
      if (action === null) return;
      event.preventDefault(); // Space would scroll the page, the arrows too
      if (action === 'help') open();
      else runShortcut(action, labs);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [labs]);

  return (
    <>
      <button type="button" className="shortcuts-button" aria-haspopup="dialog" onClick={open}>
        <span aria-hidden="true">⌨</span> {m.shortcutsButton}
      </button>
      <dialog
        ref={dialogRef}
        className="shortcuts-dialog"
        aria-labelledby={titleId}
        onKeyDown={keepTabInside}
        onClose={() => {
          returnFocusTo.current?.focus();
          returnFocusTo.current = null;
        }}
      >
        <h2 id={titleId}>{m.shortcutsTitle}</h2>
        <ShortcutList caption={m.pageCaption} entries={shortcuts.page} />
        <ShortcutList caption={m.sphereCaption} entries={shortcuts.sphere} />
        <p className="muted">{m.tabNote}</p>
        <form method="dialog">
          <button type="submit" className="primary">
            {m.close}
          </button>
        </form>
      </dialog>
    </>
  );
}
