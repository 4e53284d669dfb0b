import { useCallback, useState, useSyncExternalStore } from 'react';
import type { PartDef, PartId } from '../../../../templates';
import { useStore } from '../../store/store-context';
import { TableGrid } from './TableGrid';
import { SectionHeading } from '../../shared/SectionHeading';
import type { PastePlan } from './grid-paste';
import { PasteReportContext, pasteSummary } from './paste-report';
import { TableExitContext } from './table-exit';

/** Parts 二、三、四: the statutory table, with the switch between computed and typed totals. */
export function TablePart({ part, onLeave }: { part: PartDef; onLeave?: (from: PartId) => void }) {
  const store = useStore();
  const format = store.getFormat();
  const table = format.tables[part.table!];
  const typedTotals = useSyncExternalStore(store.subscribe, () => store.getReport().typedTotals);
  const [pasted, setPasted] = useState('');
  const exit = useCallback(() => onLeave?.(part.id), [onLeave, part.id]);
  const onPaste = useCallback((plan: PastePlan, totals: number) => setPasted(pasteSummary(plan, totals)), []);
  const hasTotals = format.rules.some((r) => r.computesTotal && format.cells.some((c) => c.key === r.left[0]!.key && c.table === table.id));

  return (
    <>
      <SectionHeading>{part.heading}</SectionHeading>
      <div className="part-tools">
        <p className="hint">
          像电子表格一样填写：方向键、回车和 Tab 在格子间移动；选中格子直接输入即替换原数，按 F2 或双击可改其中几位，Esc 恢复原数；可从 Excel 或 WPS 复制一块数字，点一个格子后粘贴。空白不等于 0，没有的请填 0。
          {table.hint && ` ${table.hint}`}
        </p>
        {hasTotals && (
          <label className="switch">
            <input
              type="checkbox"
              checked={typedTotals}
              onChange={(e) => {
                const typed = e.target.checked;
                store.update((r) => ({ ...r, typedTotals: typed }));
              }}
            />
            手工填写合计（如照抄纸质台账）；不勾选时“总计”自动计算
          </label>
        )}
      </div>
      <p className="paste-status" role="status">
        {pasted}
      </p>
      <PasteReportContext.Provider value={onPaste}>
        <TableExitContext.Provider value={exit}>
          <TableGrid table={table} caption={part.heading} />
        </TableExitContext.Provider>
      </PasteReportContext.Provider>
    </>
  );
}
