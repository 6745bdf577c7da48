/**
 * The page's keyboard shortcuts: one table that both the key handler and the help dialog read, and the rule
 * for when a key is a shortcut. A shortcut never fires while the reader types in a field or picks in a
 * list, Space is left to a focused button or switch (which it presses), and the arrows to a focused slider
 * or the sphere (which they turn).
 */

export type ShortcutAction = 'startPause' | 'step' | 'reset' | 'timelineBack' | 'timelineForward' | 'help';

export interface ShortcutEntry {
  /** The keys as the help dialog shows them. */
  keys: readonly string[];
  does: string;
}

export const pageShortcuts: readonly (ShortcutEntry & { action: ShortcutAction })[] = [
  { action: 'startPause', keys: ['Space'], does: 'Start or pause training' },
  { action: 'step', keys: ['S'], does: 'Train one step (while paused)' },
  { action: 'reset', keys: ['R'], does: 'Reset the run' },
  { action: 'timelineBack', keys: ['←'], does: 'Timeline: the previous snapshot' },
  { action: 'timelineForward', keys: ['→'], does: 'Timeline: the next snapshot (the last one follows the run live)' },
  { action: 'help', keys: ['?'], does: 'Show these shortcuts' },
];

/** The sphere's own keys, while it has focus (see keyboardOrbit.ts), and the point card's. */
export const sphereShortcuts: readonly ShortcutEntry[] = [
  { keys: ['←', '→', '↑', '↓'], does: 'Turn the sphere' },
  { keys: ['+', '−'], does: 'Zoom in and out' },
  { keys: ['0'], does: 'Back to the first view' },
  { keys: ['Esc'], does: 'Close the point card' },
];

/** What the focused element does with keys itself. */
export interface FocusTraits {
  /** A text field, a number field or a drop-down: every key is the reader's. */
  typing: boolean;
  /** A button, switch, link or disclosure: Space presses it. */
  ownsSpace: boolean;
  /** A slider or the sphere: the arrows move it. */
  ownsArrows: boolean;
  /** Inside a dialog, which handles its own keys. */
  inDialog: boolean;
}

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  /** Held down: Start/Pause, Step and Reset fire once per press, not once per repeat. */
  repeat: boolean;
}

export function shortcutFor(press: KeyPress, focus: FocusTraits): ShortcutAction | null {
  if (press.ctrlKey || press.altKey || press.metaKey || focus.typing || focus.inDialog) return null;
  switch (press.key) {
    case '?':
      return 'help';
    case ' ':
      return focus.ownsSpace || press.repeat ? null : 'startPause';
    case 's':
    case 'S':
      return press.repeat ? null : 'step';
    case 'r':
    case 'R':
      return press.repeat ? null : 'reset';
    case 'ArrowLeft':
      return focus.ownsArrows ? null : 'timelineBack';
    case 'ArrowRight':
      return focus.ownsArrows ? null : 'timelineForward';
    default:
      return null;
  }
}

/** Input types that take no typing: a key pressed on them may be a shortcut. */
const PRESSABLE_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'color', 'image']);

/** How the element with focus treats keys (the body or nothing: not at all). */
export function focusTraits(element: Element | null): FocusTraits {
  const traits: FocusTraits = { typing: false, ownsSpace: false, ownsArrows: false, inDialog: false };
  if (element === null) return traits;
  traits.inDialog = element.closest('dialog') !== null;
  const role = element.getAttribute('role');
  if (element instanceof HTMLInputElement) {
    if (element.type === 'range') traits.ownsArrows = true;
    else if (PRESSABLE_INPUTS.has(element.type)) traits.ownsSpace = true;
    else traits.typing = true;
  } else if (element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement || (element as HTMLElement).isContentEditable) {
    traits.typing = true;
  } else if (element.matches('button, a[href], summary') || ['button', 'switch', 'checkbox', 'link', 'tab'].includes(role ?? '')) {
    traits.ownsSpace = true;
  }
  if (role === 'application' || role === 'slider') traits.ownsArrows = true;
  return traits;
}
