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
  type IContext,
  type IXmlableObject,
} from 'docx';
import type { TableDef } from '../../../templates';
import { pieceText } from '../../core/document';
import { labelAlign, labelLines, rowPieces, tableGrid, type Anchor, type RowPiece, type TableGrid } from '../../core/layout';
import type { Report } from '../../core/report';
import { columnWidths } from './columns';
import { FONT } from './fonts';
import { SIZE, TEXT_WIDTH } from './page';
import { STYLE_ID } from './styles';
import { xmlSafe } from './text';

// A statutory table from the shared layout grid: one w:tr per grid row, gridSpan for column merges,
// vMerge restart/continue for row merges, widths on the grid and on every cell. Every cell is a docx
// TableCell → Paragraph → TextRun.
//
// Speed (docs/performance.md): the three tables hold ~400 cells, and docx's step from components to XML
// for them took most of the export time. Most cells are alike — every label is the same in every export,
// and many values repeat — so identical cells are one shared component that writes its XML once, through
// docx's documented extension point (overriding prepForXml); nothing here looks inside what docx writes.

const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };
/** Narrow cell margins (½ mm) so that table 三's value columns hold four 五号 characters (社会公益/组织). */
const CELL_MARGINS = { left: 28, right: 28, top: 0, bottom: 0 };

/** A row at least one 五号 line plus a little air tall, as in the printed tables. */
const ROW_HEIGHT = 340;

type Alignment = (typeof AlignmentType)[keyof typeof AlignmentType];

const alignment = (table: TableDef, anchor: Anchor): Alignment => (labelAlign(table, anchor) === 'left' ? AlignmentType.LEFT : AlignmentType.CENTER);

/** A merged label group up to this many rows is kept on one page; a longer one (三、本年度办理结果, 22 rows) may break. */
const MAX_KEPT_GROUP = 10;

/**
 * Whether a row stays on the page of the next one (Word's keep-with-next on its paragraphs). Rows of a table
 * without header rows (table 二) stay with the rest of their sub-table. In a table with a header, the header
 * and the first body row stay with the row after (so the table never starts in the last lines of a page), and
 * so do the rows of a merged label group but its last (“（三）不予公开” is not split across pages).
 */
function keepsWithNext(grid: TableGrid, row: number): boolean {
  const table = grid.table;
  if (row >= grid.rowCount - 1) return false;
  if (table.headerRows === 0) {
    const next = table.rows[row + 1];
    return next !== undefined && !(next[0]?.type === 'label' && next[0].role === 'caption');
  }
  if (row <= table.headerRows) return true;
  return grid.slots[row]!.some((a) => a.rowSpan > 1 && a.rowSpan <= MAX_KEPT_GROUP && row < a.row + a.rowSpan - 1);
}

/** A cell's lines: a label breaks where its definition says (商业/企业), anything else is one line. */
function linesOf(report: Report, piece: RowPiece): string[] {
  const cell = piece.anchor.cell;
  if (piece.starts && cell.type === 'label') return labelLines(cell).map(xmlSafe);
  return [xmlSafe(pieceText(report, piece))];
}

type Merge = 'restart' | 'continue' | undefined;
type CellShape = { width: number; colSpan: number; merge: Merge; align: Alignment; keepNext: boolean };

const run = (text: string, breakBefore: boolean): TextRun =>
  new TextRun({ text, font: FONT.table, size: SIZE.五号, sizeComplexScript: SIZE.五号, snapToGrid: false, ...(breakBefore ? { break: 1 } : {}) });

function docxCell(lines: readonly string[], s: CellShape): TableCell {
  return new SharedCell({
    children: [new Paragraph({ style: STYLE_ID.tableText, alignment: s.align, keepNext: s.keepNext, children: lines.map((l, i) => run(l, i > 0)) })],
    width: { size: s.width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    ...(s.colSpan > 1 ? { columnSpan: s.colSpan } : {}),
    ...(s.merge ? { verticalMerge: s.merge === 'restart' ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE } : {}),
  });
}

/** A cell placed at several positions (and in several exports) that writes its XML once. */
class SharedCell extends TableCell {
  private xml: IXmlableObject | undefined;
  override prepForXml(context: IContext): IXmlableObject | undefined {
    this.xml ??= super.prepForXml(context);
    return this.xml;
  }
}

/** Cells by shape and text; cleared when it grows past what a few dozen different reports need. */
const cells = new Map<string, TableCell>();
const MAX_CELLS = 20_000;

function cellOf(lines: readonly string[], s: CellShape): TableCell {
  // xmlSafe removed every U+0000, so it separates the lines unambiguously.
  const key = `${s.width}|${s.colSpan}|${s.merge ?? ''}|${s.align}|${s.keepNext ? 1 : 0}|${lines.join('\u0000')}`;
  let cell = cells.get(key);
  if (!cell) {
    if (cells.size >= MAX_CELLS) cells.clear();
    cell = docxCell(lines, s);
    cells.set(key, cell);
  }
  return cell;
}

export function renderTableDocx(report: Report, table: TableDef): Table {
  const grid = tableGrid(table);
  const widths = columnWidths(table);
  const rows: TableRow[] = [];
  for (let r = 0; r < grid.rowCount; r++) {
    const keepNext = keepsWithNext(grid, r);
    const children = rowPieces(grid, r).map((piece) => {
      const { anchor, starts } = piece;
      let width = 0;
      for (let c = anchor.col; c < anchor.col + anchor.colSpan; c++) width += widths[c]!;
      const merge: Merge = anchor.rowSpan > 1 ? (starts ? 'restart' : 'continue') : undefined;
      return cellOf(linesOf(report, piece), { width, colSpan: anchor.colSpan, merge, align: alignment(table, anchor), keepNext });
    });
    rows.push(
      new TableRow({ children, cantSplit: true, height: { value: ROW_HEIGHT, rule: HeightRule.ATLEAST }, ...(r < table.headerRows ? { tableHeader: true } : {}) }),
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
