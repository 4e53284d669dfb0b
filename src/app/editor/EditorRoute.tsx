import { useEffect, useState } from 'react';
import { Autosaver } from '../drafts/autosave';
import { loadDraft, setCurrentDraftId, storageErrorText, type Draft } from '../drafts/draft-storage';
import type { SectionId } from '../shell/route';
import { ReportStore } from '../store/report-store';
import { Editor } from './Editor';
import { takeChange } from './pending-change';

type Session = { store: ReportStore; saver: Autosaver };

/**
 * Drafts opened in this page, with their stores: coming back to a draft keeps its undo history (for the life of
 * the page), unless another tab has saved it since, when it is read afresh.
 */
const sessions = new Map<string, Session>();

/**
 * This page's session of the draft, unless the stored draft was saved since by someone else. A session whose
 * save is pending, failed or in conflict holds the newest text (and its conflict question): it is kept.
 */
function keptSession(draft: Draft): Session | undefined {
  const kept = sessions.get(draft.id);
  const status = kept?.saver.getStatus();
  if (!kept || !status) return undefined;
  return status.state === 'saved' && status.at !== draft.savedAt ? undefined : kept;
}

/** Opens a draft: from this session's memory or from IndexedDB, then wires autosave. */
export function EditorRoute({ id, section, initial }: { id: string; section: SectionId; initial: Draft | undefined }) {
  const [session, setSession] = useState<Session | undefined>();
  const [problem, setProblem] = useState<string | undefined>();

  useEffect(() => {
    let cancelled = false;
    // The stored draft is the latest; the in-memory one only stands in when storage failed.
    const open = async (): Promise<Draft | undefined> => {
      try {
        return (await loadDraft(id)) ?? initial;
      } catch (e) {
        if (initial) return initial;
        throw e;
      }
    };
    open()
      .then((draft) => {
        if (cancelled) return;
        if (!draft) {
          setProblem('找不到这份草稿。它可能已被删除，或保存在另一台电脑或另一个浏览器中。');
          return;
        }
        const session = keptSession(draft) ?? { store: new ReportStore(draft.report), saver: new Autosaver(draft.id, draft.savedAt) };
        sessions.set(draft.id, session);
        // Asked for by another page (the 汇总 page's table refresh): one undo step.
        const pendingChange = takeChange(draft.id);
        if (pendingChange) session.store.update(pendingChange.change, pendingChange.label);
        setSession(session);
        void setCurrentDraftId(draft.id).catch(() => undefined);
      })
      .catch((e: unknown) => !cancelled && setProblem(`无法读取草稿：${storageErrorText(e)}。`));
    return () => {
      cancelled = true;
    };
  }, [id, initial]);

  useEffect(() => {
    if (!session) return;
    const { store, saver } = session;
    const stop = store.onChange((report) => saver.schedule(report));
    const flush = () => void saver.flush();
    // Closing the page (pagehide, beforeunload) is the autosaver's own job: its final flush writes without
    // the async read a closing page could not finish. Here: the tab going to the background, and leaving the editor.
    const onVisibility = () => document.visibilityState === 'hidden' && flush();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      stop();
      flush();
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [session]);

  if (problem) {
    return (
      <div className="notice notice-error" role="alert">
        <p>{problem}</p>
        <p>
          <a href="#/start">返回草稿列表</a>
        </p>
      </div>
    );
  }
  if (!session) return <p className="loading">正在打开草稿…</p>;
  return <Editor id={id} section={section} store={session.store} saver={session.saver} />;
}
