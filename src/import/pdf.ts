import { pdfPagesProblem } from './limits';
import { cleanCellText } from './normalize';
import type { SourceBlock } from './source';

// A PDF's text layer (pdf.js): text items are put back into lines by their position, and a line is cut
// into cells where a wide gap separates its items. A scan has no text layer and cannot be read.

export type PdfRead = { ok: true; blocks: SourceBlock[] } | { ok: false; error: string };

type Item = { str: string; x: number; y: number; width: number; size: number };
type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let workerSrc: string | undefined;
/** In the browser the app passes the worker's URL (a Vite `?url` import); Node needs none. */
export function setPdfWorkerSrc(url: string): void {
  workerSrc = url;
}

export async function pdfToBlocks(bytes: Uint8Array): Promise<PdfRead> {
  const pdfjs: PdfJs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  if (workerSrc) pdfjs.GlobalWorkerOptions.workerSrc = workerSrc;
  let doc: Awaited<ReturnType<PdfJs['getDocument']>['promise']>;
  try {
    doc = await pdfjs.getDocument({
      data: bytes.slice(),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
      stopAtErrors: false,
    }).promise;
  } catch (e) {
    const name = (e as { name?: string }).name;
    return {
      ok: false,
      error: name === 'PasswordException' ? '这个 PDF 设有密码，无法读取。请提供未加密的文件。' : '不是有效的 PDF 文件：文件已损坏，或是改了扩展名的其他文件。',
    };
  }
  try {
    // Refused, not cut short: a silently truncated report would lose rows.
    const tooMany = pdfPagesProblem(doc.numPages);
    if (tooMany) return { ok: false, error: tooMany };
    const blocks: SourceBlock[] = [];
    let anyText = false;
    const pages = doc.numPages;
    for (let p = 1; p <= pages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const items: Item[] = [];
      for (const it of content.items) {
        if (!('str' in it) || !it.str.trim()) continue;
        const [a, b, , , x, y] = it.transform as number[];
        items.push({ str: it.str, x: x!, y: y!, width: it.width, size: Math.hypot(a!, b!) || it.height || 10 });
      }
      if (items.length) anyText = true;
      blocks.push(...joinParagraphs(linesToBlocks(items)));
      page.cleanup();
    }
    if (!anyText) {
      return { ok: false, error: '这个 PDF 没有文字层（可能是扫描件或图片），无法读取其中的文字和表格。请提供 Word、网页或文字版，或先用文字识别（OCR）转换后再检查。' };
    }
    return { ok: true, blocks };
  } finally {
    await doc.destroy();
  }
}

type Line = { block: SourceBlock; left: number; right: number; size: number };

/** Items on the same baseline form a line; a gap wider than half a character starts a new cell. */
export function linesToBlocks(items: readonly Item[]): Line[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Item[][] = [];
  for (const item of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line[0]!.y - item.y) < Math.min(line[0]!.size, item.size) * 0.5) line.push(item);
    else lines.push([item]);
  }
  return lines.map((line) => {
    line.sort((a, b) => a.x - b.x);
    const cells: string[] = [];
    let end = -Infinity;
    for (const item of line) {
      const gap = item.x - end;
      if (cells.length === 0 || gap > item.size * 0.5) cells.push(item.str);
      else cells[cells.length - 1] += gap > item.size * 0.2 && /[\x21-\x7e]$/.test(cells[cells.length - 1]!) ? ` ${item.str}` : item.str;
      end = item.x + item.width;
    }
    const filled = cells.map(cleanCellText).filter((c) => c !== '');
    const block: SourceBlock =
      filled.length === 1 ? { kind: 'text', text: filled[0]! } : { kind: 'row', cells: filled.map((text) => ({ text })), aligned: true };
    return { block, left: line[0]!.x, right: end, size: line[0]!.size };
  });
}

/** Narrative lines wrapped at the page edge (a line reaching the right margin) continue in the next line. */
function joinParagraphs(lines: readonly Line[]): SourceBlock[] {
  const margin = Math.max(...lines.map((l) => l.right));
  const start = Math.min(...lines.map((l) => l.left));
  const out: SourceBlock[] = [];
  let open = false;
  for (const { block, left, right, size } of lines) {
    const prev = out[out.length - 1];
    if (block.kind === 'text' && prev?.kind === 'text' && open && !startsNewParagraph(block.text)) prev.text += block.text;
    else out.push(block.kind === 'text' ? { kind: 'text', text: block.text } : block);
    // A full line: from the left margin (or a paragraph indent) to the right margin.
    open = block.kind === 'text' && left <= start + 3 * size && right >= margin - 2 * size && !/[。：:；;！？!?]$/.test(block.text);
  }
  return out;
}

const startsNewParagraph = (t: string): boolean => /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．])/.test(t);
