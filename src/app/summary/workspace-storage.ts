import { createStore, del, delMany, get, getMany, keys, set, type UseStore } from 'idb-keyval';
import type { UnitState } from '../../summary';
import type { FileEntry } from './summary-engine';
import type { UnitRound, UnitStatus } from './tracking';

// The 汇总 workspace of one year, kept in this browser's IndexedDB (nothing leaves the machine): the files
// received (each read once, stored as read), the options, each unit's status and what changed round by round.
// Files are stored one entry each, so a new file writes only itself.

export type WorkspaceMeta = {
  year: number;
  savedAt: string;
  /** File ids in the order the page lists them. */
  files: string[];
  /** Files the reviewer chose to count over the version order. */
  chosen: string[];
  /** The 汇总年度 and 单位名单 fields as typed. */
  yearText: string;
  unitsText: string;
  statuses: Record<string, UnitStatus>;
  rounds: Record<string, UnitRound[]>;
  /** Each unit's counted report as last seen, to tell what a new version changed. */
  lastCounted: Record<string, UnitState>;
};

export type WorkspaceListing = { year: number; savedAt: string; files: number };

const WS = 'ws:';
const FILE = 'file:';
let db: UseStore | undefined;
const store = (): UseStore => (db ??= createStore('nianbao-summary', 'workspaces'));

const metas = async (): Promise<WorkspaceMeta[]> => {
  // Keys first: the files' contents are not read to list the workspaces.
  const wanted = (await keys(store())).filter((k): k is string => typeof k === 'string' && k.startsWith(WS));
  return (await getMany<WorkspaceMeta | undefined>(wanted, store())).filter((m): m is WorkspaceMeta => m !== undefined);
};

export async function listWorkspaces(): Promise<WorkspaceListing[]> {
  return (await metas()).map((m) => ({ year: m.year, savedAt: m.savedAt, files: m.files.length })).sort((a, b) => b.savedAt.localeCompare(a.savedAt));
}

/** A new file id; it starts with the time, so a stored file's age is known without reading it. */
export const newFileId = (now = Date.now()): string => `${now.toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
const idTime = (id: string) => parseInt(id.split('-')[0] ?? '', 36);

export async function loadWorkspace(year: number): Promise<{ meta: WorkspaceMeta; files: FileEntry[] } | undefined> {
  const meta = await get<WorkspaceMeta>(WS + year, store());
  if (!meta) return undefined;
  const files = (await getMany<FileEntry | undefined>(meta.files.map((id) => FILE + id), store())).filter((f): f is FileEntry => f !== undefined);
  return { meta, files };
}

export const saveMeta = (meta: WorkspaceMeta): Promise<void> => set(WS + meta.year, meta, store());
export const saveFile = (entry: FileEntry): Promise<void> => set(FILE + entry.id, entry, store());
export const deleteFiles = (ids: readonly string[]): Promise<void> => delMany(ids.map((id) => FILE + id), store());

/** A year's entry whose files moved to another year's (the summary's year changed). */
export const deleteMeta = (year: number): Promise<void> => del(WS + year, store());

/** A workspace and its files. */
export async function deleteWorkspace(year: number): Promise<void> {
  const meta = await get<WorkspaceMeta>(WS + year, store());
  if (meta) await deleteFiles(meta.files);
  await del(WS + year, store());
}

/** Files stored but in no workspace (read, then the page closed before the year was known), older than an hour. */
export async function dropOrphanFiles(now = Date.now()): Promise<void> {
  const used = new Set((await metas()).flatMap((m) => m.files));
  const orphans = (await keys(store())).filter((k): k is string => typeof k === 'string' && k.startsWith(FILE) && !used.has(k.slice(FILE.length)) && !(now - idTime(k.slice(FILE.length)) < 3_600_000));
  if (orphans.length) await delMany(orphans, store());
}
