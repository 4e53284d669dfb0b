import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import type { Summary } from '../../summary';
import { createEngine, type EngineClient } from './engine-client';
import type { FileEntry, Which } from './summary-engine';
import { optionsOfText, type SummaryOptionsText, type SummaryOptionsValue } from './SummaryOptionsForm';
import { emptyTracking, markReturned, track, type Tracking, type UnitStatus } from './tracking';
import { deleteFiles, deleteMeta, deleteWorkspace, dropOrphanFiles, listWorkspaces, loadWorkspace, newFileId, saveFile, saveMeta, type WorkspaceListing } from './workspace-storage';

// The 汇总 page's state: the files received (read in the engine's worker), the reviewer's choices, the summary
// built from them, and the year's workspace kept in the browser across reloads.

export type Reading = { which: Which; done: number; total: number; name: string };

const storageText = (e: unknown) => `汇总未能保存在本机浏览器中（${(e as Error)?.message || String(e)}）。本页内容仍在，关闭页面前请先下载 Excel 工作簿。`;

/** “教育局.docx” taken: “教育局（2）.docx” (the name then also marks a later version). */
export function uniqueName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name)) return name;
  const dot = name.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  for (let i = 2; ; i++) if (!taken.has(`${stem}（${i}）${ext}`)) return `${stem}（${i}）${ext}`;
}

export function useSummaryWorkspace(options: { worker?: boolean } = {}) {
  const engine = useRef<Promise<EngineClient> | undefined>(undefined);
  const getEngine = () => (engine.current ??= createEngine(options));
  const [entries, setEntries] = useState<FileEntry[]>([]);
  const [chosen, setChosen] = useState<string[]>([]);
  const [texts, setTexts] = useState<SummaryOptionsText>({ yearText: '', unitsText: '' });
  const [parsed, setParsed] = useState<SummaryOptionsValue>({ year: undefined, units: undefined });
  const [summary, setSummary] = useState<Summary | undefined>();
  const [building, setBuilding] = useState(false);
  const [tracking, setTracking] = useState<Tracking>(emptyTracking);
  const [reading, setReading] = useState<Reading | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const [storageProblem, setStorageProblem] = useState<string | undefined>();
  const [savedAs, setSavedAs] = useState<number | null>(null);
  const [workspaces, setWorkspaces] = useState<WorkspaceListing[]>([]);
  /** Bumped when a workspace is opened: the options form starts again from its texts. */
  const [generation, setGeneration] = useState(0);
  const [restored, setRestored] = useState(false);

  useEffect(() => () => void engine.current?.then((e) => e.dispose()), []);

  const refreshList = useCallback(() => listWorkspaces().then(setWorkspaces, (e: unknown) => setStorageProblem(storageText(e))), []);

  const open = useCallback(async (year: number) => {
    const ws = await loadWorkspace(year);
    if (!ws) return;
    const e = await getEngine();
    e.remove(entriesRef.current.map((x) => x.id));
    e.put(ws.files);
    setEntries(ws.files);
    setChosen(ws.meta.chosen);
    const texts = { yearText: ws.meta.yearText, unitsText: ws.meta.unitsText };
    setTexts(texts);
    // The options at once, so the first summary is built with the list (the form reports the same a moment later).
    setParsed(optionsOfText(texts));
    setTracking({ statuses: ws.meta.statuses, rounds: ws.meta.rounds, lastCounted: ws.meta.lastCounted });
    setSavedAs(year);
    setSummary(undefined);
    setGeneration((g) => g + 1);
  }, []);

  // Reopen the workspace saved last.
  useEffect(() => {
    let cancelled = false;
    (async () => {
      await dropOrphanFiles().catch(() => undefined);
      const list = await listWorkspaces();
      if (cancelled) return;
      setWorkspaces(list);
      if (list[0]) await open(list[0].year);
    })()
      .catch((e: unknown) => setStorageProblem(storageText(e)))
      .finally(() => !cancelled && setRestored(true));
    return () => {
      cancelled = true;
    };
  }, [open]);

  const entriesRef = useRef(entries);
  entriesRef.current = entries;

  // Rebuild the summary when the files or choices change (not while files are still being read).
  const buildSeq = useRef(0);
  useEffect(() => {
    if (!restored || reading) return;
    const seq = ++buildSeq.current;
    if (!entries.some((e) => e.which === 'current')) {
      setSummary(undefined);
      return;
    }
    setBuilding(true);
    void getEngine()
      .then((e) => e.build(entries.map((x) => x.id), { ...parsed, chosen }))
      .then(
        (s) => {
          if (seq !== buildSeq.current) return;
          setBuilding(false);
          // A transition: rendering hundreds of rows yields to the reviewer's clicks and typing.
          startTransition(() => setSummary(s));
        },
        (err: unknown) => {
          if (seq !== buildSeq.current) return;
          setBuilding(false);
          setProblem(`汇总出错（${(err as Error).message}）。已读取的文件仍在本页。`);
        },
      );
  }, [entries, parsed, chosen, restored, reading]);

  useEffect(() => {
    // A transition too: the statuses it changes redraw rows.
    if (summary) startTransition(() => setTracking((t) => track(t, summary, new Date().toISOString())));
  }, [summary]);

  // Save the year's workspace (under the summary's year) a moment after each change.
  useEffect(() => {
    const year = summary?.year;
    if (!restored || !year) return;
    const timer = setTimeout(() => {
      const meta = { year, savedAt: new Date().toISOString(), files: entries.map((e) => e.id), chosen, ...texts, ...tracking };
      const moved = savedAs !== null && savedAs !== year ? savedAs : null;
      void saveMeta(meta)
        .then(async () => {
          // The year changed (typed, or other files dropped): the workspace moves with it.
          if (moved !== null) await deleteMeta(moved);
          setSavedAs(year);
          setStorageProblem(undefined);
          await refreshList();
        })
        .catch((e: unknown) => setStorageProblem(storageText(e)));
    }, 300);
    return () => clearTimeout(timer);
  }, [summary, tracking, restored]);

  const readInto = useCallback(async (files: readonly File[], which: Which, at?: number): Promise<void> => {
    const e = await getEngine();
    const taken = new Set(entriesRef.current.filter((x) => x.which === which).map((x) => x.name));
    const received = new Date().toISOString();
    for (const [i, file] of files.entries()) {
      setReading({ which, done: i, total: files.length, name: file.name });
      const name = uniqueName(file.name, taken);
      taken.add(name);
      const entry = await e.read({ id: newFileId(), file, name, which, received });
      void saveFile(entry).catch((err: unknown) => setStorageProblem(storageText(err)));
      setEntries((list) => {
        if (at === undefined) return [...list, entry];
        const copy = [...list];
        copy.splice(Math.min(at, copy.length), 0, entry);
        return copy;
      });
    }
    setReading(undefined);
  }, []);

  const addFiles = useCallback((files: readonly File[], which: Which) => void readInto(files, which), [readInto]);

  const remove = useCallback((ids: readonly string[]) => {
    const gone = entriesRef.current.filter((x) => ids.includes(x.id));
    setEntries((list) => list.filter((x) => !ids.includes(x.id)));
    setChosen((c) => c.filter((n) => !gone.some((g) => g.name === n && g.which === 'current')));
    void getEngine().then((e) => e.remove(ids));
    void deleteFiles(ids).catch((err: unknown) => setStorageProblem(storageText(err)));
  }, []);

  /** Another file in place of one: the same position in the list. */
  const replace = useCallback(
    (id: string, file: File) => {
      const at = entriesRef.current.findIndex((x) => x.id === id);
      const which = entriesRef.current[at]?.which ?? 'current';
      remove([id]);
      void readInto([file], which, at < 0 ? undefined : at);
    },
    [remove, readInto],
  );

  /** Count this file over the other versions of its unit (`group`: the files of the unit). */
  const choose = useCallback((file: string, group: readonly string[]) => setChosen((c) => [...c.filter((n) => !group.includes(n)), file]), []);

  const setStatus = useCallback((unit: string, status: UnitStatus['status']) => setTracking((t) => ({ ...t, statuses: { ...t.statuses, [unit]: { status, since: new Date().toISOString() } } })), []);
  const returned = useCallback((units: readonly string[]) => setTracking((t) => markReturned(t, units, new Date().toISOString())), []);

  /** Deletes this year's workspace: files, choices, statuses and rounds. */
  const clear = useCallback(async () => {
    const ids = entriesRef.current.map((x) => x.id);
    (await getEngine()).remove(ids);
    setEntries([]);
    setChosen([]);
    setTracking(emptyTracking());
    setSummary(undefined);
    try {
      await deleteFiles(ids);
      if (savedAs !== null) await deleteWorkspace(savedAs);
      setSavedAs(null);
      await refreshList();
    } catch (e) {
      setStorageProblem(storageText(e));
    }
  }, [savedAs, refreshList]);

  const onOptions = useCallback((o: SummaryOptionsValue, t: SummaryOptionsText) => {
    // The same options again (the form's first report) rebuild nothing.
    setParsed((p) => (JSON.stringify(p) === JSON.stringify(o) ? p : o));
    setTexts(t);
  }, []);

  return {
    entries,
    summary,
    building,
    reading,
    restored,
    problem,
    setProblem,
    storageProblem,
    tracking,
    texts,
    generation,
    workspaces: workspaces.filter((w) => w.year !== savedAs),
    savedAs,
    addFiles,
    remove,
    replace,
    choose,
    setStatus,
    returned,
    clear,
    open,
    onOptions,
  };
}
