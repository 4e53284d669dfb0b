import { decodeEntities } from './markup';
import { cleanCellText } from '../normalise/text';
import type { SourceBlock, SourceCell } from '../source';

// A Word document: paragraphs of word/document.xml become lines, tables become rows. A cell spanning
// columns (gridSpan) is read once; a cell continuing a vertical merge (vMerge) is marked covered.

type Table = { rows: SourceCell[][]; row: SourceCell[] | null; cell: { text: string; covered: boolean } | null };

/** Elements whose text is not part of the visible document (field codes, deleted text, fallbacks of drawings). */
const HIDDEN = new Set(['w:instrtext', 'w:deltext', 'mc:fallback', 'w:del', 'w:footnotereference', 'w:endnotereference']);

const VAL = /\bw:val\s*=\s*["']([^"']*)["']/;

/** What the walk does at a tag, by its name in lower case; other tags are only skipped. */
const Act = { Other: 0, Text: 1, Paragraph: 2, Table: 3, Row: 4, Cell: 5, VMerge: 6, Props: 7, Tab: 8, Break: 9, Hidden: 10 } as const;
type Act = (typeof Act)[keyof typeof Act];
const ACTS = new Map<string, Act>([
  ['w:t', Act.Text],
  ['w:p', Act.Paragraph],
  ['w:tbl', Act.Table],
  ['w:tr', Act.Row],
  ['w:tc', Act.Cell],
  ['w:vmerge', Act.VMerge],
  ['w:ppr', Act.Props],
  ['w:rpr', Act.Props],
  ['w:tab', Act.Tab],
  ['w:br', Act.Break],
  ['w:cr', Act.Break],
]);
for (const name of HIDDEN) ACTS.set(name, Act.Hidden);

/** Tag names as written (any case) to their lower-case form, remembered: the same few names recur thousands of times. */
const lowerNames = new Map<string, string>();
const lower = (name: string): string => {
  let l = lowerNames.get(name);
  if (l === undefined) {
    l = name.toLowerCase();
    if (lowerNames.size > 10000) lowerNames.clear();
    lowerNames.set(name, l);
  }
  return l;
};

const LT = 60;
const SLASH = 47;

/** [A-Za-z] */
const isLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
/** The rest of a tag name after its first letter. */
const NAME_REST = /[\w:.-]*/y;

/** The only tags the walk acts on (in lower case); a tag whose name has none of their lengths is skipped unread. */
const WANTED_LENGTHS = new Set([...ACTS.keys()].map((n) => n.length));

/**
 * Word writes well-formed XML, so a plain scan finds its tags: `<`, an optional `/`, a name starting
 * with a letter, anything up to the next `>`; everything between tags is text. A `<` that starts no
 * such tag is skipped. One pass with indexOf and no object per tag (this was most of a .docx import),
 * and linear on damaged input too: once no `>` is left, no later `<` can start a tag.
 */
export function documentXmlToBlocks(xml: string): SourceBlock[] {
  const blocks: SourceBlock[] = [];
  const tables: Table[] = [];
  let paragraph = '';
  let inText = false;
  let inProps = false;
  let hidden = 0;
  let hiddenName = '';

  const endParagraph = () => {
    const table = tables[tables.length - 1];
    if (table?.cell) {
      table.cell.text += paragraph;
    } else {
      for (const line of paragraph.split('\n')) {
        const t = cleanCellText(line);
        if (t) blocks.push({ kind: 'text', text: t });
      }
    }
    paragraph = '';
  };

  const n = xml.length;
  let noMoreTags = false;
  let i = 0;
  while (i < n) {
    if (xml.charCodeAt(i) !== LT) {
      let end = xml.indexOf('<', i);
      if (end < 0) end = n;
      if (inText && hidden === 0) {
        // Word joiners (U+2060) hold phone numbers together in the Word export; they are not text.
        const text = decodeEntities(xml.slice(i, end));
        paragraph += text.includes('\u2060') ? text.replaceAll('\u2060', '') : text;
      }
      i = end;
      continue;
    }
    let p = i + 1;
    const closing = xml.charCodeAt(p) === SLASH;
    if (closing) p++;
    if (noMoreTags || !isLetter(xml.charCodeAt(p))) {
      i++;
      continue;
    }
    NAME_REST.lastIndex = p + 1;
    NAME_REST.test(xml);
    const nameEnd = NAME_REST.lastIndex;
    const gt = xml.indexOf('>', nameEnd);
    if (gt < 0) {
      noMoreTags = true;
      i++;
      continue;
    }
    i = gt + 1;
    if (!WANTED_LENGTHS.has(nameEnd - p)) continue;
    const name = lower(xml.slice(p, nameEnd));
    const selfClosing = gt > nameEnd && xml.charCodeAt(gt - 1) === SLASH;
    const opening = !closing;
    const bodyStart = nameEnd;

    if (hidden > 0) {
      if (name === hiddenName) {
        if (opening && !selfClosing) hidden++;
        else if (closing) hidden--;
      }
      continue;
    }
    const act = ACTS.get(name) ?? Act.Other;
    if (act === Act.Other) continue;
    if (act === Act.Hidden) {
      if (opening && !selfClosing) {
        hidden = 1;
        hiddenName = name;
      }
      continue;
    }
    const table = tables[tables.length - 1];
    switch (act) {
      case Act.Text:
        inText = opening && !selfClosing;
        break;
      case Act.Props:
        // Tab stops and run properties are settings, not text.
        inProps = opening && !selfClosing;
        break;
      case Act.Tab:
        if (opening && !inProps) paragraph += table?.cell ? '' : '\t';
        break;
      case Act.Break:
        if (opening && !table?.cell) paragraph += '\n';
        break;
      case Act.Paragraph:
        if (closing || selfClosing) endParagraph();
        break;
      case Act.Table:
        if (opening) {
          endParagraph();
          tables.push({ rows: [], row: null, cell: null });
        } else if (table) {
          tables.pop();
          const outer = tables[tables.length - 1];
          if (outer?.cell) outer.cell.text += table.rows.map((r) => r.map((c) => c.text).join('')).join('');
          else for (const cells of table.rows) blocks.push({ kind: 'row', cells });
        }
        break;
      case Act.Row:
        if (!table) break;
        if (opening) table.row = [];
        else if (table.row) {
          table.rows.push(table.row);
          table.row = null;
        }
        break;
      case Act.Cell:
        if (!table) break;
        if (opening) table.cell = { text: '', covered: false };
        else if (table.cell) {
          (table.row ??= []).push(table.cell.covered ? { text: '', covered: true } : { text: table.cell.text });
          table.cell = null;
        }
        break;
      case Act.VMerge:
        // <w:vMerge/> without a value continues the merge from the cell above.
        if (table?.cell && opening && (VAL.exec(xml.slice(bodyStart, gt))?.[1] ?? 'continue') === 'continue') table.cell.covered = true;
        break;
    }
  }
  endParagraph();
  return blocks;
}
