import type { CellDef, FormatDef, TableDef } from '../../../templates';
import { tableGrid, type Anchor } from '../../core/layout';
import { writeCellText } from '../../core/cell-input';
import { formatValue, isBlankMarker, type CellValue } from '../../core/numbers';
import { cellIndex } from '../../core/report';
import type { Finding } from '../../core/checker';
import { cleanCellText, labelKey } from '../normalise/text';
import { GLUED, GLUED_WORDS, splitGlued, splitGluedHeader } from './glued';
import { isTypoOf, matchLabel, tableLabels, type DataRow, type TableLabel, type TableLabels } from './labels';
import type { SourceBlock } from '../source';

// Maps the rows found under a table part onto the format's table: each row is recognised by its
// label, and the cells after the label are its values, left to right.

export type TableReading = {
  values: Record<string, CellValue>;
  written: Record<string, string>;
  findings: Finding[];
  rowsFound: number;
  /** Index (in the table's order of data rows) of every row found. */
  found: Set<number>;
  /** Rows of the format the text did not have, in the table's order (reported by the mapping stage, which knows where the text was cut). */
  missing: { index: number; row: string; key: string }[];
  /** Rows the format does not have, and rows with more numbers than columns: what the format cannot explain. */
  unexplained: number;
  /** Number cells read into the format's cells. */
  cellsRead: number;
  /** Labels of the table recognised (header and row labels): evidence of the format beyond the data rows. */
  labelsSeen: number;
  /** The text the table ends with (to say where a cut text ends). */
  lastText: string;
  /** The printed row label of a data row, by its index in the table's order. */
  rowAt: (index: number) => string;
};

/** A number, possibly with a unit or a word around it ("约37件", "22.36万元"); not a label that happens to hold a digit. */
const looksLikeValue = (s: string): boolean =>
  isBlankMarker(s) || (/\d/.test(s) && s.length <= 16 && (s.match(/[\u3400-\u9fff]/g)?.length ?? 0) <= 3);
const quote = (cells: readonly string[]): string => cells.map((c) => `“${c}”`).join(' ');

type Row = { cells: string[]; aligned: boolean };

function rowCells(block: Extract<SourceBlock, { kind: 'row' }>): Row {
  const cells: string[] = [];
  for (const c of block.cells) if (!c.covered) cells.push(cleanCellText(c.text));
  return { cells, aligned: block.aligned === true };
}

/** Cells cut at spaces may hold several numbers ("0 0 1"); split those apart. */
function splitNumbers(cells: readonly string[]): string[] {
  return cells.flatMap((c) => (/^[\d.,+\-增减万元件]+(\s+[\d.,+\-增减万元件]+)+$/.test(c) ? c.split(/\s+/) : c === '' ? [] : [c]));
}

/**
 * The row's values when the line has one cell per grid column, as nianbao writes text: a merged cell's
 * padding columns are empty. Undefined for any other line (a web page's row with trailing filler pipes may
 * have as many cells, but its values stand where the padding would be).
 */
function cellsAtGridColumns(table: TableDef, dataRow: DataRow, cells: readonly string[], labelCol: number): string[] | undefined {
  if (cells.length !== table.columns) return undefined;
  const slots = tableGrid(table).slots[dataRow.row]!;
  const padding = slots.some((a, col) => col > labelCol && a.col !== col && cells[col] !== '');
  if (padding) return undefined;
  return dataRow.keys.map((key) => cells[slots.findIndex((a) => a.cell.type === 'value' && a.cell.key === key)] ?? '');
}

/**
 * `scoreOnly` counts what the fit is scored by (rows, labels, cells, what is unexplained) without parsing the
 * cells or wording findings: every format reads every candidate, but only the winning reading is used.
 */
export function readTable(format: FormatDef, table: TableDef, blocks: readonly SourceBlock[], scoreOnly = false): TableReading {
  const labels = tableLabels(table);
  const index = cellIndex(format);
  const reading: TableReading = { values: {}, written: {}, findings: [], rowsFound: 0, found: new Set(), missing: [], unexplained: 0, cellsRead: 0, labelsSeen: 0, lastText: '', rowAt: (i) => index.get(labels.dataRows[i]!.keys[0]!)!.row };
  const seenLabels = new Set<TableLabel>();
  const filled = new Set<DataRow>();
  const yuanColumns = new Set<string>();
  const part = table.part;
  let previousText = '';
  let pending: DataRow | undefined;
  /** The last data row read, in the table's order (a row without a label is placed after it). */
  let lastIndex = -1;
  let blankPending: { row: DataRow; numbers: string[]; quoted: readonly string[] } | undefined;

  const rowFinding = (severity: Finding['severity'], rule: string, def: CellDef | undefined, message: string): void => {
    if (scoreOnly) return;
    reading.findings.push({ severity, rule, part, row: def?.row ?? null, column: null, message, ...(def ? { cell: def.key } : {}) });
  };

  const assign = (dataRow: DataRow, raw: string[], aligned: boolean): void => {
    const first = index.get(dataRow.keys[0]!)!;
    if (filled.has(dataRow)) {
      rowFinding('warning', '结构', first, `“${first.row}”一行出现了不止一次，已按第一次出现的数字读取；后一次为：${quote(raw)}。请删去重复的行。`);
      return;
    }
    filled.add(dataRow);
    reading.rowsFound++;
    lastIndex = labels.dataRows.indexOf(dataRow);
    reading.found.add(lastIndex);
    const expected = dataRow.keys.length;
    let cells = aligned ? splitNumbers(raw) : raw.slice();
    while (cells.length > expected && cells[cells.length - 1] === '') cells.pop();
    if (cells.length > expected) {
      const nonEmpty = cells.filter((c) => c !== '');
      if (nonEmpty.length === expected) cells = nonEmpty;
    }
    if (cells.length > expected) {
      reading.unexplained++;
      rowFinding('error', '读取', first, `“${first.row}”一行应有 ${expected} 格数字，读到 ${cells.length} 格：${quote(cells)}，无法对应到各列。请核对本行是否多出了格子。`);
      return;
    }
    if (cells.length < expected && aligned && trailingNumber) {
      // The first number stood at the end of the label's first line ("…不计 6").
      cells = [trailingNumber, ...cells];
    }
    // A label with nothing after it: the row is there and blank (the checker says so, once per table).
    if (cells.every((c) => c === '')) return;
    if (cells.length < expected) {
      // Which columns the numbers belong to cannot be known: nothing is read rather than guessed.
      reading.unexplained++;
      rowFinding(
        'warning',
        '读取',
        first,
        `“${first.row}”一行应有 ${expected} 格，只读到 ${cells.length} 格：${quote(cells)}，分不清各是哪一列，本行按未填写处理。请在原文中补齐本行的空白格（如为 0 请填 0）。`,
      );
      return;
    }
    for (let i = 0; i < dataRow.keys.length; i++) {
      if (cells[i]!.trim() !== '') reading.cellsRead++;
      if (scoreOnly) continue;
      const def = index.get(dataRow.keys[i]!)!;
      storeCell(reading, def, cells[i]!, yuanColumns.size > 0 && yuanColumns.has(def.column));
    }
  };

  let trailingNumber = '';
  for (const block of blocks) {
    if (block.kind === 'text' && (readGlued(block.text.trim()) || readGluedHeader(block.text.trim()))) continue;
    if (block.kind === 'text') {
      if (!scoreOnly && block.text.trim() && !looksLikeValue(block.text.trim())) reading.lastText = block.text.trim();
      const m = /^(.*\D)\s+(\d+)$/.exec(block.text);
      previousText = m ? m[1]! : block.text;
      trailingNumber = m ? m[2]! : '';
      continue;
    }
    const { cells, aligned } = rowCells(block);
    if (!scoreOnly) {
      const lastCell = [...cells].reverse().find((c) => c.trim() !== '' && !looksLikeValue(c));
      if (lastCell) reading.lastText = lastCell;
    }
    let last = -1;
    let label: TableLabel | undefined;
    for (let i = 0; i < cells.length; i++) {
      const m = matchLabel(cells[i]!, labels);
      if (m) {
        last = i;
        label = m;
        seenLabels.add(m);
      }
    }
    if (!label) {
      handleUnlabelled(cells, aligned);
      previousText = '';
      trailingNumber = '';
      continue;
    }
    previousText = '';
    if (label.role !== 'rowLabel') {
      if (!scoreOnly) noteHeaderUnits(cells, labels, yuanColumns, format);
      // Numbers after a header, where a row's label should be: a row whose label is blank.
      const after = cells.slice(last + 1);
      if (after.some((c) => /\d/.test(c)) && after.every((c) => looksLikeValue(c) || c === '')) {
        // Table 四's data row has no label: its numbers follow the header directly.
        const unnamed = labels.dataRows.find((d) => d.identity === null);
        const numbers = after.filter((c) => c !== '');
        if (unnamed && !filled.has(unnamed) && numbers.length === unnamed.keys.length) assign(unnamed, numbers, false);
        else blankLabelled(after, after);
      }
      continue;
    }
    const dataRow = dataRowNamed(labels, label.anchor, filled);
    if (dataRow && blankPending) settleBlankLabel(labels.dataRows.indexOf(dataRow));
    if (dataRow && !scoreOnly && isTypoOf(cells[last]!, label)) {
      const def = index.get(dataRow.keys[0]!)!;
      rowFinding('info', '读取', def, `行名“${cells[last]!.trim()}”与统一格式的“${label.text}”不一致（可能是笔误），已按“${def.row}”一行读取。请改正行名。`);
    }
    // A line with one cell per grid column (text written by nianbao: merged cells padded with empty ones)
    // is read by grid position, so a blank value is told apart from the padding of a merged cell.
    const rest = (dataRow && last === label.anchor.col && cellsAtGridColumns(table, dataRow, cells, last)) || cells.slice(last + 1);
    if (dataRow && aligned && rest.every((c) => c === '')) {
      // Space-aligned text loses blank cells: the numbers may stand on the next line (a wrapped label).
      pending = dataRow;
      continue;
    }
    pending = undefined;
    if (!dataRow) {
      // A category label ("（三）不予公开") followed by an item the format does not have.
      if (rest.some((c) => /\d/.test(c))) extraRow(cells);
      continue;
    }
    assign(dataRow, rest, aligned);
    trailingNumber = '';
  }

  /** A row label run together with its digits ("规章000"): split when one split fits, else said, never dropped. */
  function readGlued(text: string): boolean {
    const m = GLUED.exec(text);
    if (!m) return false;
    const label = matchLabel(m[1]!, labels);
    if (label?.role !== 'rowLabel') return false;
    const dataRow = dataRowNamed(labels, label.anchor, filled);
    if (!dataRow) return false;
    seenLabels.add(label);
    if (!scoreOnly) reading.lastText = text;
    const split = splitGlued(m[2]!, dataRow);
    if ('cells' in split) {
      assign(dataRow, split.cells, false);
      if (!scoreOnly) {
        const first = index.get(dataRow.keys[0]!)!;
        rowFinding('info', '读取', first, `“${text}”中${GLUED_WORDS}，已按本行 ${dataRow.keys.length} 格读作 ${quote(split.cells)}。请在原文中把各格分开。`);
      }
      return true;
    }
    // The row is there; which digits belong to which column is not known.
    if (filled.has(dataRow)) return true;
    filled.add(dataRow);
    reading.rowsFound++;
    reading.found.add(labels.dataRows.indexOf(dataRow));
    const first = index.get(dataRow.keys[0]!)!;
    rowFinding(
      'warning',
      '读取',
      first,
      `“${text}”中${GLUED_WORDS}，本行应有 ${dataRow.keys.length} 格，数字“${split.digits}”有不止一种分法（或没有合乎本行的分法），分不清各是哪一列，本行按未填写处理。请在原文中把各格分开。`,
    );
    return true;
  }

  /** A header run together: recognised when its text cuts into the table's header labels one way only. */
  function readGluedHeader(text: string): boolean {
    if (text.length < 8 || /\d/.test(text) || matchLabel(text, labels)) return false;
    const pieces = gluedHeaderOf(text, labels);
    if (!pieces) return false;
    for (const p of pieces) seenLabels.add(p);
    if (!scoreOnly) {
      reading.lastText = text;
      reading.findings.push({ severity: 'info', rule: '读取', part, row: null, column: null, message: `表头“${text}”的各栏连在一起，已识别为 ${quote(pieces.map((p) => p.text))}。请在原文中把各栏分开。` });
    }
    return true;
  }

  function handleUnlabelled(all: string[], aligned: boolean): void {
    // An item's number cut from its label, which stands on the line above ("属于国家秘密" / "1.  0  0 …").
    const number = aligned && /^\d{1,2}[.、．]$/.test(all[0] ?? '') ? all[0]! : '';
    // A vertical group label ("三、", "本") printed between the halves of a wrapped label is no cell of the row.
    const cells = (number ? all.slice(1) : all).filter((c) => !(aligned && !looksLikeValue(c) && labelKey(c).length <= 2));
    if (number && previousText && !matchLabel(previousText, labels)) previousText = number + previousText;
    const texts = cells.filter((c) => !looksLikeValue(c));
    const hasNumbers = cells.some((c) => /\d/.test(c));
    if (!hasNumbers) return;
    const unnamed = labels.dataRows.find((d) => d.identity === null);
    if (unnamed && texts.length > 0 && cells.length === unnamed.keys.length) {
      assign(unnamed, cells, aligned);
      return;
    }
    if (texts.length === 0) {
      // Table 四's data row has no label; elsewhere the label may stand on the line above (PDF, wrapped).
      const above = previousText ? matchLabel(previousText, labels) : undefined;
      if (!pending && !previousText && !aligned && !labels.dataRows.some((d) => d.identity === null)) {
        blankLabelled(cells, cells);
        return;
      }
      const target =
        pending ??
        (above ? labels.dataRows.find((d) => d.identity === above.anchor) : labels.dataRows.find((d) => d.identity === null));
      pending = undefined;
      if (target) assign(target, cells, aligned);
      else extraRow(previousText ? [previousText, ...cells] : cells);
      return;
    }
    // A label wrapped onto the line above (space-aligned text): try the two pieces together.
    if (previousText) {
      const joined = matchLabel(previousText + texts[0]!, labels);
      const dataRow = joined && labels.dataRows.find((d) => d.identity === joined.anchor);
      if (dataRow) {
        assign(dataRow, cells.slice(cells.indexOf(texts[0]!) + 1), aligned);
        return;
      }
    }
    extraRow(cells);
  }

  /**
   * Numbers without a label: the row in the statutory position after the last row read, provided the next
   * labelled row is the one after it (settled then); otherwise an extra row, said.
   */
  function blankLabelled(numbers: string[], quoted: readonly string[]): void {
    if (blankPending) extraRow(blankPending.quoted);
    const next = labels.dataRows[lastIndex + 1];
    const fits = next && next.identity !== null && !filled.has(next) && numbers.filter((c) => c !== '').length === next.keys.length;
    if (fits) blankPending = { row: next, numbers, quoted };
    else extraRow(quoted);
  }

  function settleBlankLabel(nextIndex: number): void {
    const held = blankPending!;
    blankPending = undefined;
    const at = labels.dataRows.indexOf(held.row);
    if (nextIndex !== at + 1) {
      extraRow(held.quoted);
      return;
    }
    assign(held.row, held.numbers.filter((c) => c !== ''), false);
    const def = index.get(held.row.keys[0]!)!;
    rowFinding('info', '读取', def, `表格中一行没有行名：${quote(held.quoted.filter((c) => c !== ''))}。它位于统一格式中“${def.row}”一行的位置，已按该行读取。请补上行名。`);
  }

  function extraRow(cells: readonly string[]): void {
    reading.unexplained++;
    if (scoreOnly) return;
    const name = cells.find((c) => !looksLikeValue(c)) ?? cells.join(' ');
    reading.findings.push({
      severity: 'warning',
      rule: '结构',
      part,
      row: name,
      column: null,
      message: `表格中有统一格式之外的一行：${quote(cells.filter((c) => c !== ''))}。本地增加的行不属于统一格式，其数字未计入检查，请删去或并入相应的行。`,
    });
  }

  // A row without a label at the very end: the last row of the table is its only place.
  if (blankPending) settleBlankLabel(labels.dataRows.indexOf(blankPending.row) + 1);
  labels.dataRows.forEach((d, i) => {
    if (filled.has(d)) return;
    const def = index.get(d.keys[0]!)!;
    reading.missing.push({ index: i, row: def.row, key: def.key });
  });
  reading.labelsSeen = seenLabels.size;
  return reading;
}

const gluedHeaders = new WeakMap<TableLabels, { keys: string[]; byKey: Map<string, TableLabel>; answers: Map<string, TableLabel[] | null> }>();
/** The header labels a run-together header cuts into (the same texts recur: answers are kept per table). */
function gluedHeaderOf(text: string, labels: TableLabels): TableLabel[] | undefined {
  let table = gluedHeaders.get(labels);
  if (!table) {
    const byKey = new Map<string, TableLabel>();
    for (const l of labels.labels) if (l.role !== 'rowLabel' && !byKey.has(l.key)) byKey.set(l.key, l);
    table = { keys: [...byKey.keys()], byKey, answers: new Map() };
    gluedHeaders.set(labels, table);
  }
  let answer = table.answers.get(text);
  if (answer === undefined) {
    answer = splitGluedHeader(labelKey(text), table.keys)?.map((k) => table.byKey.get(k)!) ?? null;
    if (table.answers.size > 20000) table.answers.clear();
    table.answers.set(text, answer);
  }
  return answer ?? undefined;
}

/** The first row the label names that is not read yet, else the first it names (a repeated row). */
function dataRowNamed(labels: TableLabels, anchor: Anchor, filled: ReadonlySet<DataRow>): DataRow | undefined {
  let first: DataRow | undefined;
  for (const d of labels.dataRows) {
    if (d.identity !== anchor) continue;
    if (!filled.has(d)) return d;
    first ??= d;
  }
  return first;
}

const moneyColumnKeys = new WeakMap<FormatDef, ReadonlySet<string>>();
/** Label keys of the columns that hold money, once per format (every header row asks). */
function moneyColumnsOf(format: FormatDef): ReadonlySet<string> {
  let keys = moneyColumnKeys.get(format);
  if (!keys) {
    keys = new Set(format.cells.filter((c) => c.kind === 'money').map((c) => labelKey(c.column)));
    moneyColumnKeys.set(format, keys);
  }
  return keys;
}

/** A header saying the money column is in 元 rather than 万元. */
function noteHeaderUnits(cells: readonly string[], labels: TableLabels, yuan: Set<string>, format: FormatDef): void {
  const moneyColumns = moneyColumnsOf(format);
  for (const c of cells) {
    const m = matchLabel(c, labels);
    if (!m || !moneyColumns.has(m.key)) continue;
    const unit = /[（(]\s*(?:单位[:：]\s*)?(万元|元)\s*[)）]/.exec(c)?.[1];
    if (unit === '元') yuan.add(m.text);
  }
}

/** Parses one cell into the model (see writeCellText), noting a 元 amount converted from the header's unit. */
export function storeCell(reading: TableReading, def: CellDef, raw: string, inYuan: boolean): void {
  const parsed = writeCellText(reading, def, raw, inYuan ? '元' : undefined);
  if (inYuan && parsed.status === 'value' && parsed.note?.kind === 'yuan') {
    reading.findings.push({
      severity: 'warning',
      rule: '单位',
      part: def.part,
      row: def.row,
      column: def.column,
      cell: def.key,
      message: `表头写明金额单位为“元”，“${raw.trim()}”已换算为 ${formatValue(parsed.value)} 万元。统一格式以万元填写。`,
    });
  }
}
