import { documentOf, pieceText, type Section } from '../core/document';
import { rowPieces, tableGrid } from '../core/layout';
import type { Report } from '../core/report';

// The report as plain text in the standard layout, ready to paste into a web CMS, Excel or WPS.
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

export function renderText(report: Report): string {
  const doc = documentOf(report);
  const lines: string[] = [...doc.titleLines, '', ...doc.intro, ''];
  for (const section of doc.sections) {
    lines.push(section.part.heading);
    if (section.kind === 'table') {
      lines.push(...renderTable(report, section));
    } else {
      for (const block of section.blocks) if (block.text.trim()) lines.push(block.text.trim());
    }
    lines.push('');
  }
  lines.push(doc.ending.agency);
  if (doc.ending.date) lines.push(doc.ending.date);
  return `${lines.join(LINE_END)}${LINE_END}`;
}
