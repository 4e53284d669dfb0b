import { createElement as h, memo, useMemo, useRef, act } from 'react';
import { createRoot } from 'react-dom/client';
import { useForm, useWatch, type Control, type UseFormRegister } from 'react-hook-form';
import { formatForYear } from '../../templates';
import { ReportStore } from '../../src/app/store/report-store';
import { StoreContext, useCell } from '../../src/app/store/store-context';
import { checkReport, type Finding } from '../../src/core/checker';
import { cellIndex, type Report } from '../../src/core/report';
import { cellInputText, writeCellText } from '../../src/core/cell-input';
import { computedCells, withComputedTotals } from '../../src/core/totals';
import { newReport } from '../../src/core/new-report';

// The two ways of holding the grid's state, built alike so only the state holder differs (see grid-state.bench.ts).

const format = formatForYear(2024);
const keys = format.cells.map((c) => c.key);
const typed = keys.filter((k) => k.startsWith('t3.') && !computedCells(format).has(k));
let cellRenders = 0;
/** Renders of a component above the cells (the form's watcher); the store version has none. */
let gridRenders = 0;

const StoreCell = memo(function StoreCell({ cellKey, store }: { cellKey: string; store: ReportStore }) {
  cellRenders++;
  const { text, problems } = useCell(cellKey);
  return h('span', null, h('input', { id: cellKey, value: text, onChange: (e: { target: HTMLInputElement }) => store.setCell(cellKey, e.target.value) }), problems.length ? h('span', null, problems.map((p) => p.message).join(' ')) : null);
});

function StoreGrid({ store }: { store: ReportStore }) {
  return h(StoreContext.Provider, { value: store }, keys.map((k) => h(StoreCell, { key: k, cellKey: k, store })));
}

type Values = Record<string, string>;
const field = (key: string) => key.replace(/\./g, '_');

type FormCellProps = { cellKey: string; register: UseFormRegister<Values>; problems: string; total: string | undefined };
function PlainFormCell({ cellKey, register, problems, total }: FormCellProps) {
  cellRenders++;
  return h('span', null, total !== undefined ? h('input', { id: cellKey, readOnly: true, value: total }) : h('input', { id: cellKey, ...register(field(cellKey)) }), problems ? h('span', null, problems) : null);
}
const MemoFormCell = memo(PlainFormCell);

function Derived({ control, register, memoised }: { control: Control<Values>; register: UseFormRegister<Values>; memoised: boolean }) {
  gridRenders++;
  const FormCell = memoised ? MemoFormCell : PlainFormCell;
  const values = useWatch({ control });
  const cache = useRef(new Map<string, string>());
  const { report, byCell } = useMemo(() => {
    const index = cellIndex(format);
    const r: Report = { ...newReport({ agency: '测', year: 2024 }), values: {}, written: {} };
    for (const k of typed) writeCellText(r, index.get(k)!, values[field(k)] ?? '');
    r.values = withComputedTotals(format, r.values);
    const map = new Map<string, Finding[]>();
    for (const f of checkReport(r)) if (f.cell) map.set(f.cell, [...(map.get(f.cell) ?? []), f]);
    return { report: r, byCell: map };
  }, [values]);
  const computed = computedCells(format);
  return keys.map((k) => {
    // Same text, same string: memo() then skips the cell.
    const text = (byCell.get(k) ?? []).map((p) => p.message).join(' ');
    if (cache.current.get(k) !== text) cache.current.set(k, text);
    return h(FormCell, { key: k, cellKey: k, register, problems: cache.current.get(k)!, total: computed.has(k) ? cellInputText(report, k) : undefined });
  });
}

function FormGrid({ memoised }: { memoised: boolean }) {
  const { control, register } = useForm<Values>({ defaultValues: Object.fromEntries(typed.map((k) => [field(k), ''])) });
  return h(Derived, { control, register, memoised });
}

function typeInto(id: string, value: string): void {
  const input = document.getElementById(id) as HTMLInputElement;
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  setter.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

export type Version = 'store' | 'form' | 'form-plain';

/** `form-plain`: the form version without memoised cells (what a first attempt looks like). */
export async function measure(version: Version, edits: number): Promise<{ ms: number[]; cellRenders: number[]; gridRenders: number[]; cellCount: number }> {
  const container = document.createElement('div');
  document.body.appendChild(container);
  const root = createRoot(container);
  const store = new ReportStore(newReport({ agency: '测', year: 2024 }));
  await act(async () => root.render(version === 'store' ? h(StoreGrid, { store }) : h(FormGrid, { memoised: version === 'form' })));
  const ms: number[] = [];
  const renders: number[] = [];
  const above: number[] = [];
  for (let i = 0; i < edits + 20; i++) {
    const key = typed[(i * 7) % typed.length]!;
    const before = cellRenders;
    const gridBefore = gridRenders;
    const t0 = performance.now();
    await act(async () => typeInto(key, String((i % 9) + 1)));
    if (i >= 20) {
      ms.push(performance.now() - t0);
      renders.push(cellRenders - before);
      above.push(gridRenders - gridBefore);
    }
  }
  await act(async () => root.unmount());
  container.remove();
  return { ms, cellRenders: renders, gridRenders: above, cellCount: keys.length };
}
