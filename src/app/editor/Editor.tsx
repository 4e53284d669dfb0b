import { useCallback } from 'react';
import type { PartId } from '../../../templates';
import type { Autosaver } from '../drafts/autosave';
import { SaveStatusBar } from '../drafts/SaveStatusBar';
import { FindingsPanel } from '../findings/FindingsPanel';
import { focusCellWhenShown } from '../findings/focus-cell';
import { PreviewPage } from '../preview/PreviewPage';
import { navigate, type SectionId } from '../shell/route';
import type { ReportStore } from '../store/report-store';
import { StoreContext } from '../store/store-context';
import { MetaEditor } from './MetaEditor';
import { NarrativeEditor } from './narrative/NarrativeEditor';
import { PartNav } from './PartNav';
import { TablePart } from './grid/TablePart';

export function Editor({ id, section, store, saver }: { id: string; section: SectionId; store: ReportStore; saver: Autosaver }) {
  const format = store.getFormat();
  // Stable callbacks: the navigation and the findings items are memoised on their props.
  const go = useCallback((s: SectionId) => navigate({ page: 'report', id, section: s }), [id]);
  const jump = useCallback(
    (part: PartId | null, cell: string | undefined) => {
      go(part ?? 'meta');
      if (cell) focusCellWhenShown(cell);
    },
    [go],
  );
  const part = format.parts.find((p) => p.id === section);

  return (
    <StoreContext.Provider value={store}>
      <div className="editor">
        <PartNav current={section} onGo={go} />
        <section className="editor-content" aria-labelledby="section-heading">
          <SaveStatusBar saver={saver} />
          {section === 'meta' && <MetaEditor />}
          {part?.kind === 'table' && <TablePart key={part.id} part={part} />}
          {part?.kind === 'narrative' && <NarrativeEditor key={part.id} part={part} />}
          {section === 'preview' && <PreviewPage />}
        </section>
        <FindingsPanel onJump={jump} />
      </div>
    </StoreContext.Provider>
  );
}
