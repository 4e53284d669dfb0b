// Undo and redo over whole snapshots of an immutable value (the report). Snapshots share everything that did
// not change, so a step costs about one copy of the changed slice.

type Step<T> = { label: string; before: T; after: T; mergeKey: string | undefined };

/** What the undo and redo buttons show. */
export type HistoryState = { undo: string | undefined; redo: string | undefined; steps: number };

/** Several times the steps of filling a whole report (about 200 cells and the text); the oldest go first. */
export const HISTORY_LIMIT = 2000;

export class History<T> {
  private done: Step<T>[] = [];
  private undone: Step<T>[] = [];
  private open: { label: string; before: T; depth: number } | undefined;
  /** The last step may still take the next keystroke of the same field. */
  private mergeable = false;
  private snapshot: HistoryState = { undo: undefined, redo: undefined, steps: 0 };

  state(): HistoryState {
    const undo = this.done.at(-1)?.label;
    const redo = this.undone.at(-1)?.label;
    const s = this.snapshot;
    if (s.undo !== undo || s.redo !== redo || s.steps !== this.done.length) this.snapshot = { undo, redo, steps: this.done.length };
    return this.snapshot;
  }

  /** Records a change from `before` to `after`. Inside a transaction it only joins the open step. */
  push(label: string, mergeKey: string | undefined, before: T, after: T): void {
    if (this.open) return;
    this.undone = [];
    const last = this.done.at(-1);
    if (mergeKey !== undefined && this.mergeable && last?.mergeKey === mergeKey) {
      last.after = after;
      return;
    }
    this.done.push({ label, before, after, mergeKey });
    if (this.done.length > HISTORY_LIMIT) this.done.shift();
    this.mergeable = mergeKey !== undefined;
  }

  begin(label: string, current: T): void {
    if (this.open) this.open.depth++;
    else this.open = { label, before: current, depth: 1 };
  }

  end(current: T): void {
    const open = this.open;
    if (!open) return;
    if (--open.depth > 0) return;
    this.open = undefined;
    if (current !== open.before) this.push(open.label, undefined, open.before, current);
  }

  /**
   * Drops the last step when it is the run of `mergeKey` and `unchanged(before, after)`: typing that ends where
   * it began (Esc putting a cell's value back) leaves nothing to undo. True when a step was dropped.
   */
  dropIfUnchanged(mergeKey: string, unchanged: (before: T, after: T) => boolean): boolean {
    const last = this.done.at(-1);
    if (this.open || last?.mergeKey !== mergeKey || !unchanged(last.before, last.after)) return false;
    this.done.pop();
    this.mergeable = false;
    return true;
  }

  checkpoint(): void {
    this.mergeable = false;
  }

  /** The value to go back to, or undefined. `current` must be the value after the last step. */
  undo(current: T): { report: T; label: string } | undefined {
    const step = this.done.pop();
    if (!step) return undefined;
    step.after = current;
    this.undone.push(step);
    this.mergeable = false;
    return { report: step.before, label: step.label };
  }

  redo(current: T): { report: T; label: string } | undefined {
    const step = this.undone.pop();
    if (!step) return undefined;
    step.before = current;
    this.done.push(step);
    this.mergeable = false;
    return { report: step.after, label: step.label };
  }
}
