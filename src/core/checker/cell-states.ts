import type { CellDef, FormatDef } from '../../../templates';
import { isValidValue, parseCell, type CellValue, type ParsedCell } from '../numbers';
import { cellIndex, type Report } from '../report';

// What each cell of a report holds, read once per check.

export type CellState =
  | { state: 'value'; value: CellValue; note?: { kind: 'yuan' | 'unit'; message: string } }
  | { state: 'blank'; marker: string }
  | { state: 'invalid'; raw: string; reason: string };

function fromParsed(parsed: ParsedCell, raw: string): CellState {
  switch (parsed.status) {
    case 'value':
      return parsed.note ? { state: 'value', value: parsed.value, note: parsed.note } : { state: 'value', value: parsed.value };
    case 'blank':
      return { state: 'blank', marker: parsed.marker };
    case 'invalid':
      return { state: 'invalid', raw, reason: parsed.reason };
  }
}

export function readCell(def: CellDef, report: Pick<Report, 'values' | 'written'>): CellState {
  return cellState(def, report.values[def.key], report.written[def.key]);
}

function cellState(def: CellDef, stored: CellValue | undefined, written: string | undefined): CellState {
  if (stored !== undefined) {
    if (isValidValue(stored, def.kind)) {
      const note = written !== undefined ? parseCell(written, def.kind) : undefined;
      return note?.status === 'value' && note.note ? { state: 'value', value: stored, note: note.note } : { state: 'value', value: stored };
    }
    // A hand-written file may hold "12" for a count: read it as the parser would.
    return fromParsed(parseCell(String(stored), def.kind), String(stored));
  }
  if (written !== undefined) return fromParsed(parseCell(written, def.kind), written);
  return { state: 'blank', marker: '' };
}

export type CellStates = Map<string, CellState>;

export function readCells(format: FormatDef, report: Pick<Report, 'values' | 'written'>): CellStates {
  // `written` holds a few keys: looking up the other ~250 in it as object properties (misses) cost
  // more than the rest of the read-out, so its few entries are put in a Map first.
  const written = new Map(Object.entries(report.written));
  const states: CellStates = new Map();
  for (const def of format.cells) states.set(def.key, cellState(def, report.values[def.key], written.get(def.key)));
  return states;
}

/** Anything that gives a cell's state by key: a read-out map, or cells read on demand. */
export type CellLookup = { get(key: string): CellState | undefined };

/** Cells read on first use: of last year's report the checker usually needs a handful of cells only. */
export class LazyCells implements CellLookup {
  private readonly read = new Map<string, CellState>();
  constructor(
    private readonly format: FormatDef,
    private readonly report: Pick<Report, 'values' | 'written'>,
  ) {}
  get(key: string): CellState | undefined {
    let state = this.read.get(key);
    if (state === undefined) {
      const def = cellIndex(this.format).get(key);
      if (!def) return undefined;
      state = readCell(def, this.report);
      this.read.set(key, state);
    }
    return state;
  }
}

/** The number in a cell, if it holds a count or delta. */
export function numberIn(states: CellLookup, key: string): number | undefined {
  const s = states.get(key);
  return s?.state === 'value' && typeof s.value === 'number' ? s.value : undefined;
}
