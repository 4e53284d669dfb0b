// The editor's keyboard shortcuts, as pure predicates so they are tested without a browser.

type Keys = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey' | 'isComposing'>;

const command = (e: Keys) => (e.ctrlKey || e.metaKey) && !e.altKey && !e.isComposing;

export const isUndoKey = (e: Keys): boolean => command(e) && !e.shiftKey && e.key.toLowerCase() === 'z';

export const isRedoKey = (e: Keys): boolean => command(e) && ((e.shiftKey && e.key.toLowerCase() === 'z') || (!e.shiftKey && e.key.toLowerCase() === 'y'));

/** Alt+J: between the place being filled in and the findings panel. */
export const isFindingsToggleKey = (e: Keys): boolean => e.altKey && !e.ctrlKey && !e.metaKey && !e.isComposing && e.key.toLowerCase() === 'j';

export const FINDINGS_TOGGLE_KEYS = 'Alt+J';
