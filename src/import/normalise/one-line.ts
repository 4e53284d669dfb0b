import { FORMATS } from '../../../templates';

// A page whose newlines a CMS stripped ("…。 一、总体情况 （一）主动公开情况。 2024年…") holds the whole report on
// one line. Before the structure stage such a line is cut back into lines: narrative at part headings,
// sub-headings and sentence ends; the tables (from the first table part to part 五) at every white-space
// character, so that each cell is a line and a run of blanks keeps its blank cells (as blank lines).

/** Shorter lines are paragraphs, whatever they quote. */
const MIN_ONE_LINE = 300;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The first characters of each part's title, as every format words it: enough to know a heading inline. */
const TITLE_STARTS = [...new Set(FORMATS.flatMap((f) => f.parts.map((p) => escapeRegExp(p.title.slice(0, 4)))))].join('|');

/** A part heading inside a line: its numeral after a sentence end or a blank, then its title's start. */
const INLINE_HEADING = new RegExp(`(?:^|(?<=[。；;:：!！?？\\s]))\\s*[一二三四五六]\\s*[、.．]\\s*(?:${TITLE_STARTS})`, 'g');
/** The first table part: part 二, 三 or 四's heading, or a table 二 caption followed by its header. */
const TABLE_START = new RegExp(`(?:^|(?<=[。；;:：!！?？\\s]))\\s*(?:[二三四]\\s*[、.．]\\s*(?:${TITLE_STARTS})|第二十条\\s*第\\s*[(（]?[一二三四五六七八九十]*[)）]?\\s*项?[\\s|｜]*信息内容)`);
const NARRATIVE_AFTER = new RegExp(`(?:^|(?<=[\\s|]))\\s*[五六]\\s*[、.．]\\s*(?:${TITLE_STARTS})`);
/** A heading to its first blank or sentence end (a title may be worded a little differently). */
const FULL_HEADING = new RegExp(`((?:^|(?<=[。；;:：!！?？\\s]))[一二三四五六]\\s*[、.．]\\s*(?:${TITLE_STARTS})[^\\s。|]{0,24})\\s*`, 'g');
const TABLE_HEADING_LINE = new RegExp(`^\\s*[二三四]\\s*[、.．]\\s*(?:${TITLE_STARTS})[^\\s。|]{0,24}\\s*$`);

/** A line that is a whole report (or a long part of one) run together. */
export function isRunTogether(line: string): boolean {
  if (line.length < MIN_ONE_LINE) return false;
  INLINE_HEADING.lastIndex = 0;
  return INLINE_HEADING.test(line) || TABLE_START.test(line);
}

/** Narrative run together: a line per heading, sub-heading and sentence. */
/** A title at the start of the run ("某某局 2024年政府信息公开工作年度报告 本报告…"). */
const LEADING_TITLE = /^(\s*[^。，,]{2,40}?\d{4}\s*年度?\s*政府信息公开(?:工作)?年度?报告)\s+/;

function splitNarrative(text: string): string[] {
  return text
    .replace(LEADING_TITLE, '$1\n')
    .replace(FULL_HEADING, '\n$1\n')
    .replace(/(?<=[。；!！?？])\s+/g, '\n')
    .replace(/\s+(?=[(（][一二三四五六七八九十]{1,3}[)）])/g, '\n')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

/**
 * Table cells run together: every space ends a cell (a run of spaces keeps its blank cells as blank lines;
 * tabs stay, they separate cells within a line), except inside brackets: a label's note has spaces.
 */
function splitCells(text: string): string[] {
  const out: string[] = [];
  let open = 0;
  for (const piece of text.replace(/^ +| +$/g, '').split(/[ \u00a0\u3000]/)) {
    if (open > 0) out[out.length - 1] += ` ${piece}`;
    else out.push(piece);
    open = Math.max(0, open + (piece.match(/[(（]/g)?.length ?? 0) - (piece.match(/[)）]/g)?.length ?? 0));
  }
  return out;
}

/** The lines a run-together line stands for. */
export function splitRunTogether(line: string): string[] {
  const start = TABLE_START.exec(line);
  if (!start) return splitNarrative(line);
  const from = start.index;
  const rest = line.slice(from);
  const after = NARRATIVE_AFTER.exec(rest);
  const to = after ? from + after.index : line.length;
  const tables = line.slice(from, to);
  // Headings of table parts stand alone; everything else in the tables is cells.
  const tableLines = tables
    .replace(FULL_HEADING, '\n$1\n')
    .split('\n')
    .flatMap((piece) => (TABLE_HEADING_LINE.test(piece) ? [piece.trim()] : piece.trim() === '' ? [] : splitCells(piece)));
  return [...splitNarrative(line.slice(0, from)), ...tableLines, ...splitNarrative(line.slice(to))];
}
