import { useCallback, useEffect, useRef, useState } from 'react';
import type { PartId } from '../../../templates';
import type { Autosaver } from '../drafts/autosave';
import { SaveStatusBar } from '../drafts/SaveStatusBar';
import { FindingsPanel } from '../findings/FindingsPanel';
import { focusCellWhenShown } from '../findings/focus-cell';
import { PreviewPage } from '../preview/PreviewPage';
import { navigate, type SectionId } from '../shell/route';
import { changedPlace, type ReportStore } from '../store/report-store';
import { StoreContext } from '../store/store-context';
import { FINDINGS_TOGGLE_KEYS, isFindingsToggleKey, isRedoKey, isUndoKey } from './editor-keys';
import { MetaEditor } from './MetaEditor';
import { focusBlockWhenShown, NarrativeEditor } from './narrative/NarrativeEditor';
import { PartNav } from './PartNav';
import { TablePart } from './grid/TablePart';
import { firstTabStop } from './grid/grid-navigation';
import { UndoBar } from './UndoBar';

const CONTENT_ID = 'editor-content';
const FINDINGS_ID = 'editor-findings';

const FIELDS = 'input:not([type=hidden]):not([readonly]), textarea, select, button:not([disabled]), [href]';

/** Focuses `preferred` if it is still inside region `id`, else the first match of `selector` there (not a toolbar button), else the region. */
function focusInside(id: string, preferred?: Element | null, selector = FIELDS): void {
  const region = document.getElementById(id);
  if (preferred instanceof HTMLElement && preferred.isConnected && region?.contains(preferred)) {
    preferred.focus();
    return;
  }
  const first = [...(region?.querySelectorAll<HTMLElement>(selector) ?? [])].find((el) => !el.closest('.editor-toolbar'));
  (first ?? region)?.focus();
}

/** Focuses the first match of `selector` once the part just switched to has rendered it. */
function focusWhenShown(selector: string, tries = 30): void {
  const el = document.querySelector<HTMLElement>(selector);
  if (el) el.focus();
  else if (tries > 0) setTimeout(() => focusWhenShown(selector, tries - 1), 20);
}

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
  // Enter on a table's last row: on to the next part, its first field focused (a table's first cell taking typing).
  const leavePart = useCallback(
    (from: PartId) => {
      const next = format.parts[format.parts.findIndex((p) => p.id === from) + 1];
      go(next?.id ?? 'preview');
      if (next?.kind === 'table') {
        const key = firstTabStop(format.tables[next.table!]!, (k) => !store.isComputed(k));
        if (key) focusCellWhenShown(key);
      } else focusWhenShown(`#${CONTENT_ID} textarea, #${CONTENT_ID} .heading-input`);
    },
    [format, go, store],
  );
  const [announcement, setAnnouncement] = useState('');
  /** Where the clerk was in the content before jumping to the findings, to come back to. */
  const lastInContent = useRef<Element | null>(null);

  const step = useCallback(
    (direction: 'undo' | 'redo') => {
      const before = store.getReport();
      const label = direction === 'undo' ? store.undo() : store.redo();
      if (!label) return;
      setAnnouncement(`${direction === 'undo' ? '已撤销' : '已重做'}：${label}`);
      // Show what changed: its part, and its cell when it was one.
      const place = changedPlace(before, store.getReport());
      if (place && place.section !== section) go(place.section);
      if (place?.cell) focusCellWhenShown(place.cell);
      // In the same part the paragraph editor keeps its own caret; in another part the caret follows the change.
      else if (place?.block !== undefined && place.section !== section) focusBlockWhenShown(place.block);
    },
    [store, section, go],
  );
  // Leaving a part shows what is still missing there; the preview (and so every export) is the full check.
  const shownSection = useRef(section);
  useEffect(() => {
    const was = shownSection.current;
    shownSection.current = section;
    if (was !== section && was !== 'meta' && was !== 'preview') store.leavePart(was);
    if (section === 'preview') store.checkAll();
  }, [section, store]);

  const undo = useCallback(() => step('undo'), [step]);
  const redo = useCallback(() => step('redo'), [step]);

  const toggleFindings = useCallback(() => {
    const inFindings = document.getElementById(FINDINGS_ID)?.contains(document.activeElement);
    if (inFindings) focusInside(CONTENT_ID, lastInContent.current);
    else {
      lastInContent.current = document.activeElement;
      // The first finding when there is one, else the panel itself (its heading and summary are read out).
      focusInside(FINDINGS_ID, null, '.finding button');
    }
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // A text field the store does not hold (the reason typed when confirming a warning) keeps the browser's own undo.
      const target = e.target instanceof Element ? e.target : null;
      const ownText = !!target?.closest(`#${FINDINGS_ID}`) && target?.matches('textarea, input[type=text], input:not([type])');
      if ((isUndoKey(e) || isRedoKey(e)) && ownText) return;
      if (isUndoKey(e)) {
        e.preventDefault();
        undo();
      } else if (isRedoKey(e)) {
        e.preventDefault();
        redo();
      } else if (isFindingsToggleKey(e)) {
        e.preventDefault();
        toggleFindings();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [undo, redo, toggleFindings]);

  return (
    <StoreContext.Provider value={store}>
      <div className="editor" onBlur={() => store.checkpoint()}>
        <div className="skip-links">
          <button type="button" className="skip-link" onClick={() => focusInside(CONTENT_ID)}>
            跳到填写区
          </button>
          <button type="button" className="skip-link" onClick={toggleFindings} aria-keyshortcuts="Alt+J">
            跳到检查结果（{FINDINGS_TOGGLE_KEYS}）
          </button>
        </div>
        <PartNav current={section} onGo={go} />
        <section id={CONTENT_ID} className="editor-content" aria-labelledby="section-heading" tabIndex={-1}>
          <div className="editor-toolbar">
            <UndoBar onUndo={undo} onRedo={redo} announcement={announcement} />
            <SaveStatusBar saver={saver} />
          </div>
          {section === 'meta' && <MetaEditor />}
          {part?.kind === 'table' && <TablePart key={part.id} part={part} onLeave={leavePart} />}
          {part?.kind === 'narrative' && <NarrativeEditor key={part.id} part={part} />}
          {section === 'preview' && <PreviewPage />}
        </section>
        <div id={FINDINGS_ID} className="findings-region" tabIndex={-1} aria-keyshortcuts="Alt+J">
          <FindingsPanel onJump={jump} />
        </div>
      </div>
    </StoreContext.Provider>
  );
}
