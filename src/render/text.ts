import { documentOf, pieceText, type Section } from '../core/document';
import { rowPieces, tableGrid, type Anchor } from '../core/layout';
import type { Report } from '../core/report';

// The report as plain text in the standard layout, ready to paste into a web CMS, Excel or WPS; or, in the
// aligned layout, for proofreading in Notepad (tables in padded columns; not for pasting into Excel).
// Windows line endings (CRLF): Notepad, Excel and WPS on the clerks' PCs expect them.
// Tables: one grid row per line, every line with the same number of tab-separated cells, one per grid column.
// A merged cell is printed once, in its top-left position; the positions it covers (to the right and below)
// are left empty, so pasted into a spreadsheet every value sits under its header and the text re-imports.

export const LINE_END = '\r\n';

export function renderTable(report: Report, section: Extract<Section, { kind: 'table' }>): string[] {
  const grid = tableGrid(section.table);
  const lines: string[] = [];
  for (let r = 0; r < grid.rowCount; r++) {
    const cells: string[] = [];
    for (const piece of rowPieces(grid, r)) {
      cells.push(pieceText(report, piece));
      for (let c = 1; c < piece.anchor.colSpan; c++) cells.push('');
    }
    lines.push(cells.join('\t'));
  }
  return lines;
}

/** The two plain-text layouts: tab-separated cells (pastes into Excel cell by cell, re-imports exactly), or aligned for reading. */
export type TextLayout = 'tabs' | 'aligned';

/**
 * The width a line takes in Notepad and other fixed-pitch views: CJK characters and full-width forms count 2,
 * everything else 1.
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += isWide(ch) ? 2 : 1;
  return width;
}

const isWide = (ch: string): boolean => /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA960-\uA97F\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]|[\u{20000}-\u{3FFFD}]/u.test(ch);

/** Padding of `width` columns: full-width spaces where they fit, so a view whose CJK is not exactly two columns wide still lines up. */
const padding = (width: number): string => (width <= 0 ? '' : '\u3000'.repeat(Math.floor(width / 2)) + (width % 2 ? ' ' : ''));

/** The longest a label cell gets in the aligned layout before it wraps (20 Chinese characters). */
const MAX_LABEL_WIDTH = 40;
const GAP = 2;

/** `text` cut into lines of at most `width` columns. */
function wrap(text: string, width: number): string[] {
  if (displayWidth(text) <= width) return [text];
  const lines: string[] = [];
  let line = '';
  for (const ch of text) {
    if (displayWidth(line + ch) > width && line) {
      lines.push(line);
      line = '';
    }
    line += ch;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * A table for reading in Notepad: each column as wide as its widest cell (long labels wrap), cells padded
 * with full-width spaces, figures right-aligned. A merged cell is written once, across the columns it spans.
 */
export function renderAlignedTable(report: Report, section: Extract<Section, { kind: 'table' }>): string[] {
  const grid = tableGrid(section.table);
  const text = (a: Anchor) => pieceText(report, { anchor: a, starts: true });
  const widths = Array.from({ length: grid.columns }, () => 0);
  const spanWidth = (a: Anchor) => widths.slice(a.col, a.col + a.colSpan).reduce((x, y) => x + y, 0) + GAP * (a.colSpan - 1);
  // Narrow spans first, so a wide merged cell only widens the last column it covers by what is still missing.
  for (const a of [...grid.anchors].sort((x, y) => x.colSpan - y.colSpan)) {
    const need = Math.min(displayWidth(text(a)), MAX_LABEL_WIDTH);
    const missing = need - spanWidth(a);
    if (missing > 0) widths[a.col + a.colSpan - 1]! += missing;
  }
  const lines: string[] = [];
  for (let r = 0; r < grid.rowCount; r++) {
    const pieces = rowPieces(grid, r);
    const cells = pieces.map(({ anchor, starts }) => {
      const width = spanWidth(anchor);
      const value = anchor.cell.type === 'value';
      return { width, value, lines: starts ? wrap(text(anchor), width) : [''] };
    });
    const height = Math.max(...cells.map((c) => c.lines.length));
    for (let k = 0; k < height; k++) {
      const line = cells
        .map((c) => {
          const t = c.lines[k] ?? '';
          const pad = padding(c.width - displayWidth(t));
          return c.value ? pad + t : t + pad;
        })
        .join(padding(GAP));
      lines.push(line.replace(/[\s\u3000]+$/, ''));
    }
  }
  return lines;
}

export function renderText(report: Report, layout: TextLayout = 'tabs'): string {
  const doc = documentOf(report);
  const lines: string[] = [...doc.titleLines, '', ...doc.intro, ''];
  for (const section of doc.sections) {
    lines.push(section.part.heading);
    if (section.kind === 'table') {
      lines.push(...(layout === 'aligned' ? renderAlignedTable(report, section) : renderTable(report, section)));
    } else {
      for (const block of section.blocks) if (block.text.trim()) lines.push(block.text.trim());
    }
    lines.push('');
  }
  lines.push(doc.ending.agency);
  if (doc.ending.date) lines.push(doc.ending.date);
  return `${lines.join(LINE_END)}${LINE_END}`;
}
