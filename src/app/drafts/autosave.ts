import type { Report } from '../../core/report';
import { firstSaveFailure, knownRevision, saveDraftFinal, saveDraftIfUnchanged, storageErrorText, type Draft, type SaveOutcome } from './draft-storage';

// Saves the open report shortly after every change and at once when the page is hidden or closed.
// When another tab saved the same draft, nothing is written until the clerk chooses whose version stays.

export type Conflict = { revision: number; savedAt: string };
export type SaveStatus =
  | { state: 'saved'; at: string }
  | { state: 'pending' }
  | { state: 'failed'; reason: string }
  | { state: 'conflict'; theirs: Conflict; unsaved: boolean };

export const SAVE_DELAY_MS = 300;

/** Writes one draft starting from `baseRevision`; a plain writer (tests) that returns nothing counts as saved. */
// biome-ignore lint/suspicious/noConfusingVoidType: a writer that says nothing (async, no return) saved without conflict.
export type DraftWriter = (draft: Draft, baseRevision: number) => Promise<SaveOutcome | void>;

const CHANNEL = 'nianbao-drafts';
type SavedMessage = { type: 'saved'; id: string; revision: number; savedAt: string; tab: string };
const tabId = Math.random().toString(36).slice(2);

export class Autosaver {
  private pending: Report | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private writing: Promise<void> = Promise.resolve();
  private status: SaveStatus;
  private revision: number;
  private discarded = false;
  private channel: BroadcastChannel | undefined;
  private readonly listeners = new Set<() => void>();
  /** The write used when the page goes away: no read-before-write that an unloading page could not finish. */
  private readonly saveFinal: DraftWriter;

  constructor(
    private readonly id: string,
    savedAt: string,
    private readonly save: DraftWriter = saveDraftIfUnchanged,
    revision: number = knownRevision(id),
  ) {
    this.saveFinal = save === saveDraftIfUnchanged ? (draft, base) => saveDraftFinal(draft, base + 1) : save;
    // A draft that never reached storage is not shown as saved.
    const failure = firstSaveFailure(id);
    this.status = failure ? { state: 'failed', reason: failure } : { state: 'saved', at: savedAt };
    this.revision = revision;
  }

  getStatus = (): SaveStatus => this.status;

  /** Listening also opens the channel on which other tabs announce their saves, and watches for the page going away. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    if (this.listeners.size === 1) {
      this.openChannel();
      window.addEventListener('beforeunload', this.flushFinal);
      window.addEventListener('pagehide', this.flushFinal);
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) {
        this.closeChannel();
        window.removeEventListener('beforeunload', this.flushFinal);
        window.removeEventListener('pagehide', this.flushFinal);
      }
    };
  };

  schedule(report: Report): void {
    if (this.discarded) return;
    this.pending = report;
    if (this.status.state === 'conflict') {
      this.setStatus({ ...this.status, unsaved: true });
      return;
    }
    // Only a change of state notifies: typing would otherwise re-render the status bar on every key.
    if (this.status.state !== 'failed' && this.status.state !== 'pending') this.setStatus({ state: 'pending' });
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), SAVE_DELAY_MS);
  }

  /** Writes the latest change now; resolves when it is stored (or has failed or met a conflict, visibly). */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    if (this.status.state === 'conflict' || this.discarded) return this.writing;
    const report = this.pending;
    this.pending = undefined;
    if (!report) return this.writing;
    this.writing = this.writing.then(() => this.write(report));
    return this.writing;
  }

  /**
   * The page is being closed or reloaded: the pending change is written at once, without waiting for an
   * earlier write. Other tabs' saves were announced on the channel, so a known conflict still writes nothing.
   */
  flushFinal = (): void => {
    clearTimeout(this.timer);
    if (this.status.state === 'conflict' || this.discarded || !this.pending) return;
    const report = this.pending;
    this.pending = undefined;
    const savedAt = new Date().toISOString();
    const base = this.revision;
    this.revision = base + 1;
    const done = this.saveFinal({ id: this.id, report, savedAt }, base).then(
      () => {
        this.announce(savedAt);
        this.setStatus({ state: 'saved', at: savedAt });
      },
      (e: unknown) => {
        this.revision = base;
        this.pending ??= report;
        this.setStatus({ state: 'failed', reason: storageErrorText(e) });
      },
    );
    this.writing = Promise.all([this.writing, done]).then(() => undefined);
  };

  /** The clerk keeps this tab's version: written over the other tab's save. */
  keepMine(report: Report): Promise<void> {
    if (this.status.state !== 'conflict') return this.flush();
    this.revision = this.status.theirs.revision;
    this.pending = report;
    this.setStatus({ state: 'pending' });
    return this.flush();
  }

  /** The clerk takes the other tab's version: this tab's changes are dropped and never written. */
  discard(): void {
    clearTimeout(this.timer);
    this.pending = undefined;
    this.discarded = true;
  }

  private async write(report: Report): Promise<void> {
    const savedAt = new Date().toISOString();
    try {
      const outcome = await this.save({ id: this.id, report, savedAt }, this.revision);
      if (outcome && !outcome.saved) {
        this.pending ??= report;
        this.setStatus({ state: 'conflict', theirs: outcome.theirs, unsaved: true });
        return;
      }
      this.revision = outcome ? outcome.revision : this.revision + 1;
      this.announce(savedAt);
      if (this.status.state === 'conflict') return;
      this.setStatus(this.pending ? { state: 'pending' } : { state: 'saved', at: savedAt });
    } catch (e) {
      // Keep the report so the next change or flush tries again.
      this.pending ??= report;
      this.setStatus({ state: 'failed', reason: storageErrorText(e) });
    }
  }

  private announce(savedAt: string): void {
    const message: SavedMessage = { type: 'saved', id: this.id, revision: this.revision, savedAt, tab: tabId };
    try {
      this.channel?.postMessage(message);
      if (!this.channel && typeof BroadcastChannel !== 'undefined') {
        const once = new BroadcastChannel(CHANNEL);
        once.postMessage(message);
        once.close();
      }
    } catch {
      // Without the channel the revision check still stops an overwrite, only later.
    }
  }

  private openChannel(): void {
    if (this.channel || typeof BroadcastChannel === 'undefined') return;
    this.channel = new BroadcastChannel(CHANNEL);
    this.channel.onmessage = (e: MessageEvent<SavedMessage>) => {
      const m = e.data;
      if (m?.type !== 'saved' || m.id !== this.id || m.tab === tabId || m.revision <= this.revision) return;
      clearTimeout(this.timer);
      this.setStatus({ state: 'conflict', theirs: { revision: m.revision, savedAt: m.savedAt }, unsaved: this.pending !== undefined });
    };
  }

  private closeChannel(): void {
    this.channel?.close();
    this.channel = undefined;
  }

  private setStatus(status: SaveStatus): void {
    this.status = status;
    this.listeners.forEach((l) => l());
  }
}
