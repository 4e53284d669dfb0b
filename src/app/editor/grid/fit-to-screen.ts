import { useLayoutEffect, type RefObject } from 'react';

// The grid's scroll box ends at the bottom of the editor's content pane, so its horizontal scrollbar is on
// screen and its header rows can stick to its top. What stands above it (heading, hints, the paste line)
// varies in height with the window's width, so the box is measured rather than given a fixed height.

// Small enough that the box never runs past a short window (where app.css lets the pane scroll as one area).
const MIN_HEIGHT = 160;

export function useFitToScreen(ref: RefObject<HTMLElement | null>): void {
  useLayoutEffect(() => {
    const box = ref.current;
    const pane = box?.closest<HTMLElement>('.editor-content');
    if (!box || !pane) return;
    const fitHeight = () => {
      const top = box.getBoundingClientRect().top - pane.getBoundingClientRect().top + pane.scrollTop;
      // Down to the pane's bottom padding, so the pane itself has nothing to scroll: one scroll area, not two.
      const available = pane.clientHeight - top - parseFloat(getComputedStyle(pane).paddingBottom);
      box.style.maxHeight = `${Math.max(MIN_HEIGHT, Math.floor(available))}px`;
    };
    fitHeight();
    const observer = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(fitHeight);
    observer?.observe(pane);
    for (let el = box.previousElementSibling; el; el = el.previousElementSibling) observer?.observe(el);
    return () => observer?.disconnect();
  }, [ref]);
}
