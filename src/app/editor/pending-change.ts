import type { Report } from '../../core/report';

// A change another page asks to make to a draft (the 汇总 page refreshing a county draft's tables): applied
// by the editor when it opens the draft, as one undo step, so the clerk sees it and can undo it.

export type PendingChange = { change: (report: Report) => Report; label: string };

const pending = new Map<string, PendingChange>();

export function queueChange(draftId: string, change: PendingChange): void {
  pending.set(draftId, change);
}

/** The change waiting for this draft, taken (each is applied once). */
export function takeChange(draftId: string): PendingChange | undefined {
  const change = pending.get(draftId);
  pending.delete(draftId);
  return change;
}
