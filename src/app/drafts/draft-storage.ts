import { createStore, del, entries, get, set, update, type UseStore } from 'idb-keyval';
import { validateReport, type Report } from '../../core/report';
import { reportSummary } from '../store/nav-summary';

// Drafts live in the browser's IndexedDB, one entry per report; nothing leaves the machine.
// Each entry carries a revision: a save names the revision it started from and is refused when another
// tab has saved since, so two tabs never silently overwrite each other.

export type Draft = { id: string; report: Report; savedAt: string; revision?: number };
/** A draft as the drafts list shows it: who and which year, when saved, how far, and its open errors and warnings. */
export type DraftSummary = {
  id: string;
  agency: string;
  year: number;
  savedAt: string;
  progress: { complete: number; partCount: number; errors: number; warnings: number };
};
/** A stored entry that does not hold a readable report: named, explained, and downloadable as it is. */
export type DamagedDraft = { id: string; name: string; reason: string; raw: string };
export type DraftListing = { drafts: DraftSummary[]; damaged: DamagedDraft[] };

/** The outcome of a save that checks the revision. */
export type SaveOutcome = { saved: true; revision: number } | { saved: false; theirs: { revision: number; savedAt: string } };

const CURRENT = 'current';
const DRAFT_PREFIX = 'draft:';

let db: UseStore | undefined;
const store = (): UseStore => (db ??= createStore('nianbao', 'drafts'));

/** The revision each draft had when this tab read or wrote it last. */
const knownRevisions = new Map<string, number>();
export const knownRevision = (id: string): number => knownRevisions.get(id) ?? 0;

export const newDraftId = (): string => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

export class DamagedDraftError extends Error {
  override name = 'DamagedDraftError';
  constructor(readonly damaged: DamagedDraft) {
    super(`草稿“${damaged.name}”已损坏（${damaged.reason}）`);
  }
}

/** Human-readable reason a storage call failed, for the warning banner. */
export function storageErrorText(error: unknown): string {
  if (error instanceof DamagedDraftError) return `${error.message}。可在“新建或打开报告”页的草稿列表中下载它的原始内容`;
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  if (name === 'QuotaExceededError') return '浏览器存储空间已满';
  if (typeof indexedDB === 'undefined') return '此浏览器不支持本地存储（IndexedDB）';
  return `浏览器拒绝了本地存储（${error instanceof Error ? error.message || name : String(error)}）`;
}

const revisionOf = (raw: unknown): number => {
  const r = typeof raw === 'object' && raw !== null ? (raw as { revision?: unknown }).revision : undefined;
  return typeof r === 'number' && Number.isInteger(r) && r >= 0 ? r : 0;
};

/** Drafts whose first save failed, with the reason: the editor must not claim they are saved. */
const unstored = new Map<string, string>();
export const firstSaveFailure = (id: string): string | undefined => unstored.get(id);

/** Writes a draft unconditionally (a new draft, or an explicit choice to overwrite). */
export async function saveDraft(draft: Draft): Promise<void> {
  const revision = draft.revision ?? knownRevision(draft.id) + 1;
  try {
    await set(DRAFT_PREFIX + draft.id, { id: draft.id, report: draft.report, savedAt: draft.savedAt, revision }, store());
  } catch (e) {
    unstored.set(draft.id, storageErrorText(e));
    throw e;
  }
  unstored.delete(draft.id);
  knownRevisions.set(draft.id, revision);
}

/**
 * Writes a draft only if the stored one is still at `baseRevision` (one IndexedDB transaction, so two
 * tabs cannot both pass the check). A draft deleted meanwhile is written again: nothing typed is lost.
 */
export async function saveDraftIfUnchanged(draft: Draft, baseRevision: number): Promise<SaveOutcome> {
  let outcome: SaveOutcome = { saved: true, revision: baseRevision + 1 };
  await update<unknown>(
    DRAFT_PREFIX + draft.id,
    (old) => {
      if (old !== undefined && revisionOf(old) !== baseRevision) {
        const savedAt = (old as { savedAt?: unknown }).savedAt;
        outcome = { saved: false, theirs: { revision: revisionOf(old), savedAt: typeof savedAt === 'string' ? savedAt : '' } };
        return old;
      }
      return { id: draft.id, report: draft.report, savedAt: draft.savedAt, revision: baseRevision + 1 };
    },
    store(),
  );
  if (outcome.saved) {
    knownRevisions.set(draft.id, outcome.revision);
    unstored.delete(draft.id);
  }
  return outcome;
}

/**
 * For a page being closed or reloaded: one put in its own transaction, committed at once, so nothing
 * waits on a page that may be gone a moment later. A conflict would have been announced already (see Autosaver).
 */
export async function saveDraftFinal(draft: Draft, revision: number): Promise<SaveOutcome> {
  await store()('readwrite', (objects) => {
    objects.put({ id: draft.id, report: draft.report, savedAt: draft.savedAt, revision }, DRAFT_PREFIX + draft.id);
    const tx = objects.transaction;
    // commit() (Chromium 76+) ends the transaction without another round trip to the page.
    (tx as IDBTransaction & { commit?: () => void }).commit?.();
    return new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onabort = tx.onerror = () => reject(tx.error ?? new Error('写入被中止'));
    });
  });
  knownRevisions.set(draft.id, revision);
  unstored.delete(draft.id);
  return { saved: true, revision };
}

/** The draft, undefined when there is none; throws DamagedDraftError when the entry cannot be read as a report. */
export async function loadDraft(id: string): Promise<Draft | undefined> {
  const raw = await get<unknown>(DRAFT_PREFIX + id, store());
  if (raw === undefined) return undefined;
  const read = readDraft(id, raw);
  if ('reason' in read) throw new DamagedDraftError(read);
  knownRevisions.set(id, read.revision ?? 0);
  return read;
}

/** Reads a stored entry; stored reports go through the same schema checks and upgrades as report files. */
function readDraft(key: string, raw: unknown): Draft | DamagedDraft {
  const damaged = (reason: string): DamagedDraft => ({ id: key, name: draftName(key, raw), reason, raw: rawText(raw) });
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return damaged('保存的内容不是草稿');
  const { report, savedAt } = raw as { report?: unknown; savedAt?: unknown };
  if (report === undefined) return damaged('缺少报告内容');
  const checked = validateReport(report);
  if (!checked.ok) return damaged(checked.error);
  return { id: key, report: checked.report, savedAt: typeof savedAt === 'string' ? savedAt : new Date(0).toISOString(), revision: revisionOf(raw) };
}

/** What the clerk would recognise: agency and year if still legible, else the draft's id. */
function draftName(id: string, raw: unknown): string {
  const meta = (raw as { report?: { meta?: { agency?: unknown; year?: unknown } } } | null)?.report?.meta;
  const agency = typeof meta?.agency === 'string' && meta.agency ? meta.agency : '';
  const year = typeof meta?.year === 'number' ? `${meta.year}年度` : '';
  return agency || year ? `${agency}${year}` : `编号 ${id}`;
}

function rawText(raw: unknown): string {
  try {
    return `${JSON.stringify(raw, null, 2) ?? String(raw)}\n`;
  } catch {
    return String(raw);
  }
}

export async function listDraftsWithDamaged(): Promise<DraftListing> {
  const all = await entries<IDBValidKey, unknown>(store());
  const drafts: DraftSummary[] = [];
  const damaged: DamagedDraft[] = [];
  for (const [key, value] of all) {
    if (typeof key !== 'string' || !key.startsWith(DRAFT_PREFIX)) continue;
    const d = readDraft(key.slice(DRAFT_PREFIX.length), value);
    if ('reason' in d) damaged.push(d);
    else drafts.push(summaryOf(d));
  }
  return { drafts: drafts.sort((a, b) => b.savedAt.localeCompare(a.savedAt)), damaged };
}

function summaryOf(d: Draft): DraftSummary {
  const { complete, partCount, errors, warnings } = reportSummary(d.report);
  return { id: d.id, agency: d.report.meta.agency, year: d.report.meta.year, savedAt: d.savedAt, progress: { complete, partCount, errors, warnings } };
}

/** Drafts of the same agency and year as `report` (a second one is made only when the clerk says so). */
export async function draftsLike(report: Report): Promise<DraftSummary[]> {
  const { drafts } = await listDraftsWithDamaged();
  const agency = report.meta.agency.trim();
  return drafts.filter((d) => d.agency.trim() === agency && d.year === report.meta.year);
}

export async function deleteDraft(id: string): Promise<void> {
  await del(DRAFT_PREFIX + id, store());
  knownRevisions.delete(id);
}

/** The draft that was open last, reopened after a reload. */
export async function currentDraftId(): Promise<string | undefined> {
  const id = await get<unknown>(CURRENT, store());
  return typeof id === 'string' ? id : undefined;
}

export async function setCurrentDraftId(id: string | undefined): Promise<void> {
  if (id === undefined) await del(CURRENT, store());
  else await set(CURRENT, id, store());
}
