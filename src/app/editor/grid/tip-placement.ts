import { useEffect, type RefObject } from 'react';

// A cell's tip opens below it, right-aligned; near the bottom of what is in view (the last rows, a short
// screen at 125 %) it opens above, and near the left edge it opens to the right, so it never runs out of the
// view or out of the grid's box (which clips what leaves it). Decided when the cell is hovered or focused,
// on the DOM directly: no React render per hover.

/** Room a tip of three or four lines needs, and its width (22em of 12 px, app.css). */
const TIP_HEIGHT = 150;
const TIP_WIDTH = 264;

function place(cell: HTMLElement, box: HTMLElement): void {
  const rect = cell.getBoundingClientRect();
  const view = box.getBoundingClientRect();
  const pane = box.closest('.editor-content')?.getBoundingClientRect();
  const bottom = Math.min(window.innerHeight, view.bottom, pane?.bottom ?? Infinity);
  const top = Math.max(0, view.top, pane?.top ?? 0);
  const above = bottom - rect.bottom < TIP_HEIGHT && rect.top - top > bottom - rect.bottom;
  cell.classList.toggle('tip-above', above);
  cell.classList.toggle('tip-rightward', rect.right - TIP_WIDTH < Math.max(view.left, pane?.left ?? 0));
}

export function useTipPlacement(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    const onEnter = (e: Event) => {
      const cell = e.target instanceof Element ? e.target.closest<HTMLElement>('.cell') : null;
      // Placed whether or not the cell has a tip yet: typing may give it one.
      if (cell) place(cell, box);
    };
    // On focus (Tab, arrows, Enter) in the next frame: measuring inside the keystroke would lay the page out twice.
    const onFocus = (e: Event) => window.requestAnimationFrame?.(() => onEnter(e));
    box.addEventListener('focusin', onFocus);
    box.addEventListener('mouseover', onEnter);
    return () => {
      box.removeEventListener('focusin', onFocus);
      box.removeEventListener('mouseover', onEnter);
    };
  }, [ref]);
}
