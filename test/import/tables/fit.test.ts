import { describe, expect, it } from 'vitest';
import { FORMATS, type CellDef, type FormatDef, type FormatId, type GridCell, type TableDef } from '../../../templates';
import { FORMAT_2019 } from '../../../templates/format-2019';
import { FORMAT_2021 } from '../../../templates/format-2021';
import { rowBlock, type SourceBlock } from '../../../src/import/source';
import { fitPart } from '../../../src/import/tables/fit';
import { tableLabels } from '../../../src/import/tables/labels';
import { cellIndex } from '../../../src/core/report';

// Detection by best fit: the format whose table explains the text best, counting matched rows and labels,
// penalised for rows missing inside what the text shows and for rows it cannot explain.

/** A table written out as rows: every data row's label and numbers (1, 2, 3 …). */
function written(format: FormatDef, table: TableDef): SourceBlock[] {
  const index = cellIndex(format);
  return tableLabels(table).dataRows.map((d, i) => {
    const label = index.get(d.keys[0]!)!.row.split(' ').pop()!;
    return rowBlock([label, ...d.keys.map((_, j) => String(i + j))]);
  });
}

/** A fictional revision of the 2021 format: one more item in table 三's （六）其他处理. */
function revision(): FormatDef {
  const t3 = FORMAT_2021.tables.t3;
  const at = t3.rows.findIndex((r) => r.some((c) => c.type === 'label' && c.text === '3.其他'));
  const extra: GridCell[] = t3.rows[at]!.map((c) => (c.type === 'label' ? { ...c, text: '4.申请人撤回申请' } : { ...c, key: c.key.replace('r6_3', 'r6_4') }));
  // Cells spanning down over the row the new one follows (its category, the group label) span one more row.
  const rows = t3.rows.map((r, i) => r.map((c) => (c.rowSpan && i < at && i + c.rowSpan - 1 >= at ? { ...c, rowSpan: c.rowSpan + 1 } : c)));
  rows.splice(at + 1, 0, extra);
  const cells: CellDef[] = FORMAT_2021.cells.flatMap((c) => (c.key.startsWith('t3.r6_3.') ? [c, { ...c, key: c.key.replace('r6_3', 'r6_4'), row: '（六）其他处理 4.申请人撤回申请' }] : [c]));
  return { ...FORMAT_2021, id: '2027' as FormatId, name: '2027', years: { from: 2027 }, tables: { ...FORMAT_2021.tables, t3: { ...t3, rows } }, cells };
}

describe('detection by best fit', () => {
  it('tells the 2019 and 2021 tables 二 and 三 apart from their own rows', () => {
    for (const format of FORMATS) {
      for (const part of ['二', '三'] as const) {
        const table = part === '二' ? format.tables.t2 : format.tables.t3;
        expect(fitPart(part, [written(format, table)]).decisive?.id, `${format.id} ${part}`).toBe(format.id);
      }
    }
  });

  it('a revision whose labels are a superset of 2021’s neither steals a 2021 table nor loses its own', () => {
    const r2027 = revision();
    const formats = [FORMAT_2019, FORMAT_2021, r2027];
    expect(tableLabels(r2027.tables.t3).dataRows.length).toBe(tableLabels(FORMAT_2021.tables.t3).dataRows.length + 1);
    expect(fitPart('三', [written(FORMAT_2021, FORMAT_2021.tables.t3)], formats).decisive?.id).toBe('2021');
    expect(fitPart('三', [written(r2027, r2027.tables.t3)], formats).decisive?.id).toBe('2027');
  });

  it('a table cut after its first rows decides nothing between formats that share them', () => {
    const first = written(FORMAT_2021, FORMAT_2021.tables.t3).slice(0, 3);
    expect(fitPart('三', [first]).decisive).toBeUndefined();
  });

  it('takes the candidate reading that explains the table best', () => {
    const good = written(FORMAT_2021, FORMAT_2021.tables.t2);
    const garbled = [rowBlock(['规章 0 0 0 行政规范性文件'])];
    const { fits } = fitPart('二', [garbled, good]);
    expect(fits.find((f) => f.format === FORMAT_2021)!.blocks).toBe(good);
  });
});
