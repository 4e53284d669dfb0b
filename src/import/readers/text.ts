import { cleanCellText } from '../normalise/text';
import { rowBlock, textBlock, type SourceBlock } from '../source';

// Plain text as copied from a web page or a PDF, in the layouts real reports show:
//  - one cell per line, indented by a tab, rows separated by blank lines (blank cells kept or dropped);
//  - one row per line, cells separated by tabs (what `nianbao generate` writes);
//  - rows with cells separated by "|";
//  - columns aligned with spaces, long labels wrapped, vertical labels one character per line.

const PART_HEADING = /^\s*[一二三四五六][、.．,，]/;
const PIPE_SEPARATOR = /^[\s|:：\-—=+]+$/;

type Mode = { oneCellPerLine: boolean; aligned: boolean };

/** At least two "|" in the line (without collecting every match), and not a sentence that happens to hold "|". */
const hasPipes = (line: string): boolean => {
  const first = line.indexOf('|');
  return first >= 0 && line.indexOf('|', first + 1) >= 0 && !isSentenceWithPipes(line);
};

/** "…发布了图说图解信息3条，分别为：一图读懂|…、一图读懂|…。": a paragraph, whatever its "|". */
export const isSentenceWithPipes = (line: string): boolean => /[。；]/.test(line) && !/^\s*\|/.test(line);

function detectMode(lines: readonly string[]): Mode {
  let oneCell = 0;
  let multiTab = 0;
  let pipes = 0;
  for (const line of lines) {
    if (/^\t[^\t]*$/.test(line)) oneCell++;
    else if (/\t.*\t|[^\t\s]\t/.test(line)) multiTab++;
    if (hasPipes(line)) pipes++;
  }
  return { oneCellPerLine: oneCell > multiTab, aligned: oneCell + multiTab + pipes === 0 };
}

/** A short fragment that continues the cell above (a label wrapped inside its cell). */
const continuesCell = (line: string): boolean => {
  const t = cleanCellText(line);
  return t.length > 0 && t.length <= 40 && !t.includes('。') && !PART_HEADING.test(t);
};

const splitPipes = (line: string): string[] => {
  const cells = line.split('|');
  if (cells[0]!.trim() === '') cells.shift();
  if (cells.length && cells[cells.length - 1]!.trim() === '') cells.pop();
  return cells;
};

/** Of trailing white space, only the tabs count (they are blank cells). */
const tabsOnly = (space: string): string => space.replace(/[^\t]/g, '');
const trimEndKeepingTabs = (line: string): string => line.replace(/\s+$/, tabsOnly);

/** Lines (already normalised) to text and row blocks, in the layout the lines show. */
export function linesToBlocks(input: readonly string[]): SourceBlock[] {
  const lines = input.map(trimEndKeepingTabs);
  const mode = detectMode(lines);
  const blocks: SourceBlock[] = [];
  let row: string[] | null = null;
  const flush = () => {
    if (row) blocks.push(rowBlock(row));
    row = null;
  };
  for (const raw of lines) {
    // Trailing tabs are blank cells, except in the one-cell-per-line layout.
    const line = mode.oneCellPerLine ? raw.replace(/\t+$/, '') : raw;
    // A sentence is a sentence, whatever tab or "|" it holds: no statutory table cell ends a clause with 。 or ；.
    if (/[。；]/.test(line) && !/^\s*\|/.test(line) && (line.includes('\t') || line.includes('|'))) {
      flush();
      blocks.push(textBlock(cleanCellText(line)));
      continue;
    }
    if (hasPipes(line)) {
      flush();
      if (!PIPE_SEPARATOR.test(line)) blocks.push(rowBlock(splitPipes(line)));
      continue;
    }
    if (mode.oneCellPerLine) {
      if (raw.startsWith('\t')) {
        const cells = raw.slice(1).split('\t');
        if (row) row.push(...cells);
        else row = cells;
        continue;
      }
      if (line.trim() === '') {
        flush();
        continue;
      }
      if (line.includes('\t')) {
        flush();
        blocks.push(rowBlock(line.split('\t')));
        continue;
      }
      if (row && continuesCell(line)) {
        row[row.length - 1] += line.trim();
        continue;
      }
      flush();
      blocks.push(textBlock(cleanCellText(line)));
      continue;
    }
    if (line.trim() === '') continue;
    if (line.includes('\t')) {
      const cells = line.split('\t');
      const filled = cells.filter((c) => c.trim() !== '');
      // A heading or sentence with a stray tab is text, not a one-cell row.
      if (filled.length === 1 && (PART_HEADING.test(filled[0]!) || filled[0]!.length > 40)) blocks.push(textBlock(cleanCellText(filled[0]!)));
      else blocks.push(rowBlock(cells));
      continue;
    }
    if (mode.aligned && /\S\s{2,}\S/.test(line.trim())) {
      blocks.push(rowBlock(line.trim().split(/\s{2,}/), true));
      continue;
    }
    blocks.push(textBlock(cleanCellText(line)));
  }
  flush();
  return blocks;
}
