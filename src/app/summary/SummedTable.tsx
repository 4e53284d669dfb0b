import { memo } from 'react';
import type { PartDef } from '../../../templates';
import { SEVERITY_LABEL } from '../../core/checker';
import { columnPercents, labelText, rowPieces, tableGrid } from '../../core/layout';
import { formatValue } from '../../core/numbers';
import { formatOfTotal, type TotalGroup } from '../../summary';

// A summed table laid out as the statutory one (the format's grid, merges included), with the checker's word on it.

export const SummedTable = memo(function SummedTable({ total, part }: { total: TotalGroup; part: PartDef }) {
  const table = formatOfTotal(total).tables[part.table!];
  const grid = tableGrid(table);
  const findings = total.findings.filter((f) => f.part === part.id && f.severity !== 'info');
  const rows = Array.from({ length: grid.rowCount }, (_, r) => rowPieces(grid, r).filter((p) => p.starts));
  return (
    <section className="summed-table" aria-label={`汇总${part.heading}`}>
      <h3>{part.heading}</h3>
      {/* Focusable, so a keyboard user can scroll a table wider than the screen. */}
      <div className="grid-scroll" tabIndex={0} role="region" aria-label={`汇总${part.heading}（可左右滚动）`}>
        <table className="grid">
          <colgroup>
            {columnPercents(table).map((width, c) => (
              <col key={c} style={{ width }} />
            ))}
          </colgroup>
          <tbody>
            {rows.map((pieces, r) => (
              <tr key={r}>
                {pieces.map(({ anchor }) => {
                  const span = { colSpan: anchor.colSpan, rowSpan: anchor.rowSpan };
                  if (anchor.cell.type === 'label') {
                    const role = anchor.cell.role;
                    return (
                      <th key={anchor.col} {...span} scope={role === 'rowLabel' ? 'row' : 'col'} className={`col-${anchor.col}${role === 'rowLabel' ? ' row-label' : role === 'caption' ? ' caption-row' : ''}`}>
                        {labelText(anchor.cell)}
                      </th>
                    );
                  }
                  return (
                    <td key={anchor.col} {...span} className={`col-${anchor.col} summed-value`}>
                      {formatValue(total.values[anchor.cell.key])}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {findings.length === 0 ? (
        <p className="ok-line">核对：本表合计数符合表内勾稽关系。</p>
      ) : (
        <ul className="summed-findings">
          {findings.map((f, i) => (
            <li key={i} className={`finding finding-${f.severity}`}>
              <span className="severity">{SEVERITY_LABEL[f.severity]}</span>
              {f.row && <span className="where">{[f.row, f.column].filter(Boolean).join(' / ')}</span>}
              {f.message}
              {f.from.length > 0 && <span className="from">（来自：{f.from.join('、')}）</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
});
