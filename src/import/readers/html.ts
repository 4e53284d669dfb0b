import { decodeEntities, tokenize, type Tag } from './markup';
import { cleanCellText } from '../normalise/text';
import type { SourceBlock, SourceCell } from '../source';

// A saved web page: block elements become lines, <table> rows become rows (spans resolved: a merged
// cell is read once; positions a rowspan covers are marked covered). Page chrome is skipped.

const SKIPPED = new Set(['script', 'style', 'head', 'noscript', 'template', 'svg', 'nav', 'header', 'footer', 'aside', 'form', 'select', 'button', 'iframe', 'object']);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'noscript', 'template']);
const BLOCK = new Set(['p', 'div', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'section', 'article', 'main', 'blockquote', 'pre', 'hr', 'dd', 'dt', 'dl', 'center', 'caption', 'figure', 'figcaption', 'body', 'html']);
const VOID = new Set(['br', 'hr', 'img', 'meta', 'link', 'input', 'col', 'area', 'base', 'wbr', 'source', 'embed', 'param', 'track']);
/** class/id words that mark navigation, menus and footers on government sites. */
const CHROME = /(^|[\s_-])(nav|navbar|menu|breadcrumb|crumb|footer|foot|header|top-?bar|sidebar|share|copyright|toolbar|print|position|location|dqwz)([\s_-]|$)/i;

type Cell = { text: string; colSpan: number; rowSpan: number };

function isChrome(tag: Tag): boolean {
  if (SKIPPED.has(tag.name)) return true;
  const marks = `${tag.attrs.class ?? ''} ${tag.attrs.id ?? ''}`;
  if (tag.attrs.style && /display\s*:\s*none/i.test(tag.attrs.style)) return true;
  return (tag.name === 'div' || tag.name === 'ul' || tag.name === 'section' || tag.name === 'p') && CHROME.test(marks);
}

export function htmlToBlocks(html: string): SourceBlock[] {
  const blocks: SourceBlock[] = [];
  let line = '';
  const flushLine = () => {
    const t = cleanCellText(line);
    if (t) blocks.push({ kind: 'text', text: t });
    line = '';
  };
  // Skipping: a stack of open element names whose content is chrome.
  let skipDepth = 0;
  const skipStack: string[] = [];
  // Tables, possibly nested: only the innermost table's cells collect text.
  const tables: { rows: Cell[][]; row: Cell[] | null; cell: Cell | null }[] = [];
  const cellOf = () => tables[tables.length - 1]?.cell ?? null;

  for (const token of tokenize(html, RAW_TEXT, (name) => !VOID.has(name))) {
    if (token.type === 'text') {
      if (skipDepth > 0) continue;
      const text = decodeEntities(token.text).replace(/\s+/g, ' ');
      const cell = cellOf();
      if (cell) cell.text += text;
      else line += text;
      continue;
    }
    const name = token.name;
    if (skipDepth > 0) {
      if (token.type === 'open' && !token.selfClosing && !VOID.has(name) && name === skipStack[skipStack.length - 1]) skipDepth++;
      else if (token.type === 'close' && name === skipStack[skipStack.length - 1]) {
        skipDepth--;
        if (skipDepth === 0) skipStack.pop();
      }
      continue;
    }
    if (token.type === 'open' && !token.selfClosing && !VOID.has(name) && isChrome(token)) {
      skipDepth = 1;
      skipStack.push(name);
      continue;
    }
    const table = tables[tables.length - 1];
    if (name === 'table') {
      if (token.type === 'open') {
        flushLine();
        tables.push({ rows: [], row: null, cell: null });
      } else if (table) {
        tables.pop();
        closeCell(table);
        if (table.row) table.rows.push(table.row);
        const outer = cellOf();
        if (outer) outer.text += table.rows.map((r) => r.map((c) => c.text).join(' ')).join(' ');
        else blocks.push(...expandRows(table.rows));
      }
      continue;
    }
    if (table) {
      if (name === 'tr') {
        closeCell(table);
        if (table.row) table.rows.push(table.row);
        table.row = token.type === 'open' ? [] : null;
      } else if ((name === 'td' || name === 'th') && token.type === 'open') {
        closeCell(table);
        table.row ??= [];
        table.cell = { text: '', colSpan: span(token.attrs.colspan), rowSpan: span(token.attrs.rowspan) };
      } else if ((name === 'td' || name === 'th') && token.type === 'close') {
        closeCell(table);
      }
      // Other tags inside a table (br, p, div in a cell) break no line: a wrapped label's pieces belong together.
      continue;
    }
    if (BLOCK.has(name)) flushLine();
  }
  flushLine();
  return blocks;
}

function closeCell(table: { row: Cell[] | null; cell: Cell | null }): void {
  if (table.cell) {
    table.row ??= [];
    table.row.push(table.cell);
    table.cell = null;
  }
}

const span = (v: string | undefined): number => {
  const n = Number.parseInt(v ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 1000) : 1;
};

/** Rows of source cells: a cell spanning columns is read once; positions covered by a rowspan are marked. */
function expandRows(rows: readonly Cell[][]): SourceBlock[] {
  const covered: number[] = []; // per grid column: rows still covered from above
  return rows.map((row) => {
    const cells: SourceCell[] = [];
    let col = 0;
    const takeCovered = () => {
      while ((covered[col] ?? 0) > 0) {
        covered[col]!--;
        cells.push({ text: '', covered: true });
        col++;
      }
    };
    for (const cell of row) {
      takeCovered();
      cells.push({ text: cell.text });
      for (let c = col; c < col + cell.colSpan; c++) covered[c] = Math.max(covered[c] ?? 0, cell.rowSpan - 1);
      col += cell.colSpan;
    }
    takeCovered();
    for (let c = col; c < covered.length; c++) if ((covered[c] ?? 0) > 0) covered[c]!--;
    return { kind: 'row', cells };
  });
}
