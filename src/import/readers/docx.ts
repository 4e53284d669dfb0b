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
const Act = { Other: 0, Text: 1, Paragraph: 2, Table: 3, Row: 4, Cell: 5, VMerge: 6, Props: 7, Tab: 8, Break: 9, Hidden: 10, Skip: 11 } as const;
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
  // Settings with nothing the walk reads: passed over to their end tag in one search.
  ['w:tblpr', Act.Skip],
  ['w:trpr', Act.Skip],
  ['w:tblgrid', Act.Skip],
  ['w:sectpr', Act.Skip],
]);
for (const name of HIDDEN) ACTS.set(name, Act.Hidden);

const LT = 60;
const GT = 62;
const SLASH = 47;

/** [A-Za-z] */
const isLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
/** [\w:.-]: the rest of a tag name. */
const isNameByte = (c: number): boolean => isLetter(c) || (c >= 48 && c <= 58) || c === 95 || c === 46 || c === 45;

/** The tags the walk acts on, by name length, as lower-case bytes: a tag is matched without making a string. */
const WANTED = new Map<number, { name: Uint8Array; act: Act }[]>();
for (const [name, act] of ACTS) {
  const list = WANTED.get(name.length) ?? [];
  list.push({ name: new Uint8Array([...name].map((c) => c.charCodeAt(0))), act });
  WANTED.set(name.length, list);
}

/** What the walk does at the tag name at bytes[p, p + length) (any case). */
function actAt(bytes: Uint8Array, p: number, length: number): Act {
  const candidates = WANTED.get(length);
  if (!candidates) return Act.Other;
  next: for (const { name, act } of candidates) {
    for (let k = 0; k < length; k++) {
      // Lower-casing by setting 0x20 leaves ':' '.' '-' and digits as they are.
      const c = bytes[p + k]!;
      if ((isLetter(c) ? c | 0x20 : c) !== name[k]) continue next;
    }
    return act;
  }
  return Act.Other;
}

const UTF8 = new TextDecoder('utf-8');

/** Text bytes as a string: short ASCII runs (digits, most cells) without a decoder call. */
function textOf(bytes: Uint8Array, from: number, to: number): string {
  if (to - from <= 24) {
    let s = '';
    for (let k = from; k < to; k++) {
      const c = bytes[k]!;
      if (c >= 0x80) return UTF8.decode(bytes.subarray(from, to));
      s += String.fromCharCode(c);
    }
    return s;
  }
  return UTF8.decode(bytes.subarray(from, to));
}

/** An ASCII stretch (a tag's attributes) as a string. */
const asciiOf = (bytes: Uint8Array, from: number, to: number): string => String.fromCharCode(...bytes.subarray(from, Math.min(to, from + 512)));

/**
 * Word writes well-formed XML, so a plain scan finds its tags: `<`, an optional `/`, a name starting
 * with a letter, anything up to the next `>`; everything between tags is text. A `<` that starts no
 * such tag is skipped. The walk runs over the UTF-8 bytes and decodes only the text inside `<w:t>`
 * (a few KB of a body of 150 KB or more; decoding the whole body was a fifth of a .docx import), with
 * no object per tag; linear on damaged input too: once no `>` is left, no later `<` can start a tag.
 * A multi-byte UTF-8 character never contains the byte of `<` or `>`, so text splits where the XML does.
 */
export function documentXmlToBlocks(bytes: Uint8Array): SourceBlock[] {
  const blocks: SourceBlock[] = [];
  const tables: Table[] = [];
  let paragraph = '';
  let inText = false;
  let inProps = false;
  let hidden = 0;
  let hiddenName: Uint8Array | undefined;

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

  const n = bytes.length;
  let noMoreTags = false;
  let i = 0;
  while (i < n) {
    if (bytes[i] !== LT) {
      let end = bytes.indexOf(LT, i);
      if (end < 0) end = n;
      if (inText && hidden === 0) {
        const text = decodeEntities(textOf(bytes, i, end));
        // Word joiners (U+2060) hold phone numbers together in the Word export; they are not text.
        paragraph += text.includes('\u2060') ? text.replaceAll('\u2060', '') : text;
      }
      i = end;
      continue;
    }
    let p = i + 1;
    const closing = bytes[p] === SLASH;
    if (closing) p++;
    if (noMoreTags || !isLetter(bytes[p] ?? 0)) {
      i++;
      continue;
    }
    let nameEnd = p + 1;
    while (nameEnd < n && isNameByte(bytes[nameEnd]!)) nameEnd++;
    const gt = bytes.indexOf(GT, nameEnd);
    if (gt < 0) {
      noMoreTags = true;
      i++;
      continue;
    }
    i = gt + 1;
    const length = nameEnd - p;
    if (hidden > 0) {
      if (length === hiddenName!.length && sameName(bytes, p, hiddenName!)) {
        const selfClosing = gt > nameEnd && bytes[gt - 1] === SLASH;
        if (!closing && !selfClosing) hidden++;
        else if (closing) hidden--;
      }
      continue;
    }
    const act = actAt(bytes, p, length);
    if (act === Act.Other) continue;
    const selfClosing = gt > nameEnd && bytes[gt - 1] === SLASH;
    const opening = !closing;
    if ((act === Act.Props || act === Act.Skip) && opening && !selfClosing) {
      // Paragraph and run properties are most of a Word body (fonts, sizes, tab stops) and hold no text: jump
      // to their end tag, written in the same case as the start tag. Without one, the walk goes on tag by tag.
      const end = closingTagEnd(bytes, i, p, length);
      if (end > 0) {
        i = end;
        inProps = false;
        continue;
      }
    }
    if (act === Act.Hidden) {
      if (opening && !selfClosing) {
        hidden = 1;
        hiddenName = lowerName(bytes, p, length);
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
        if (table?.cell && opening && (VAL.exec(asciiOf(bytes, nameEnd, gt))?.[1] ?? 'continue') === 'continue') table.cell.covered = true;
        break;
    }
  }
  endParagraph();
  return blocks;
}

const lowerName = (bytes: Uint8Array, p: number, length: number): Uint8Array => bytes.slice(p, p + length).map((c) => (isLetter(c) ? c | 0x20 : c));

function sameName(bytes: Uint8Array, p: number, name: Uint8Array): boolean {
  for (let k = 0; k < name.length; k++) {
    const c = bytes[p + k]!;
    if ((isLetter(c) ? c | 0x20 : c) !== name[k]) return false;
  }
  return true;
}

/** Where `</name>` (the name as at bytes[p, p + length)) ends, searching from `from`; -1 when absent. */
function closingTagEnd(bytes: Uint8Array, from: number, p: number, length: number): number {
  let k = bytes.indexOf(LT, from);
  while (k >= 0) {
    if (bytes[k + 1] === SLASH && bytes[k + 2 + length] === GT) {
      let same = true;
      for (let j = 0; j < length; j++) {
        if (bytes[k + 2 + j] !== bytes[p + j]) {
          same = false;
          break;
        }
      }
      if (same) return k + 3 + length;
    }
    k = bytes.indexOf(LT, k + 1);
  }
  return -1;
}
