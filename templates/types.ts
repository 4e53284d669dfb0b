// The vocabulary every statutory format definition is written in.
// A format is pure data: the form, the checker, the renderers and the importers all read it.

/**
 * A format's id: the year of the notice that set it ("2021"). Only templates/ names ids; src/ takes them from the
 * list of formats, so a revision is one more file and one more entry in templates/index.ts.
 */
export type FormatId = string;
export type PartId = '一' | '二' | '三' | '四' | '五' | '六';
export type TableId = 't2' | 't3' | 't4';

/** count: integer ≥ 0; money: 万元, exact decimal ≥ 0; delta: signed integer (2019 本年增/减). */
export type ValueKind = 'count' | 'money' | 'delta';

/** A printed (non-value) cell of a table grid. */
export type LabelCell = {
  type: 'label';
  /** What the statutory table prints, character for character. */
  text: string;
  /** Printed after the text by renderers (e.g. a unit the statutory label leaves out). */
  note?: string;
  role: 'caption' | 'header' | 'rowLabel';
  /**
   * Where the text breaks in a narrow cell, as published reports print it (商业/企业, 社会公益/组织): the lines,
   * which joined give `text`. Renderers that wrap (Word) break there; single-line renderings ignore it.
   */
  lines?: readonly string[];
  /** A header that explains the table instead of naming columns (table 三's 勾稽 note): shown in small type. */
  explanation?: boolean;
  colSpan?: number;
  rowSpan?: number;
};

/** A cell the author fills in. */
export type ValueCell = {
  type: 'value';
  key: string;
  colSpan?: number;
  rowSpan?: number;
};

export type GridCell = LabelCell | ValueCell;

/**
 * A table as rows of cells, HTML-style: a row lists only the cells that start in it,
 * left to right; positions covered by a row span from above are skipped.
 */
export type TableDef = {
  id: TableId;
  part: PartId;
  columns: number;
  /** Leading rows that form the header (repeated when a table crosses a page). */
  headerRows: number;
  rows: GridCell[][];
  layout: TableLayout;
  /** What the form tells the clerk about this table beyond how to type in it (e.g. its unit). */
  hint?: string;
};

/** How a table is drawn, shared by the Word table and the form's grid. */
export type TableLayout = {
  /** Relative width of each grid column (one per column). */
  weights: readonly number[];
  /** Leading grid columns that hold row labels; the others hold values. */
  labelColumns: number;
  /** How a one-row row label is aligned: table 三's read from the left, as printed. Group labels and headers are centred. */
  rowLabelAlign: 'left' | 'center';
};

/** Everything the app needs to know about one value cell. */
export type CellDef = {
  key: string;
  table: TableId;
  part: PartId;
  kind: ValueKind;
  /** Row label as printed (sub-items carry their category, e.g. "（三）不予公开 1.属于国家秘密"). */
  row: string;
  /** Column label as printed. */
  column: string;
};

/** One term of a linear rule; `previous` reads last year's report. */
export type Term = { key: string; sign?: 1 | -1; previous?: boolean };

export type RuleId =
  | '三-勾稽'
  | '三-行合计'
  | '三-总计'
  | '四-合计'
  | '跨年-结转'
  | '跨年-现行有效'
  | '跨年-项目数'
  | '现行有效'
  | '公开数量';

/** A consistency rule over cells: Σ left  op  Σ right. */
export type LinearRule = {
  id: RuleId;
  severity: 'error' | 'warning';
  /** The cell a finding is shown at. */
  at: string;
  left: Term[];
  op: '=' | '<=' | '>=';
  right: Term[];
  /** The single left cell is a total the form may compute from the right-hand cells. */
  computesTotal?: boolean;
  /** Report years the rule applies to. */
  years?: { from?: number; to?: number };
  /** What the rule says, for messages. */
  statement: string;
  /** Names of the two sides, where a message should show both sums. */
  sides?: { left: string; right: string };
  /** For a rule that reads last year's report: what it checks against last year, in a clerk's words (上年结转). */
  topic?: string;
};

export type PartDef = {
  id: PartId;
  heading: string;
  title: string;
  kind: 'narrative' | 'table';
  table?: TableId;
  /** What the format asks this part to cover (narrative parts). */
  checklist?: readonly ChecklistItem[];
  /** The checker reminds (as information) of the checklist topics the text does not mention. */
  checklistReminder?: boolean;
  /** The form offers to add the checklist's topics as numbered sub-headings. */
  checklistHeadings?: boolean;
  /** The form offers to insert the sentence summing up the applications, reviews and lawsuits here. */
  applicationSummary?: boolean;
  /** With nothing to report the part says “无” (an empty part is then a reminder to write it). */
  mayBeNone?: boolean;
};

/** One topic a narrative part should cover; the text covers it when it contains any of `words`. */
export type ChecklistItem = {
  text: string;
  /** Empty when no word can tell (e.g. “如无其他事项，写‘无’”): never ticked off. */
  words: readonly string[];
};

/** Cells with a meaning other features rely on, by role. */
export type Facts = {
  /** Table 三 rows by role, keyed by column id. */
  received: string;
  carriedFromLastYear: string;
  handled: string;
  carriedToNextYear: string;
  reviewTotal: string;
  litigationTotals: readonly string[];
  /** 规章 cells (only agencies with rule-making power report them). */
  regulations: readonly string[];
  /** The 逾期未缴费 row's total, in formats that count it (2021's （六）2). */
  unpaidFeeTotal?: string;
  /** last year's cell → this year's cell, when continuing from last year's report. */
  carryOver: readonly { from: string; to: string }[];
  /** Table 三's 办理结果 categories as a text names them, with the cells each sums. */
  results: readonly NamedResult[];
  /** Table 二 figures a narrative sentence may state, and the words that name them. */
  stated: readonly StatedFigure[];
};

/** A 办理结果 category of table 三 ("予以公开") and the 总计 cells it is the sum of. */
export type NamedResult = { name: string; cells: readonly string[] };

/**
 * A table 二 figure as a sentence states it: "制定行政规范性文件4件", "规范性文件制定0件、废止0件",
 * "作出行政处罚决定30件", "收取行政事业性收费96.45万元".
 */
export type StatedFigure = {
  cell: string;
  /** Words naming the item; one mention serves the figures listed after it in the same sentence. */
  item: readonly string[];
  /** Words naming this figure among the item's, in the same clause as the number. */
  measure: readonly string[];
  /** The item followed directly by its number ("行政处罚30件") names this figure. */
  bare?: true;
};

export type FormatDef = {
  id: FormatId;
  name: string;
  notice: string;
  years: { from: number; to?: number };
  parts: readonly PartDef[];
  tables: Readonly<Record<TableId, TableDef>>;
  cells: readonly CellDef[];
  rules: readonly LinearRule[];
  facts: Facts;
};
