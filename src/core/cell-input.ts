import type { CellDef } from '../../templates';
import { formatValue, parseCell, type ParsedCell } from './numbers';
import type { Report } from './report';

// How a cell's text goes into the model, the same way for the form (typed) and the importers (read):
// the number in `values`, and the text as written in `written` whenever it was not the plain number.

type Cells = Pick<Report, 'values' | 'written'>;

/** The text a cell shows for editing or quoting: what was written, or the stored number. */
export function cellInputText(report: Cells, key: string): string {
  return report.written[key] ?? formatValue(report.values[key]);
}

/**
 * Stores one cell's text. `unit` is a unit the table's header gives for bare numbers ("元"):
 * it is written into the cell's text, so that re-reading or re-editing the text gives the same value.
 */
export function writeCellText(cells: Cells, def: Pick<CellDef, 'key' | 'kind'>, raw: string, unit?: '元'): ParsedCell {
  let text = raw.trim();
  delete cells.values[def.key];
  delete cells.written[def.key];
  if (text === '') return { status: 'blank', marker: '' };
  if (unit && /^[\d.,]+$/.test(text)) text = `${text}${unit}`;
  const parsed = parseCell(text, def.kind);
  if (parsed.status === 'value') cells.values[def.key] = parsed.value;
  if (parsed.status !== 'value' || formatValue(parsed.value) !== text) cells.written[def.key] = text;
  return parsed;
}
