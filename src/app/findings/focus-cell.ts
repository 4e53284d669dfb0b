// Finding → cell: the grid input of a cell has a stable DOM id.

export const cellDomId = (key: string): string => `cell-${key}`;

/** Focuses a cell once its part has rendered (the caller may just have switched parts). */
export function focusCellWhenShown(key: string, tries = 30): void {
  const el = document.getElementById(cellDomId(key));
  if (el instanceof HTMLElement) {
    el.focus();
    el.scrollIntoView?.({ block: 'center', inline: 'nearest' });
    return;
  }
  if (tries > 0) setTimeout(() => focusCellWhenShown(key, tries - 1), 20);
}
