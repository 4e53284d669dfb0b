import { createContext, useCallback, useContext, useSyncExternalStore } from 'react';
import type { Finding } from '../../core/checker';
import type { Block, NarrativePartId, Report } from '../../core/report';
import type { HistoryState } from './history';
import type { NavSummary } from './nav-summary';
import type { ReportStore } from './report-store';

// Hooks that subscribe a component to exactly the slice of the store it shows.

export const StoreContext = createContext<ReportStore | null>(null);

export function useStore(): ReportStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useStore outside StoreContext');
  return store;
}

export function useReport(): Report {
  const store = useStore();
  return useSyncExternalStore(store.subscribe, store.getReport);
}

export function useFindings(): Finding[] {
  const store = useStore();
  return useSyncExternalStore(store.subscribe, store.getFindings);
}

/** The side navigation's figures; a new value only when they change. */
export function useNavSummary(): NavSummary {
  const store = useStore();
  return useSyncExternalStore(store.subscribe, store.getNavSummary);
}

/** The report's meta block: it keeps its identity while cells or narrative are edited. */
export function useMeta(): Report['meta'] {
  const store = useStore();
  const get = useCallback(() => store.getReport().meta, [store]);
  return useSyncExternalStore(store.subscribe, get);
}

export type CellView = { text: string; problems: readonly Finding[]; computed: boolean };

/** One cell's text, problems and computed flag; re-renders only when that cell changes. */
export function useCell(key: string): CellView {
  const store = useStore();
  const subscribe = useCallback((l: () => void) => store.subscribeCell(key, l), [store, key]);
  const text = useSyncExternalStore(subscribe, () => store.cellText(key));
  const problems = useSyncExternalStore(subscribe, () => store.cellFindings(key));
  const computed = useSyncExternalStore(subscribe, () => store.isComputed(key));
  return { text, problems, computed };
}

/** What undo and redo would do now. */
export function useHistory(): HistoryState {
  const store = useStore();
  return useSyncExternalStore(store.subscribe, store.getHistory);
}

/** One narrative part's blocks; a new value only when that part changes. */
export function useNarrative(id: NarrativePartId): readonly Block[] {
  const store = useStore();
  const get = useCallback(() => store.getReport().narrative[id], [store, id]);
  return useSyncExternalStore(store.subscribe, get);
}
