import { describe, expect, it } from 'vitest';
import { placeBeside } from './cardPlacement';

describe('placeBeside', () => {
  it('puts the card below right of the pointer when it fits', () => {
    expect(placeBeside(100, 100, 200, 150, 800, 500, 10)).toEqual({ left: 110, top: 110 });
  });

  it('flips to the left or above when the card would leave the view', () => {
    expect(placeBeside(700, 400, 200, 150, 800, 500, 10)).toEqual({ left: 490, top: 240 });
  });

  it('stays inside the view when neither side has room', () => {
    expect(placeBeside(250, 250, 200, 450, 800, 500, 10)).toEqual({ left: 260, top: 46 });
    expect(placeBeside(5, 5, 200, 150, 150, 100, 10)).toEqual({ left: 4, top: 4 });
  });
});
