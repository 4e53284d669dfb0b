import { memo, useId, type ClipboardEvent, type KeyboardEvent } from 'react';
import type { CellDef, TableDef } from '../../../../templates';
import { cellDomId } from '../../findings/focus-cell';
import { useCell, useStore } from '../../store/store-context';
import { neighbour, parseBlock, pasteTargets, type Direction } from './grid-navigation';

const SEVERITY_CLASS = { error: 'cell-error', warning: 'cell-warning', info: '' } as const;

/** Why a computed total is still empty: it waits for every cell it adds up (a partial sum would be wrong). */
export const PENDING_TOTAL_HINT = '本行（列）各格填完后自动计算';

function moveFocus(table: TableDef, key: string, direction: Direction): boolean {
  const next = neighbour(table, key, direction);
  const el = next && document.getElementById(cellDomId(next));
  if (!(el instanceof HTMLInputElement)) return false;
  el.focus();
  el.select();
  return true;
}

/** One numeric cell; subscribes to its own slice of the store only. */
export const GridCellInput = memo(function GridCellInput({ def, table }: { def: CellDef; table: TableDef }) {
  const store = useStore();
  const { text, problems, computed } = useCell(def.key);
  const tipId = useId();
  const hintId = useId();
  const open = problems.filter((p) => !p.acknowledged);
  const worst = open.find((p) => p.severity === 'error') ?? open[0];
  const cls = ['cell-input', computed ? 'cell-computed' : '', worst ? SEVERITY_CLASS[worst.severity] : '', problems.length && !open.length ? 'cell-acknowledged' : '']
    .filter(Boolean)
    .join(' ');

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
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
    if (direction && moveFocus(table, def.key, direction)) e.preventDefault();
    else if (e.key === 'Enter') e.preventDefault();
  };

  const onPaste = (e: ClipboardEvent<HTMLInputElement>) => {
    const block = parseBlock(e.clipboardData.getData('text/plain'));
    if (!block) return;
    e.preventDefault();
    store.setCells(pasteTargets(table, def.key, block));
  };

  const message = open.map((p) => p.message).join('\n');
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
        placeholder={pending ? '—' : undefined}
        title={title}
        value={text}
        onChange={(e) => store.setCell(def.key, e.target.value)}
        onFocus={(e) => e.target.select()}
        onKeyDown={onKeyDown}
        onPaste={onPaste}
      />
      {pending && (
        <span id={hintId} className="visually-hidden">
          {PENDING_TOTAL_HINT}
        </span>
      )}
      {open.length > 0 && (
        <span id={tipId} role="tooltip" className={`cell-tip ${worst?.severity === 'error' ? 'tip-error' : 'tip-warning'}`}>
          {open.map((p, i) => (
            <span key={i} className="tip-line">
              {p.message}
            </span>
          ))}
        </span>
      )}
    </span>
  );
});
