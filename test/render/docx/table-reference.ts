import {
  AlignmentType,
  BorderStyle,
  HeightRule,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
} from 'docx';
import type { TableDef } from '../../../templates';
import { cellDisplay } from '../../../src/core/document';
import { labelText, rowPieces, tableGrid, type Anchor } from '../../../src/core/layout';
import type { Report } from '../../../src/core/report';
import { columnWidths } from '../../../src/render/docx/columns';
import { FONT } from '../../../src/render/docx/fonts';
import { SIZE, TEXT_WIDTH } from '../../../src/render/docx/page';
import { STYLE_ID } from '../../../src/render/docx/styles';
import { xmlSafe } from '../../../src/render/docx/text';

// The reference for src/render/docx/table.ts: the same table built the plain way, a new docx component for
// every cell (the export shares identical cells between positions and exports, for speed).

const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };
/** Narrow cell margins so that 2–3 characters fit the value columns. */
const CELL_MARGINS = { left: 28, right: 28, top: 0, bottom: 0 };

/** A row at least one 五号 line plus a little air tall, as in the printed tables. */
const ROW_HEIGHT = 340;

/** One-row row labels aligned as the format says; group labels, headers and numbers are centred. */
function alignment(table: TableDef, anchor: Anchor): (typeof AlignmentType)[keyof typeof AlignmentType] {
  const cell = anchor.cell;
  const leftAligned = table.layout.rowLabelAlign === 'left' && cell.type === 'label' && cell.role === 'rowLabel' && anchor.rowSpan === 1;
  return leftAligned ? AlignmentType.LEFT : AlignmentType.CENTER;
}

function cellParagraph(lines: readonly string[], table: TableDef, anchor: Anchor, keepNext: boolean): Paragraph {
  return new Paragraph({
    style: STYLE_ID.tableText,
    alignment: alignment(table, anchor),
    keepNext,
    children: lines.map(
      (line, i) =>
        new TextRun({ text: xmlSafe(line), font: FONT.table, size: SIZE.五号, sizeComplexScript: SIZE.五号, snapToGrid: false, ...(i > 0 ? { break: 1 } : {}) }),
    ),
  });
}

/**
 * Rows of table 二 stay with the rest of their sub-table (it has no header row to repeat); elsewhere the header
 * and first body row stay with the next row, and so do the rows of a merged group of up to 10 rows but its last.
 */
function keepsWithNext(table: TableDef, row: number, grid: ReturnType<typeof tableGrid>): boolean {
  if (row >= grid.rowCount - 1) return false;
  if (table.headerRows === 0) {
    const next = table.rows[row + 1];
    return next !== undefined && !(next[0]?.type === 'label' && next[0].role === 'caption');
  }
  if (row <= table.headerRows) return true;
  return grid.anchors.some((a) => a.rowSpan > 1 && a.rowSpan <= 10 && a.row <= row && row < a.row + a.rowSpan - 1);
}

export function referenceTableDocx(report: Report, table: TableDef): Table {
  const grid = tableGrid(table);
  const widths = columnWidths(table);
  const span = (a: Anchor) => widths.slice(a.col, a.col + a.colSpan).reduce((s, w) => s + w, 0);
  const rows: TableRow[] = [];
  for (let r = 0; r < grid.rowCount; r++) {
    const keepNext = keepsWithNext(table, r, grid);
    const cells = rowPieces(grid, r).map(({ anchor, starts }) => {
      const cell = anchor.cell;
      const lines = !starts ? [''] : cell.type === 'value' ? [cellDisplay(report, cell)] : cell.lines && !cell.note ? cell.lines : [labelText(cell)];
      return new TableCell({
        children: [cellParagraph(lines, table, anchor, keepNext)],
        width: { size: span(anchor), type: WidthType.DXA },
        verticalAlign: VerticalAlignTable.CENTER,
        ...(anchor.colSpan > 1 ? { columnSpan: anchor.colSpan } : {}),
        ...(anchor.rowSpan > 1 ? { verticalMerge: starts ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE } : {}),
      });
    });
    rows.push(
      new TableRow({
        children: cells,
        cantSplit: true,
        height: { value: ROW_HEIGHT, rule: HeightRule.ATLEAST }, ...(r < table.headerRows ? { tableHeader: true } : {}),
      }),
    );
  }
  return new Table({
    rows,
    columnWidths: widths,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: BORDERS,
    margins: CELL_MARGINS,
  });
}
