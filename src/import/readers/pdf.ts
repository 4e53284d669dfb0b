import { pdfPagesProblem } from '../limits';
import { isMissingFeature, missingFeatureMessage, PdfWorkerFailed } from '../read-failure';
import { cleanCellText, withoutLatinSpacing } from '../normalise/text';
import type { SourceBlock } from '../source';

// A PDF's text layer (pdf.js): text inside a drawn table cell (found from the ruling lines) is joined into
// that cell, so a label wrapped inside a narrow cell reads whole; table rows come from the cells' bands.
// Other text items are put back into lines by their position, and a line is cut into cells where a wide
// gap separates its items. A scan has no text layer and cannot be read.

export type PdfRead = { ok: true; blocks: SourceBlock[] } | { ok: false; error: string };

type Item = { str: string; x: number; y: number; width: number; size: number };
type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

type TextItems = Awaited<ReturnType<PdfPage['getTextContent']>>['items'];
type PdfPage = Awaited<ReturnType<Awaited<ReturnType<PdfJs['getDocument']>['promise']>['getPage']>>;

let workerPort: Worker | undefined;
/** Settles with the worker's failure to start; pdf.js itself would wait for a dead worker forever. */
let workerStartFailed: Promise<never> | undefined;

/** In the browser the app passes its pdf.js worker (a Vite `?worker` import); Node needs none. */
export function setPdfWorkerPort(worker: Worker): void {
  workerPort = worker;
  workerStartFailed = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (e) => reject(new PdfWorkerFailed(e.message || 'the PDF worker did not start')), { once: true });
  });
  workerStartFailed.catch(() => undefined);
}

export async function pdfToBlocks(bytes: Uint8Array): Promise<PdfRead> {
  const pdfjs: PdfJs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  if (workerPort) pdfjs.GlobalWorkerOptions.workerPort = workerPort;
  let doc: Awaited<ReturnType<PdfJs['getDocument']>['promise']>;
  try {
    const loading = pdfjs.getDocument({
      data: bytes.slice(),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
      stopAtErrors: false,
    }).promise;
    doc = await (workerStartFailed ? Promise.race([loading, workerStartFailed]) : loading);
    // A worker that has parsed a document has started: later errors events are not about starting.
    workerStartFailed = undefined;
  } catch (e) {
    const name = (e as { name?: string }).name;
    if (name === 'PasswordException') return { ok: false, error: '这个 PDF 设有密码，无法读取。请提供未加密的文件。' };
    if (isMissingFeature(e)) return { ok: false, error: missingFeatureMessage('PDF 文件', e) };
    return { ok: false, error: '不是有效的 PDF 文件：文件已损坏，或是改了扩展名的其他文件。' };
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
      const items: Item[] = [];
      for (const it of await textItems(page)) {
        if (!('str' in it) || !it.str.trim()) continue;
        const [a, b, , , x, y] = it.transform as number[];
        items.push({ str: it.str, x: x!, y: y!, width: it.width, size: Math.hypot(a!, b!) || it.height || 10 });
      }
      if (items.length) anyText = true;
      const rulings = items.length ? await pageRulings(page, pdfjs.OPS) : NO_RULINGS;
      blocks.push(...pageBlocks(items, rulings));
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

/**
 * The page's text items, read from pdf.js's text stream by its reader: `getTextContent` iterates that stream
 * with `for await`, which the ReadableStream of Chromium before 124 does not support.
 */
async function textItems(page: PdfPage): Promise<TextItems> {
  const reader = page.streamTextContent().getReader();
  const items: TextItems = [];
  for (;;) {
    const { done, value } = (await reader.read()) as ReadableStreamReadResult<{ items: TextItems }>;
    if (done) return items;
    items.push(...value.items);
  }
}

type Line = { block: SourceBlock; left: number; right: number; size: number; y: number };

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
      // Office suites space Latin text from Chinese ("2024 年"): only a gap between two Latin words is a space.
      else cells[cells.length - 1] += gap > item.size * 0.2 && /[\x21-\x7e]$/.test(cells[cells.length - 1]!) && /^[\x21-\x7e]/.test(item.str) ? ` ${item.str}` : item.str;
      end = item.x + item.width;
    }
    const filled = cells.map((c) => withoutLatinSpacing(cleanCellText(c))).filter((c) => c !== '');
    const block: SourceBlock =
      filled.length === 1 ? { kind: 'text', text: filled[0]! } : { kind: 'row', cells: filled.map((text) => ({ text })), aligned: true };
    return { block, left: line[0]!.x, right: end, size: line[0]!.size, y: line[0]!.y };
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

// ---- Drawn tables: ruling lines → cells → rows ----

/** A horizontal (`at` = y, from..to = x) or vertical (`at` = x, from..to = y) ruling line, in page space. */
type Segment = { at: number; from: number; to: number };
type Rulings = { h: Segment[]; v: Segment[] };
type Matrix = [number, number, number, number, number, number];
type OperatorList = { fnArray: number[]; argsArray: unknown[] };
type Ops = { save: number; restore: number; transform: number; constructPath: number; endPath: number };

const multiply = (m: Matrix, n: readonly number[]): Matrix => [
  n[0]! * m[0] + n[1]! * m[2],
  n[0]! * m[1] + n[1]! * m[3],
  n[2]! * m[0] + n[3]! * m[2],
  n[2]! * m[1] + n[3]! * m[3],
  n[4]! * m[0] + n[5]! * m[2] + m[4],
  n[4]! * m[1] + n[5]! * m[3] + m[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

export const NO_RULINGS: Rulings = { h: [], v: [] };

/** A page's table borders; a damaged drawing stream only costs the borders, and the text is read without them. */
export async function pageRulings(page: { getOperatorList: () => Promise<OperatorList> }, ops: Ops): Promise<Rulings> {
  try {
    return rulingsOf(await page.getOperatorList(), ops);
  } catch (e) {
    if (isMissingFeature(e)) throw e;
    return NO_RULINGS;
  }
}

/** Straight horizontal and vertical strokes and edges of thin filled boxes: what table borders are drawn with. */
export function rulingsOf(list: OperatorList, ops: Ops): Rulings {
  const h: Segment[] = [];
  const v: Segment[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const edge = (x0: number, y0: number, x1: number, y1: number): void => {
    const [ax, ay] = apply(ctm, x0, y0);
    const [bx, by] = apply(ctm, x1, y1);
    if (Math.abs(ay - by) < 1 && Math.abs(ax - bx) >= 2) h.push({ at: (ay + by) / 2, from: Math.min(ax, bx), to: Math.max(ax, bx) });
    else if (Math.abs(ax - bx) < 1 && Math.abs(ay - by) >= 2) v.push({ at: (ax + bx) / 2, from: Math.min(ay, by), to: Math.max(ay, by) });
  };
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i];
    const args = list.argsArray[i];
    if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore) ctm = stack.pop() ?? ctm;
    else if (fn === ops.transform && Array.isArray(args)) ctm = multiply(ctm, args as number[]);
    else if (fn === ops.constructPath && Array.isArray(args)) {
      const paths = args[1];
      // A path only clipped (ended without painting) draws nothing: the page's clip box is one.
      if (args[0] === ops.endPath || !Array.isArray(paths)) continue;
      for (const path of paths as (ArrayLike<number> | null)[]) if (path && typeof path.length === 'number') walkPath(path, edge);
    }
  }
  return { h, v };
}

/** pdf.js path data: 0 moveTo x y, 1 lineTo x y, 2 curveTo (6), 3 quadraticCurveTo (4), 4 closePath. */
function walkPath(d: ArrayLike<number>, edge: (x0: number, y0: number, x1: number, y1: number) => void): void {
  let x = 0;
  let y = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < d.length; ) {
    const op = d[i++];
    if (op === 0) {
      x = sx = d[i++]!;
      y = sy = d[i++]!;
    } else if (op === 1) {
      const nx = d[i++]!;
      const ny = d[i++]!;
      edge(x, y, nx, ny);
      x = nx;
      y = ny;
    } else if (op === 2) {
      x = d[i + 4]!;
      y = d[i + 5]!;
      i += 6;
    } else if (op === 3) {
      x = d[i + 2]!;
      y = d[i + 3]!;
      i += 4;
    } else if (op === 4) {
      edge(x, y, sx, sy);
      x = sx;
      y = sy;
    } else return;
  }
}

/** The box of ruling lines around a point, if it is closed on all four sides. */
type Box = { left: number; right: number; bottom: number; top: number };

function boxAround(x: number, y: number, r: Rulings): Box | undefined {
  const slack = 1.5;
  let left = -Infinity;
  let right = Infinity;
  let bottom = -Infinity;
  let top = Infinity;
  for (const s of r.v) {
    if (y < s.from - slack || y > s.to + slack) continue;
    if (s.at <= x && s.at > left) left = s.at;
    if (s.at > x && s.at < right) right = s.at;
  }
  for (const s of r.h) {
    if (x < s.from - slack || x > s.to + slack) continue;
    if (s.at <= y && s.at > bottom) bottom = s.at;
    if (s.at > y && s.at < top) top = s.at;
  }
  return Number.isFinite(left + right + bottom + top) ? { left, right, bottom, top } : undefined;
}

type Cell = { box: Box; items: Item[] };

/** A page number in the footer: "— 3 —", "- 3 -", "第 3 页", "第3页 共5页", "3 / 5". */
const PAGE_NUMBER = /^(?:[—–－-]\s*\d{1,3}\s*[—–－-]|第\s*\d{1,3}\s*页(?:\s*[，,/]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3})$/;

/** A page's blocks: table cells by their drawn boxes, rows by the cells' bands, other text by lines. */
function pageBlocks(items: readonly Item[], rulings: Rulings): SourceBlock[] {
  const free: Item[] = [];
  const cells = new Map<string, Cell>();
  for (const item of items) {
    // The middle of the glyphs: the baseline is near the bottom of the characters.
    const box = rulings.h.length && rulings.v.length ? boxAround(item.x + item.width / 2, item.y + item.size * 0.35, rulings) : undefined;
    if (!box) {
      free.push(item);
      continue;
    }
    const key = [box.left, box.right, box.bottom, box.top].map((n) => Math.round(n)).join();
    let cell = cells.get(key);
    if (!cell) cells.set(key, (cell = { box, items: [] }));
    cell.items.push(item);
  }
  const units: { y: number; line: Line }[] = linesToBlocks(free)
    .filter((line) => !(line.block.kind === 'text' && PAGE_NUMBER.test(line.block.text)))
    .map((line) => ({ y: line.y, line }));
  units.push(...tableRows([...cells.values()]));
  // Top of the page first; a stable sort keeps lines and rows at the same height in their order.
  units.sort((a, b) => b.y - a.y);
  return joinParagraphs(units.map((u) => u.line));
}

/** A cell's text: its lines top to bottom, joined without a break (a label wrapped inside its cell). */
function cellText(items: readonly Item[]): string {
  const lines = linesToBlocks(items);
  let text = '';
  for (const { block } of lines) {
    const part = block.kind === 'text' ? block.text : block.cells.map((c) => c.text).join(' ');
    text += /[\x21-\x7e]$/.test(text) && /^[\x21-\x7e]/.test(part) ? ` ${part}` : part;
  }
  return cleanCellText(text);
}

/** Cells whose text centres fall in the same band between two horizontal rulings form one row. */
function tableRows(cells: readonly Cell[]): { y: number; line: Line }[] {
  if (cells.length === 0) return [];
  const edges = [...new Set(cells.flatMap((c) => [c.box.bottom, c.box.top]).map((n) => Math.round(n * 2) / 2))].sort((a, b) => b - a);
  const bands = new Map<number, { y: number; cells: { left: number; text: string }[]; size: number; left: number; right: number }>();
  for (const cell of cells) {
    const text = cellText(cell.items);
    if (!text) continue;
    // A cell merged over several rows joins the row its (vertically centred) text stands in.
    const ys = cell.items.map((i) => i.y + i.size * 0.35);
    const centre = (Math.max(...ys) + Math.min(...ys)) / 2;
    const band = edges.findIndex((e) => e < centre);
    const top = band > 0 ? edges[band - 1]! : centre;
    let row = bands.get(band);
    if (!row) bands.set(band, (row = { y: top, cells: [], size: cell.items[0]!.size, left: cell.box.left, right: cell.box.right }));
    row.cells.push({ left: cell.box.left, text });
    row.left = Math.min(row.left, cell.box.left);
    row.right = Math.max(row.right, cell.box.right);
  }
  return [...bands.values()].map((row) => {
    row.cells.sort((a, b) => a.left - b.left);
    const block: SourceBlock = { kind: 'row', cells: row.cells.map(({ text }) => ({ text })), aligned: true };
    return { y: row.y, line: { block, left: row.left, right: row.right, size: row.size, y: row.y } };
  });
}
