import {
  AlignmentType,
  BorderStyle,
  FileChild,
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
import { rowPieces, tableGrid, type Anchor } from '../../core/layout';
import type { Report } from '../../core/report';
import { columnWidths } from './columns';
import { FONT } from './fonts';
import { SIZE, TEXT_WIDTH } from './page';
import { STYLE_ID } from './styles';
import { xmlSafe } from './text';

// A statutory table from the shared layout grid: one w:tr per grid row, gridSpan for column merges,
// vMerge restart/continue for row merges, widths on the grid and on every cell.
//
// Why not one docx TableCell per cell: the three tables hold ~400 cells, and docx's generic
// component-to-XML step for them took most of the export time (see docs/performance.md). docx still
// writes every piece of XML here, once per distinct cell shape; each cell then reuses its shape's
// prepared properties and only gets its own text. The XML is the same, byte for byte.

const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };
/** Narrow cell margins so that 2–3 characters fit the value columns. */
const CELL_MARGINS = { left: 45, right: 45, top: 0, bottom: 0 };

/** A row at least one 五号 line plus a little air tall, as in the printed tables. */
const ROW_HEIGHT = 340;

type Alignment = (typeof AlignmentType)[keyof typeof AlignmentType];

/** Table 三's row labels read from the left, as printed; group labels, headers, table 二's labels and numbers are centred. */
function alignment(table: TableDef, anchor: Anchor): Alignment {
  const cell = anchor.cell;
  const leftAligned = table.id === 't3' && cell.type === 'label' && cell.role === 'rowLabel' && anchor.rowSpan === 1;
  return leftAligned ? AlignmentType.LEFT : AlignmentType.CENTER;
}

function cellParagraph(text: string, align: Alignment, keepNext: boolean): Paragraph {
  return new Paragraph({
    style: STYLE_ID.tableText,
    alignment: align,
    keepNext,
    children: [new TextRun({ text, font: FONT.table, size: SIZE.五号, sizeComplexScript: SIZE.五号, snapToGrid: false })],
  });
}

/** Rows of table 二 stay with the rest of their sub-table (it has no header row to repeat). */
function keepsWithNext(table: TableDef, row: number): boolean {
  if (table.headerRows > 0) return false;
  const next = table.rows[row + 1];
  return next !== undefined && !(next[0]?.type === 'label' && next[0].role === 'caption');
}

type Merge = 'restart' | 'continue' | undefined;
type CellShape = { width: number; colSpan: number; merge: Merge; align: Alignment; keepNext: boolean };

function docxCell(text: string, s: CellShape): TableCell {
  return new TableCell({
    children: [cellParagraph(text, s.align, s.keepNext)],
    width: { size: s.width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    ...(s.colSpan > 1 ? { columnSpan: s.colSpan } : {}),
    ...(s.merge ? { verticalMerge: s.merge === 'restart' ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE } : {}),
  });
}

function docxRow(cells: TableCell[], header: boolean): TableRow {
  return new TableRow({ children: cells, cantSplit: true, height: { value: ROW_HEIGHT, rule: HeightRule.ATLEAST }, ...(header ? { tableHeader: true } : {}) });
}

// Prepared XML is plain data that docx only reads when writing, so shapes are shared between cells and documents.
const CONTEXT = { stack: [] } as unknown as IContext;

function childrenOf(node: unknown, name: string): IXmlableObject[] {
  const children = (node as IXmlableObject | undefined)?.[name];
  if (!Array.isArray(children)) throw new Error(`Word 组件生成的表格结构与预期不同（<${name}>），可能是组件版本不兼容`);
  return children as IXmlableObject[];
}

/** A cell's XML with its text left out: `withText` puts a text in. */
type PreparedShape = { withText: (text: string) => IXmlableObject };

const MARK = '\u0001nianbao-text\u0001';

function prepareShape(s: CellShape): PreparedShape {
  const [tcPr, p] = childrenOf(docxCell(MARK, s).prepForXml(CONTEXT), 'w:tc');
  const [pPr, r] = childrenOf(p, 'w:p');
  const [rPr, t] = childrenOf(r, 'w:r');
  const [space, text] = childrenOf(t, 'w:t') as unknown[];
  if (!tcPr || !pPr || !rPr || !space || text !== MARK) throw new Error('Word 组件生成的表格单元格结构与预期不同，可能是组件版本不兼容');
  return { withText: (value) => ({ 'w:tc': [tcPr, { 'w:p': [pPr, { 'w:r': [rPr, { 'w:t': [space, value] }] }] }] }) };
}

const shapes = new Map<string, PreparedShape>();
function shapeOf(s: CellShape): PreparedShape {
  const key = `${s.width}|${s.colSpan}|${s.merge ?? ''}|${s.align}|${s.keepNext ? 1 : 0}`;
  let shape = shapes.get(key);
  if (!shape) {
    shape = prepareShape(s);
    shapes.set(key, shape);
  }
  return shape;
}

/** Row properties (header rows repeat on each page). */
const rowProperties = new Map<boolean, IXmlableObject>();
function rowPropertiesOf(header: boolean): IXmlableObject {
  let props = rowProperties.get(header);
  if (!props) {
    const probe = docxRow([docxCell('', { width: 1, colSpan: 1, merge: undefined, align: AlignmentType.CENTER, keepNext: false })], header);
    props = childrenOf(probe.prepForXml(CONTEXT), 'w:tr')[0]!;
    rowProperties.set(header, props);
  }
  return props;
}

/** Table properties and column grid, per statutory table. */
const tableHeads = new WeakMap<TableDef, IXmlableObject[]>();
function tableHeadOf(table: TableDef, widths: number[]): IXmlableObject[] {
  let head = tableHeads.get(table);
  if (!head) {
    const probe = new Table({
      rows: [docxRow([docxCell('', { width: TEXT_WIDTH, colSpan: widths.length, merge: undefined, align: AlignmentType.CENTER, keepNext: false })], false)],
      columnWidths: widths,
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      layout: TableLayoutType.FIXED,
      alignment: AlignmentType.CENTER,
      borders: BORDERS,
      margins: CELL_MARGINS,
    });
    head = childrenOf(probe.prepForXml(CONTEXT), 'w:tbl').slice(0, 2);
    tableHeads.set(table, head);
  }
  return head;
}

/** The finished table as a document child. */
class PreparedTable extends FileChild {
  constructor(private readonly xml: IXmlableObject) {
    super('w:tbl');
  }
  override prepForXml(): IXmlableObject {
    return this.xml;
  }
}

export function renderTableDocx(report: Report, table: TableDef): FileChild {
  const grid = tableGrid(table);
  const widths = columnWidths(table);
  const rows: IXmlableObject[] = [];
  for (let r = 0; r < grid.rowCount; r++) {
    const keepNext = keepsWithNext(table, r);
    const row: IXmlableObject[] = [rowPropertiesOf(r < table.headerRows)];
    for (const piece of rowPieces(grid, r)) {
      const { anchor, starts } = piece;
      const text = pieceText(report, piece);
      let width = 0;
      for (let c = anchor.col; c < anchor.col + anchor.colSpan; c++) width += widths[c]!;
      const merge: Merge = anchor.rowSpan > 1 ? (starts ? 'restart' : 'continue') : undefined;
      row.push(shapeOf({ width, colSpan: anchor.colSpan, merge, align: alignment(table, anchor), keepNext }).withText(xmlSafe(text)));
    }
    rows.push({ 'w:tr': row });
  }
  return new PreparedTable({ 'w:tbl': [...tableHeadOf(table, widths), ...rows] });
}
