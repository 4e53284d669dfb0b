import { createStore, del, entries, get, set, type UseStore } from 'idb-keyval';
import { validateReport, type Report } from '../../core/report';

// Drafts live in the browser's IndexedDB, one entry per report; nothing leaves the machine.

export type Draft = { id: string; report: Report; savedAt: string };
export type DraftSummary = { id: string; agency: string; year: number; savedAt: string };

const CURRENT = 'current';
const DRAFT_PREFIX = 'draft:';

let db: UseStore | undefined;
const store = (): UseStore => (db ??= createStore('nianbao', 'drafts'));

export const newDraftId = (): string => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/** Human-readable reason a storage call failed, for the warning banner. */
export function storageErrorText(error: unknown): string {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  if (name === 'QuotaExceededError') return '浏览器存储空间已满';
  if (typeof indexedDB === 'undefined') return '此浏览器不支持本地存储（IndexedDB）';
  return `浏览器拒绝了本地存储（${error instanceof Error ? error.message || name : String(error)}）`;
}

export async function saveDraft(draft: Draft): Promise<void> {
  await set(DRAFT_PREFIX + draft.id, draft, store());
}

export async function loadDraft(id: string): Promise<Draft | undefined> {
  const raw = await get<unknown>(DRAFT_PREFIX + id, store());
  return asDraft(raw);
}

function asDraft(raw: unknown): Draft | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { id, report, savedAt } = raw as Partial<Draft>;
  if (typeof id !== 'string' || typeof savedAt !== 'string') return undefined;
  const checked = validateReport(report);
  return checked.ok ? { id, report: checked.report, savedAt } : undefined;
}

export async function listDrafts(): Promise<DraftSummary[]> {
  const all = await entries<string, unknown>(store());
  const drafts: DraftSummary[] = [];
  for (const [key, value] of all) {
    if (typeof key !== 'string' || !key.startsWith(DRAFT_PREFIX)) continue;
    const d = asDraft(value);
    if (d) drafts.push({ id: d.id, agency: d.report.meta.agency, year: d.report.meta.year, savedAt: d.savedAt });
  }
  return drafts.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
}

export async function deleteDraft(id: string): Promise<void> {
  await del(DRAFT_PREFIX + id, store());
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
