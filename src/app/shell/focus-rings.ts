// A file picker is a hidden <input type=file> behind a button-like <label>. Chromium before 105 has no :has(),
// so the label cannot see its input's focus in CSS; this marks it instead, and the focus ring shows on the label.

export function markFocusedFilePickers(root: Document): () => void {
  const mark = (e: FocusEvent, on: boolean) => {
    const input = e.target;
    if (!(input instanceof HTMLInputElement) || input.type !== 'file') return;
    for (const label of input.labels ?? []) {
      if (on) label.setAttribute('data-focused', '');
      else label.removeAttribute('data-focused');
    }
  };
  const focusIn = (e: FocusEvent) => mark(e, true);
  const focusOut = (e: FocusEvent) => mark(e, false);
  root.addEventListener('focusin', focusIn);
  root.addEventListener('focusout', focusOut);
  return () => {
    root.removeEventListener('focusin', focusIn);
    root.removeEventListener('focusout', focusOut);
  };
}
