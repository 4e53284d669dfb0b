import { isBlankMarker } from '../../core/numbers';
import { cleanCellText } from '../normalise/text';
import { rowBlock, textBlock, type SourceBlock } from '../source';

// The tables stage for text whose table cells come one after another rather than one row per line — as
// web pages are captured: one cell per line ending in " |", "|" alone between cells, cells separated by
// blank lines, inline rows with filler pipes, a header flattened one character per line. The lines are
// cut into cells, and rows are rebuilt from the cells themselves: a row starts at a label and takes the
// numbers that follow it. Which rows those labels are is left to the mapping stage.

export type CellLayout = 'pipe-terminated' | 'pipe-separated' | 'pipe-inline' | 'blank-separated' | 'line-per-cell';

const BARE_PIPE = /^\s*\|\s*$/;

/** A number, a blank marker or an empty cell: what fills a row after its label. */
export const isValueCell = (s: string): boolean =>
  s === '' || isBlankMarker(s) || (/\d/.test(s) && s.length <= 16 && (s.match(/[\u3400-\u9fff]/g)?.length ?? 0) <= 3 && !NUMBERED_LABEL.test(s));

/** A short numbered row label ("3.其他"): a number, then words. */
const NUMBERED_LABEL = /^\d{1,2}[.、．]\s*[\u3400-\u9fff]/;

/** Prose inside a table part ("该部分以表格形式报告。"): kept as text, never taken for a label. */
const isProse = (s: string): boolean => /[。；]/.test(s) || s.length > 60;

/** Which of the cell layouts the lines of one table part show. */
export function cellLayout(lines: readonly string[]): CellLayout {
  const content = lines.filter((l) => l.trim() !== '');
  if (content.length === 0) return 'line-per-cell';
  const bare = content.filter((l) => BARE_PIPE.test(l)).length;
  const isInline = (l: string) => /\S\s*\|\s*\S/.test(l.replace(/\|[\s|]*$/, ''));
  const inline = content.filter(isInline).length;
  const terminated = content.filter((l) => !BARE_PIPE.test(l) && !isInline(l) && /\|\s*$/.test(l)).length;
  const withText = content.length - bare;
  if (bare + terminated + inline > 0) {
    if (inline > terminated && inline >= withText / 3) return 'pipe-inline';
    if (terminated >= withText / 3) return 'pipe-terminated';
    return 'pipe-separated';
  }
  const blanks = lines.length - content.length;
  return blanks >= content.length * 0.6 ? 'blank-separated' : 'line-per-cell';
}

/** A line of numbers separated by spaces ("0 0 0 0 0"), perhaps after its label ("四、结转下年度继续办理 0 0 0"): one cell each. */
function splitNumberRun(text: string): string[] {
  const trimmed = text.trim();
  // A run needs a space between two numbers: most cells (a number, a label without spaces) have none.
  if (!/\s/.test(trimmed)) return [text];
  const m = /^(.*?[^\d\s.,-])?\s*((?:-?\d[\d.,]*\s+)+-?\d[\d.,]*)\s*$/.exec(trimmed);
  if (!m) return [text];
  return [...(m[1] ? [m[1].trim()] : []), ...m[2]!.split(/\s+/)];
}

/** The cells of the lines, in order; empty strings are blank cells the layout shows. */
export function streamCells(lines: readonly string[], layout: CellLayout = cellLayout(lines)): string[] {
  const cells: string[] = [];
  const push = (text: string) => cells.push(...splitNumberRun(cleanCellText(text)).map(cleanCellText));
  let blankRun = 0;
  let lastWasSeparator = false;
  for (const line of lines) {
    const empty = line.trim() === '';
    if (layout === 'blank-separated') {
      if (empty) {
        blankRun++;
        continue;
      }
      // One blank line separates two cells; each further blank line is a blank cell.
      if (cells.length) for (let i = 1; i < blankRun; i++) cells.push('');
      blankRun = 0;
      push(line);
      continue;
    }
    if (empty) continue;
    if (BARE_PIPE.test(line)) {
      if (layout === 'pipe-terminated') cells.push('');
      else if (lastWasSeparator) cells.push('');
      lastWasSeparator = true;
      continue;
    }
    lastWasSeparator = false;
    if (line.includes('|')) {
      const parts = line.replace(/\|\s*$/, '').split('|');
      for (const p of parts) push(p);
      continue;
    }
    if (layout === 'line-per-cell' && /\S\s{2,}\S/.test(line.trim())) {
      for (const p of line.trim().split(/\s{2,}/)) push(p);
      continue;
    }
    push(line);
  }
  return cells;
}

/**
 * Rows rebuilt from a run of cells: the text cells before a run of numbers are the header or category cells
 * of their own rows, the last of them the label of the numbers' row. `isLabel` tells a table label from
 * stray text (a flattened header's characters), so that numbers are never given to a fragment.
 */
export function rowsFromCells(cells: readonly string[], isLabel: (text: string) => boolean): SourceBlock[] {
  const blocks: SourceBlock[] = [];
  let texts: string[] = [];
  let row: string[] | null = null;
  const flushRow = () => {
    if (row) blocks.push(rowBlock(row));
    row = null;
  };
  const flushTexts = (keepLast: boolean) => {
    const emit = keepLast ? texts.slice(0, -1) : texts;
    for (const t of emit) blocks.push(isLabel(t) ? rowBlock([t]) : textBlock(t));
    texts = keepLast ? texts.slice(-1) : [];
  };
  for (const cell of cells) {
    if (isValueCell(cell)) {
      if (texts.length) {
        flushRow();
        flushTexts(true);
        const label = texts[0]!;
        texts = [];
        if (isLabel(label)) row = [label];
        else {
          blocks.push(textBlock(label));
          row = [];
        }
      }
      if (row) row.push(cell);
      else if (cell !== '') row = [cell];
      continue;
    }
    flushRow();
    if (!isLabel(cell) && isProse(cell)) {
      flushTexts(false);
      blocks.push(textBlock(cell));
      continue;
    }
    texts.push(cell);
  }
  flushRow();
  flushTexts(false);
  return blocks;
}

/** The blocks of one table part's lines, read as a stream of cells. */
export function streamBlocks(lines: readonly string[], isLabel: (text: string) => boolean): SourceBlock[] {
  return rowsFromCells(streamCells(lines), isLabel);
}
