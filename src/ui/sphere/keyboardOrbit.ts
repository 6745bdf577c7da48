/** Keyboard navigation of the sphere view: arrows rotate, +/- zoom, 0 resets the camera. */

export type OrbitKeyAction =
  | { kind: 'rotate'; left: number; up: number }
  | { kind: 'zoom'; scale: number }
  | { kind: 'reset' };

const ROTATE_STEP = Math.PI / 24;
const ZOOM_STEP = 1.15;

/** The action for a KeyboardEvent.key, or null for keys the view leaves alone. */
export function orbitKeyAction(key: string): OrbitKeyAction | null {
  switch (key) {
    case 'ArrowLeft':
      return { kind: 'rotate', left: ROTATE_STEP, up: 0 };
    case 'ArrowRight':
      return { kind: 'rotate', left: -ROTATE_STEP, up: 0 };
    case 'ArrowUp':
      return { kind: 'rotate', left: 0, up: ROTATE_STEP };
    case 'ArrowDown':
      return { kind: 'rotate', left: 0, up: -ROTATE_STEP };
    case '+':
    case '=': // the unshifted "+" key on many layouts
      return { kind: 'zoom', scale: ZOOM_STEP };
    case '-':
    case '_':
      return { kind: 'zoom', scale: 1 / ZOOM_STEP };
    case '0':
      return { kind: 'reset' };
    default:
      return null;
  }
}
