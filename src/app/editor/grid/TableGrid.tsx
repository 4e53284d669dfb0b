import { memo, useRef } from 'react';
import type { TableDef } from '../../../../templates';
import { columnPercents, labelAlign, labelLines, labelText, rowPieces, tableGrid } from '../../../core/layout';
import { cellIndex } from '../../../core/report';
import { useStore } from '../../store/store-context';
import { GridCellInput } from './GridCellInput';
import { useFitToScreen } from './fit-to-screen';
import { useSuspectMarks } from './suspect-marks';
import { useTipPlacement } from './tip-placement';

/** A statutory table laid out on the shared grid, so merged headers match the printed table. Renders once. */
export const TableGrid = memo(function TableGrid({ table, caption }: { table: TableDef; caption: string }) {
  const store = useStore();
  const format = store.getFormat();
  const index = cellIndex(format);
  const grid = tableGrid(table);
  const rows = Array.from({ length: grid.rowCount }, (_, r) => rowPieces(grid, r).filter((p) => p.starts));
  const box = useRef<HTMLDivElement>(null);
  useFitToScreen(box);
  useTipPlacement(box);
  useSuspectMarks(store, table);
  return (
    <div className="grid-scroll" ref={box}>
      <table className="grid">
        <caption className="visually-hidden">{caption}</caption>
        <colgroup>
          {columnPercents(table).map((width, c) => (
            <col key={c} style={{ width }} />
          ))}
        </colgroup>
        {table.headerRows > 0 && (
          <thead>
            {rows.slice(0, table.headerRows).map((pieces, r) => (
              <tr key={r}>
                {pieces.map(({ anchor }) => (
                  <th key={anchor.col} scope={anchor.colSpan > 1 ? 'colgroup' : 'col'} colSpan={anchor.colSpan} rowSpan={anchor.rowSpan} className={anchor.cell.type === 'label' && anchor.cell.explanation ? 'note' : undefined}>
                    {labelLines(anchor.cell).flatMap((line, i) => (i === 0 ? [line] : [<br key={i} />, line]))}
                  </th>
                ))}
              </tr>
            ))}
          </thead>
        )}
        <tbody>
          {rows.slice(table.headerRows).map((pieces, i) => (
            <tr key={i + table.headerRows}>
              {pieces.map(({ anchor }) => {
                const cell = anchor.cell;
                if (cell.type === 'value') {
                  return (
                    <td key={anchor.col} colSpan={anchor.colSpan} rowSpan={anchor.rowSpan} className="value">
                      <GridCellInput def={index.get(cell.key)!} table={table} />
                    </td>
                  );
                }
                const role = cell.role;
                return role === 'rowLabel' ? (
                  <th key={anchor.col} scope={anchor.rowSpan > 1 ? 'rowgroup' : 'row'} colSpan={anchor.colSpan} rowSpan={anchor.rowSpan} className={labelAlign(table, anchor) === 'left' ? 'row-label align-left' : 'row-label'}>
                    {labelText(cell)}
                  </th>
                ) : (
                  <th key={anchor.col} scope="col" colSpan={anchor.colSpan} rowSpan={anchor.rowSpan} className={role === 'caption' ? 'caption-row' : 'header'}>
                    {labelText(cell)}
                  </th>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
});
