import JSZip from 'jszip';
import type { Token } from './markup';
import { cleanCellText } from './normalize';
import type { SourceBlock, SourceCell } from './source';

// A Word document: paragraphs of word/document.xml become lines, tables become rows. A cell spanning
// columns (gridSpan) is read once; a cell continuing a vertical merge (vMerge) is marked covered.

export type DocxRead = { ok: true; blocks: SourceBlock[] } | { ok: false; error: string };

/** Larger than any real report; protects the reader from a compressed bomb. */
const MAX_XML = 50 * 1024 * 1024;

export async function docxToBlocks(bytes: Uint8Array): Promise<DocxRead> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return { ok: false, error: '不是有效的 Word（.docx）文件：文件已损坏，或是改了扩展名的其他文件。请在 Word 中重新“另存为” .docx。' };
  }
  const entry = zip.file('word/document.xml');
  if (!entry) return { ok: false, error: '这个 .docx 文件中没有正文（缺少 word/document.xml），文件可能已损坏。' };
  const size = (entry as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize;
  if (typeof size === 'number' && size > MAX_XML) return { ok: false, error: '这个 .docx 文件的正文大得异常（超过 50 MB），未读取。' };
  const xml = await entry.async('string');
  if (xml.length > MAX_XML) return { ok: false, error: '这个 .docx 文件的正文大得异常（超过 50 MB），未读取。' };
  return { ok: true, blocks: documentXmlToBlocks(xml) };
}

type Table = { rows: SourceCell[][]; row: SourceCell[] | null; cell: { text: string; covered: boolean } | null };

/** Elements whose text is not part of the visible document (field codes, deleted text, fallbacks of drawings). */
const HIDDEN = new Set(['w:instrtext', 'w:deltext', 'mc:fallback', 'w:del', 'w:footnotereference', 'w:endnotereference']);

// Word writes well-formed XML, so one regular expression walks it (much faster than a general tokenizer).
const XML_TOKEN = /<(\/?)([A-Za-z][\w:.-]*)([^>]*)>|([^<]+)/g;
const VAL = /\bw:val\s*=\s*["']([^"']*)["']/;

const lowerNames = new Map<string, string>();
const lower = (name: string): string => {
  let l = lowerNames.get(name);
  if (l === undefined) {
    l = name.toLowerCase();
    lowerNames.set(name, l);
  }
  return l;
};

/** Calls `visit` for each tag and text run (a callback: far cheaper than a generator per token). */
function forEachXmlToken(xml: string, visit: (token: Token) => void): void {
  const re = new RegExp(XML_TOKEN.source, 'g');
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    if (m[4] !== undefined) {
      visit({ type: 'text', text: m[4] });
      continue;
    }
    const name = lower(m[2]!);
    const body = m[3]!;
    const val = name === 'w:vmerge' ? VAL.exec(body)?.[1] : undefined;
    visit({ type: m[1] ? 'close' : 'open', name, attrs: val !== undefined ? { 'w:val': val } : {}, selfClosing: body.endsWith('/') });
  }
}

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

  forEachXmlToken(xml, (token) => {
    if (hidden > 0) {
      if (token.type === 'open' && !token.selfClosing && token.name === hiddenName) hidden++;
      if (token.type === 'close' && token.name === hiddenName) hidden--;
      return;
    }
    if (token.type === 'text') {
      if (inText) paragraph += decodeXml(token.text);
      return;
    }
    const { name } = token;
    if (token.type === 'open' && !token.selfClosing && HIDDEN.has(name)) {
      hidden = 1;
      hiddenName = name;
      return;
    }
    const table = tables[tables.length - 1];
    switch (name) {
      case 'w:t':
        inText = token.type === 'open' && !token.selfClosing;
        break;
      case 'w:ppr':
      case 'w:rpr':
        // Tab stops and run properties are settings, not text.
        inProps = token.type === 'open' && !token.selfClosing;
        break;
      case 'w:tab':
        if (token.type === 'open' && !inProps) paragraph += table?.cell ? '' : '\t';
        break;
      case 'w:br':
      case 'w:cr':
        if (token.type === 'open' && !table?.cell) paragraph += '\n';
        break;
      case 'w:p':
        if (token.type === 'close' || token.selfClosing) endParagraph();
        break;
      case 'w:tbl':
        if (token.type === 'open') {
          endParagraph();
          tables.push({ rows: [], row: null, cell: null });
        } else if (table) {
          tables.pop();
          const outer = tables[tables.length - 1];
          if (outer?.cell) outer.cell.text += table.rows.map((r) => r.map((c) => c.text).join('')).join('');
          else blocks.push(...table.rows.map((cells): SourceBlock => ({ kind: 'row', cells })));
        }
        break;
      case 'w:tr':
        if (!table) break;
        if (token.type === 'open') table.row = [];
        else if (table.row) {
          table.rows.push(table.row);
          table.row = null;
        }
        break;
      case 'w:tc':
        if (!table) break;
        if (token.type === 'open') table.cell = { text: '', covered: false };
        else if (table.cell) {
          (table.row ??= []).push(table.cell.covered ? { text: '', covered: true } : { text: table.cell.text });
          table.cell = null;
        }
        break;
      case 'w:vmerge':
        // <w:vMerge/> without a value continues the merge from the cell above.
        if (table?.cell && token.type === 'open' && (token.attrs['w:val'] ?? 'continue') === 'continue') table.cell.covered = true;
        break;
      default:
        break;
    }
  });
  endParagraph();
  return blocks;
}

function decodeXml(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#x[0-9a-f]+|#\d+);/gi, (_, e: string) => {
    switch (e) {
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'amp':
        return '&';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
      default: {
        const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
      }
    }
  });
}
