import { memo, useId, useRef, useState, type ClipboardEvent, type KeyboardEvent, type MouseEvent } from 'react';
import type { CellDef, TableDef } from '../../../../templates';
import { cellDomId } from '../../findings/focus-cell';
import { useCell, useStore } from '../../store/store-context';
import { neighbour, nextTabStop, parseBlock, rowOf, rowStart, type Direction } from './grid-navigation';
import { planPaste } from './grid-paste';
import { usePasteReport } from './paste-report';
import { cancelRun, endRun, tabbed, typedInRun } from './tab-run';
import { useTableExit } from './table-exit';

const SEVERITY_CLASS = { error: 'cell-error', warning: 'cell-warning', info: '' } as const;

/** Why a computed total is still empty: it waits for every cell it adds up (a partial sum would be wrong). */
export const PENDING_TOTAL_HINT = '本行（列）各格填完后自动计算';

function focusCell(key: string | undefined): boolean {
  const el = key && document.getElementById(cellDomId(key));
  if (!(el instanceof HTMLInputElement)) return false;
  // Scrolling into view at focus() lays the page out there and then, inside the keystroke (the previous key's
  // changes still pending): ~100 ms per Tab on a 4× slowed CPU. Scroll in the next frame instead, only when
  // the cell is out of view, when the layout is computed for the frame anyway.
  el.focus({ preventScroll: true });
  el.select();
  window.requestAnimationFrame?.(() => el.scrollIntoView?.({ block: 'nearest', inline: 'nearest' }));
  return true;
}

/**
 * Excel's modes: a selected cell is `ready` (typing replaces its value, arrows move between cells); the first
 * keystroke makes it `enter` (arrows still move); F2 or a double-click makes it `edit` (caret at the end, arrows
 * move the caret). Esc in enter or edit mode puts back the value the cell had before.
 */
type Mode = 'ready' | 'enter' | 'edit';

/** One numeric cell; subscribes to its own slice of the store only. */
export const GridCellInput = memo(function GridCellInput({ def, table }: { def: CellDef; table: TableDef }) {
  const store = useStore();
  const reportPaste = usePasteReport();
  const exitTable = useTableExit();
  const { text, problems, computed } = useCell(def.key);
  const tipId = useId();
  const hintId = useId();
  const mode = useRef<Mode>('ready');
  const before = useRef('');
  const open = problems.filter((p) => !p.acknowledged);
  const worst = open.find((p) => p.severity === 'error') ?? open[0];
  const message = open.map((p) => p.message).join('\n');
  // Esc hides the tip until the cell's problems change.
  const [hiddenTip, setHiddenTip] = useState<string | undefined>();
  const tipShown = open.length > 0 && hiddenTip !== message;
  const cls = [
    'cell-input',
    computed ? 'cell-computed' : '',
    worst ? SEVERITY_CLASS[worst.severity] : '',
    problems.length && !open.length ? 'cell-acknowledged' : '',
  ]
    .filter(Boolean)
    .join(' ');

  const takesTyping = (key: string) => !store.isComputed(key);

  /** Leaves ready mode, remembering the value Esc puts back. */
  const startEdit = (next: Mode) => {
    if (mode.current === 'ready') before.current = store.cellText(def.key);
    mode.current = next;
  };

  const editAtEnd = (input: HTMLInputElement) => {
    if (computed) return;
    startEdit('edit');
    input.setSelectionRange(input.value.length, input.value.length);
  };

  const onMouseDown = (e: MouseEvent<HTMLInputElement>) => {
    if (e.button !== 0) return;
    const input = e.currentTarget;
    // In edit mode a click places the caret, as in Excel.
    if (mode.current === 'edit' && document.activeElement === input) return;
    // Otherwise a click selects the cell, whole, however often it is clicked: typing then replaces its value.
    e.preventDefault();
    if (document.activeElement !== input) input.focus();
    if (e.detail >= 2) editAtEnd(input);
    else if (mode.current === 'ready') input.select();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    if (e.key === 'F2') {
      e.preventDefault();
      editAtEnd(input);
      return;
    }
    if (e.key === 'Escape') {
      if (mode.current !== 'ready') {
        const changed = input.value !== before.current;
        mode.current = 'ready';
        if (changed) {
          store.setCell(def.key, before.current);
          store.checkpoint();
          input.select();
          e.preventDefault();
          return;
        }
        input.select();
      }
      if (tipShown) {
        setHiddenTip(message);
        e.preventDefault();
      }
      return;
    }
    if (e.key === 'Tab') {
      const next = e.shiftKey || e.ctrlKey || e.altKey ? undefined : nextTabStop(table, def.key, takesTyping);
      if (!next) {
        cancelRun();
        return;
      }
      e.preventDefault();
      tabbed(def.key, rowOf(table, def.key)!, next, rowOf(table, next)!);
      focusCell(next);
      return;
    }
    // A key that types a character replaces the whole value of a selected cell.
    if (mode.current === 'ready' && e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      if (input.selectionStart !== 0 || input.selectionEnd !== input.value.length) input.select();
      return;
    }
    let direction: Direction | undefined;
    if (e.key === 'Enter') direction = e.shiftKey ? 'up' : 'down';
    else if (mode.current !== 'edit') {
      if (e.key === 'ArrowUp') direction = 'up';
      else if (e.key === 'ArrowDown') direction = 'down';
      else if (e.key === 'ArrowLeft') direction = 'left';
      else if (e.key === 'ArrowRight') direction = 'right';
    }
    if (!direction) return;
    e.preventDefault();
    const enter = e.key === 'Enter' && !e.shiftKey;
    if (!enter) cancelRun();
    const run = enter ? endRun() : undefined;
    const target = run ? rowStart(table, run.from, takesTyping, !run.stay) : neighbour(table, def.key, direction);
    if (target === def.key) {
      // Enter right after a Tab wrapped to this row: the clerk is where Enter would take them.
      mode.current = 'ready';
      input.select();
    } else if (!focusCell(target) && e.key === 'Enter' && !e.shiftKey) {
      // The last row: on to the next table or part, never appending to this cell.
      exitTable();
    }
  };

  const onPaste = (e: ClipboardEvent<HTMLInputElement>) => {
    const block = parseBlock(e.clipboardData.getData('text/plain'));
    if (!block) return;
    e.preventDefault();
    const plan = planPaste(table, def.key, block);
    // One store call: the whole block is one change, one step to undo.
    store.setCells(plan.entries);
    const keys = new Set(plan.entries.map(([k]) => k));
    reportPaste(plan, store.getFindings().filter((f) => f.rule === '粘贴合计' && f.cell && keys.has(f.cell)).length);
  };

  const pending = computed && text === '';
  const describedBy = [pending ? hintId : '', open.length ? tipId : ''].filter(Boolean).join(' ');
  const title = computed ? `${pending ? PENDING_TOTAL_HINT : '自动计算'}${message ? `\n${message}` : ''}` : message || undefined;
  return (
    <span className="cell">
      <input
        id={cellDomId(def.key)}
        className={cls}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        aria-label={`${def.row} ${def.column}`}
        aria-invalid={worst?.severity === 'error' ? true : undefined}
        aria-describedby={describedBy || undefined}
        readOnly={computed}
        // Tab skips the totals the form computes; arrows still reach them.
        tabIndex={computed ? -1 : undefined}
        placeholder={pending ? '—' : undefined}
        title={title}
        value={text}
        onChange={(e) => {
          if (mode.current === 'ready') startEdit('enter');
          typedInRun();
          store.setCell(def.key, e.target.value);
        }}
        onFocus={(e) => {
          mode.current = 'ready';
          e.target.select();
        }}
        onBlur={() => {
          mode.current = 'ready';
          setHiddenTip(undefined);
        }}
        onMouseDown={onMouseDown}
        onKeyDown={onKeyDown}
        onPaste={onPaste}
      />
      {pending && (
        <span id={hintId} className="visually-hidden">
          {PENDING_TOTAL_HINT}
        </span>
      )}
      {open.length > 0 && (
        <span id={tipId} role="tooltip" className={`cell-tip ${worst?.severity === 'error' ? 'tip-error' : 'tip-warning'}${tipShown ? '' : ' tip-hidden'}`}>
          {open.map((p, i) => (
            <span key={i} className="tip-line">
              {p.message}
            </span>
          ))}
          <span className="tip-hint">Esc 关闭</span>
        </span>
      )}
    </span>
  );
});
