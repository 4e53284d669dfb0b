import type { Report } from '../../core/report';
import { saveDraft, storageErrorText } from './draft-storage';

// Saves the open report shortly after every change and at once when the page is hidden or closed.

export type SaveStatus = { state: 'saved'; at: string } | { state: 'pending' } | { state: 'failed'; reason: string };

export const SAVE_DELAY_MS = 300;

export class Autosaver {
  private pending: Report | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private writing: Promise<void> = Promise.resolve();
  private status: SaveStatus;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly id: string,
    savedAt: string,
    private readonly save: typeof saveDraft = saveDraft,
  ) {
    this.status = { state: 'saved', at: savedAt };
  }

  getStatus = (): SaveStatus => this.status;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  schedule(report: Report): void {
    this.pending = report;
    if (this.status.state !== 'failed') this.setStatus({ state: 'pending' });
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), SAVE_DELAY_MS);
  }

  /** Writes the latest change now; resolves when it is stored (or has failed visibly). */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    const report = this.pending;
    this.pending = undefined;
    if (!report) return this.writing;
    const savedAt = new Date().toISOString();
    this.writing = this.writing
      .then(() => this.save({ id: this.id, report, savedAt }))
      .then(
        () => this.setStatus(this.pending ? { state: 'pending' } : { state: 'saved', at: savedAt }),
        (e: unknown) => {
          // Keep the report so the next change or flush tries again.
          this.pending ??= report;
          this.setStatus({ state: 'failed', reason: storageErrorText(e) });
        },
      );
    return this.writing;
  }

  private setStatus(status: SaveStatus): void {
    this.status = status;
    this.listeners.forEach((l) => l());
  }
}
