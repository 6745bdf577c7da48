import { describe, expect, it } from 'vitest';
import { orbitKeyAction } from './keyboardOrbit';

describe('orbitKeyAction', () => {
  it('rotates with opposite arrows in opposite directions', () => {
    const left = orbitKeyAction('ArrowLeft');
    const right = orbitKeyAction('ArrowRight');
    expect(left).toMatchObject({ kind: 'rotate', up: 0 });
    expect(right).toEqual({ kind: 'rotate', left: -(left as { left: number }).left, up: 0 });
    expect(orbitKeyAction('ArrowUp')).toEqual({ kind: 'rotate', left: 0, up: -(orbitKeyAction('ArrowDown') as { up: number }).up });
  });

  it('zooms in with + (or =) and out by the same factor with -', () => {
    const zoomIn = orbitKeyAction('+') as { scale: number };
    expect(zoomIn.scale).toBeGreaterThan(1);
    expect(orbitKeyAction('=')).toEqual(zoomIn);
    expect((orbitKeyAction('-') as { scale: number }).scale).toBeCloseTo(1 / zoomIn.scale);
  });

  it('resets with 0 and leaves other keys alone', () => {
    expect(orbitKeyAction('0')).toEqual({ kind: 'reset' });
    expect(orbitKeyAction('a')).toBeNull();
    expect(orbitKeyAction('Tab')).toBeNull();
  });
});
