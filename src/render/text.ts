import { documentOf, pieceText, type Section } from '../core/document';
import { rowPieces, tableGrid } from '../core/layout';
import type { Report } from '../core/report';

// The report as plain text in the standard layout, ready to paste into a web CMS.
// Tables: one grid row per line, cells separated by tabs, each merged cell printed once where it starts
// and left empty in the rows a vertical merge covers, so the columns line up and the text re-imports.

export function renderTable(report: Report, section: Extract<Section, { kind: 'table' }>): string[] {
  const grid = tableGrid(section.table);
  const lines: string[] = [];
  for (let r = 0; r < grid.rowCount; r++) {
    const cells = rowPieces(grid, r).map((piece) => pieceText(report, piece));
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
  return `${lines.join('\n')}\n`;
}
