/** Where a card goes beside the pointer: below right by default, flipped to the side with room, always inside the view. */

export interface Placement {
  left: number;
  top: number;
}

const MARGIN = 4;

export function placeBeside(
  pointerX: number,
  pointerY: number,
  cardWidth: number,
  cardHeight: number,
  viewWidth: number,
  viewHeight: number,
  gap: number,
): Placement {
  const along = (pointer: number, size: number, view: number) => {
    const after = pointer + gap;
    const before = pointer - gap - size;
    const preferred = after + size <= view - MARGIN || before < MARGIN ? after : before;
    return Math.max(MARGIN, Math.min(preferred, view - size - MARGIN));
  };
  return { left: along(pointerX, cardWidth, viewWidth), top: along(pointerY, cardHeight, viewHeight) };
}
