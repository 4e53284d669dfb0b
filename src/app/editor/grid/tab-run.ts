// Excel's habit: after Tab-ing across a row, Enter goes to the first column of the row below where the run
// of Tabs started. Tab here also moves past a computed total at the row's end into the next row; that wrap
// already took the clerk to the next row, so an Enter right after it stays on that row, never one further.

type Run = { start: string; startRow: number; wrapped: boolean };

let run: Run | undefined;

if (typeof document !== 'undefined') document.addEventListener('pointerdown', () => (run = undefined), { capture: true });

/** A Tab from `from` (on row `fromRow`) to `to` (on row `toRow`). */
export function tabbed(from: string, fromRow: number, to: string, toRow: number): void {
  const current = run ?? { start: from, startRow: fromRow, wrapped: false };
  run = toRow !== current.startRow ? { start: to, startRow: toRow, wrapped: true } : { ...current, wrapped: false };
}

/** Typing into the cell a Tab wrapped to: Enter then moves on from it as usual. */
export function typedInRun(): void {
  if (run?.wrapped) run = undefined;
}

/** Where Enter goes after the run (ending it): the row the run started on (`stay`) or the row below it (`below`); undefined without a run. */
export function endRun(): { from: string; stay: boolean } | undefined {
  const r = run;
  run = undefined;
  return r && { from: r.start, stay: r.wrapped };
}

export function cancelRun(): void {
  run = undefined;
}
