import { useCallback, useRef, useState, type ReactNode } from 'react';
import type { Report } from '../../core/report';
import { DuplicateDraftDialog } from '../drafts/DuplicateDraftDialog';
import { draftsLike, newDraftId, saveDraft, storageErrorText, type Draft, type DraftSummary } from '../drafts/draft-storage';
import { navigate } from './route';

// Opening a report as a draft: at most one at a time (a double click makes one draft), the same source opened
// again goes to the draft made from it, and a second draft of the same agency and year is made only on request.

export type OpenReport = (report: Report) => Promise<void>;

export function useOpenReport(): {
  open: OpenReport;
  busy: boolean;
  opened: Record<string, Draft>;
  storageProblem: string | undefined;
  dialog: ReactNode;
} {
  // Drafts opened in this session, kept in memory too so work goes on even when storage fails.
  const [opened, setOpened] = useState<Record<string, Draft>>({});
  const [storageProblem, setStorageProblem] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [question, setQuestion] = useState<{ report: Report; existing: DraftSummary; resolve: () => void } | undefined>();
  const working = useRef(false);
  /** The draft each source report (a checked file, say) was opened as. */
  const draftOf = useRef(new WeakMap<Report, string>());

  const create = useCallback(async (report: Report) => {
    const draft: Draft = { id: newDraftId(), report, savedAt: new Date().toISOString() };
    draftOf.current.set(report, draft.id);
    setOpened((o) => ({ ...o, [draft.id]: draft }));
    try {
      await saveDraft(draft);
      setStorageProblem(undefined);
    } catch (e) {
      setStorageProblem(storageErrorText(e));
    }
    navigate({ page: 'report', id: draft.id, section: 'meta' });
  }, []);

  const open = useCallback(
    async (report: Report) => {
      const earlier = draftOf.current.get(report);
      if (earlier) return navigate({ page: 'report', id: earlier, section: 'meta' });
      if (working.current) return;
      working.current = true;
      setBusy(true);
      try {
        const existing = await draftsLike(report).catch(() => []);
        if (existing.length === 0) return await create(report);
        // Wait for the clerk's answer, so the buttons stay busy until then.
        await new Promise<void>((resolve) => setQuestion({ report, existing: existing[0]!, resolve }));
      } finally {
        working.current = false;
        setBusy(false);
      }
    },
    [create],
  );

  const answer = (choice: 'existing' | 'new' | 'cancel') => {
    if (!question) return;
    setQuestion(undefined);
    const done = question.resolve;
    if (choice === 'existing') {
      draftOf.current.set(question.report, question.existing.id);
      navigate({ page: 'report', id: question.existing.id, section: 'meta' });
      done();
    } else if (choice === 'new') void create(question.report).finally(done);
    else done();
  };

  const dialog = question && (
    <DuplicateDraftDialog
      agency={question.report.meta.agency}
      year={question.report.meta.year}
      existing={question.existing}
      onOpenExisting={() => answer('existing')}
      onCreate={() => answer('new')}
      onCancel={() => answer('cancel')}
    />
  );
  return { open, busy, opened, storageProblem, dialog };
}
