import { memo, useId, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import type { CellDef, TableDef } from '../../../../templates';
import { cellDomId } from '../../findings/focus-cell';
import { useCell, useStore } from '../../store/store-context';
import { neighbour, nextRowStart, parseBlock, type Direction } from './grid-navigation';
import { planPaste } from './grid-paste';
import { usePasteReport } from './paste-report';

const SEVERITY_CLASS = { error: 'cell-error', warning: 'cell-warning', info: '' } as const;

/** Why a computed total is still empty: it waits for every cell it adds up (a partial sum would be wrong). */
export const PENDING_TOTAL_HINT = '本行（列）各格填完后自动计算';

function focusCell(key: string | undefined): boolean {
  const el = key && document.getElementById(cellDomId(key));
  if (!(el instanceof HTMLInputElement)) return false;
  el.focus();
  el.select();
  return true;
}

// Spreadsheet habit: after Tab-ing across a row, Enter goes to the start of the next row.
let tabbing = false;
if (typeof document !== 'undefined') document.addEventListener('pointerdown', () => (tabbing = false), { capture: true });

/** One numeric cell; subscribes to its own slice of the store only. */
export const GridCellInput = memo(function GridCellInput({ def, table }: { def: CellDef; table: TableDef }) {
  const store = useStore();
  const reportPaste = usePasteReport();
  const { text, problems, computed } = useCell(def.key);
  const tipId = useId();
  const hintId = useId();
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

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Escape' && tipShown) {
      setHiddenTip(message);
      e.preventDefault();
      return;
    }
    if (e.key === 'Tab') {
      tabbing = !e.shiftKey;
      return;
    }
    const input = e.currentTarget;
    const atStart = input.selectionStart === 0 && input.selectionEnd === 0;
    const atEnd = input.selectionStart === input.value.length;
    const all = input.selectionStart === 0 && input.selectionEnd === input.value.length;
    let direction: Direction | undefined;
    if (e.key === 'ArrowUp') direction = 'up';
    else if (e.key === 'ArrowDown') direction = 'down';
    else if (e.key === 'Enter') direction = e.shiftKey ? 'up' : 'down';
    else if (e.key === 'ArrowLeft' && (atStart || all)) direction = 'left';
    else if (e.key === 'ArrowRight' && (atEnd || all)) direction = 'right';
    if (!direction) return;
    const rowStart = e.key === 'Enter' && !e.shiftKey && tabbing;
    tabbing = false;
    if (rowStart && focusCell(nextRowStart(table, def.key))) e.preventDefault();
    else if (focusCell(neighbour(table, def.key, direction))) e.preventDefault();
    else if (e.key === 'Enter') e.preventDefault();
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
        onChange={(e) => store.setCell(def.key, e.target.value)}
        onFocus={(e) => e.target.select()}
        onBlur={() => setHiddenTip(undefined)}
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
