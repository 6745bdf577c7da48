import { describe, expect, it } from 'vitest';
import { type FocusTraits, type KeyPress, pageShortcuts, shortcutFor } from './shortcuts';

const nothing: FocusTraits = { typing: false, ownsSpace: false, ownsArrows: false, inDialog: false };
const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({ key, ctrlKey: false, altKey: false, metaKey: false, repeat: false, ...extra });

describe('shortcutFor', () => {
  it('maps the listed keys to their actions when nothing with keys of its own has focus', () => {
    expect(shortcutFor(press(' '), nothing)).toBe('startPause');
    expect(shortcutFor(press('s'), nothing)).toBe('step');
    expect(shortcutFor(press('S'), nothing)).toBe('step');
    expect(shortcutFor(press('r'), nothing)).toBe('reset');
    expect(shortcutFor(press('ArrowLeft'), nothing)).toBe('timelineBack');
    expect(shortcutFor(press('ArrowRight'), nothing)).toBe('timelineForward');
    expect(shortcutFor(press('?'), nothing)).toBe('help');
    expect(shortcutFor(press('x'), nothing)).toBeNull();
    // Every action has its line in the help.
    expect(new Set(pageShortcuts.map((entry) => entry.action)).size).toBe(6);
  });

  it('never fires while typing, inside a dialog, or with a browser modifier', () => {
    for (const key of [' ', 's', 'r', 'ArrowLeft', '?']) {
      expect(shortcutFor(press(key), { ...nothing, typing: true })).toBeNull();
      expect(shortcutFor(press(key), { ...nothing, inDialog: true })).toBeNull();
      expect(shortcutFor(press(key, { ctrlKey: true }), nothing)).toBeNull();
      expect(shortcutFor(press(key, { metaKey: true }), nothing)).toBeNull();
    }
  });

  it('leaves Space to a focused button and the arrows to a focused slider or the sphere', () => {
    expect(shortcutFor(press(' '), { ...nothing, ownsSpace: true })).toBeNull();
    expect(shortcutFor(press('s'), { ...nothing, ownsSpace: true })).toBe('step');
    expect(shortcutFor(press('ArrowRight'), { ...nothing, ownsSpace: true })).toBe('timelineForward');
    expect(shortcutFor(press('ArrowLeft'), { ...nothing, ownsArrows: true })).toBeNull();
    expect(shortcutFor(press(' '), { ...nothing, ownsArrows: true })).toBe('startPause');
  });

  it('fires Start/Pause, Step and Reset once per press, not per key repeat', () => {
    for (const key of [' ', 's', 'r']) expect(shortcutFor(press(key, { repeat: true }), nothing)).toBeNull();
    expect(shortcutFor(press('ArrowLeft', { repeat: true }), nothing)).toBe('timelineBack');
  });
});
