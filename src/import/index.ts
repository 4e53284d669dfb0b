import type JSZip from 'jszip';
import { checkReport, type Finding } from '../core/checker';
import { cellIndex, parseReport, reportFormat, type Report } from '../core/report';
import { decodeText } from './decode-text';
import { DAMAGED_ZIP, docxArchiveProblem, fileSizeProblem, readDocxBody } from './limits';
import { readDocument, type ImportResult, type ReadOptions, type Unseen } from './mapping/read-report';
import { normaliseLines } from './normalise/lines';
import { isMissingFeature, missingFeatureMessage } from './read-failure';
import { simplifiedText } from './normalise/traditional';
import { linesToBlocks } from './readers/text';

// Reads a report drafted elsewhere (text, web page, Word, PDF) into the report model.
// Runs in the browser and in Node: no Node APIs here; pdf.js and jszip are loaded only when needed.

export type { ImportResult, ReadOptions, Unseen } from './mapping/read-report';
export type { SourceKind } from './source';
export { fileSizeProblem, MAX_FILE_BYTES } from './limits';
export { decodeText } from './decode-text';

export const IMPORT_EXTENSIONS = ['.json', '.txt', '.text', '.html', '.htm', '.docx', '.pdf'] as const;

export function importText(text: string, options: ReadOptions = {}): ImportResult {
  const simplified = simplifiedText(text);
  const { lines, ...rest } = normaliseLines(simplified.text);
  return readDocument({ kind: 'txt', blocks: linesToBlocks(lines), lines, ...rest, traditional: simplified.traditional }, options);
}

// Each optional reader is loaded once, on first use (browser: on demand; batch: not per file).
const loadHtml = () => import('./readers/html');
const loadDocx = () => Promise.all([import('jszip'), import('./readers/docx')]);
const loadPdf = () => import('./readers/pdf');
let htmlModule: ReturnType<typeof loadHtml> | undefined;
let docxModules: ReturnType<typeof loadDocx> | undefined;
let pdfModule: ReturnType<typeof loadPdf> | undefined;

export async function importHtml(html: string, options: ReadOptions = {}): Promise<ImportResult> {
  const { htmlToBlocks } = await (htmlModule ??= loadHtml());
  return readDocument({ kind: 'html', blocks: htmlToBlocks(html) }, options);
}

export async function importDocx(bytes: Uint8Array, options: ReadOptions = {}): Promise<ImportResult> {
  // Sizes are checked before anything is inflated, and the body is inflated once, within its limit.
  const declared = docxArchiveProblem(bytes);
  if (declared) return { ok: false, error: declared };
  const [{ default: JSZip }, { documentXmlToBlocks }] = await (docxModules ??= loadDocx());
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (e) {
    return { ok: false, error: isMissingFeature(e) ? missingFeatureMessage('Word 文件', e) : DAMAGED_ZIP };
  }
  const body = await readDocxBody(zip);
  return body.ok ? readDocument({ kind: 'docx', blocks: documentXmlToBlocks(body.body) }, options) : body;
}

export async function importPdf(bytes: Uint8Array, options: ReadOptions = {}): Promise<ImportResult> {
  const { pdfToBlocks } = await (pdfModule ??= loadPdf());
  const read = await pdfToBlocks(bytes);
  return read.ok ? readDocument({ kind: 'pdf', blocks: read.blocks }, options) : read;
}

export function importJson(text: string): ImportResult {
  const loaded = parseReport(text);
  return loaded.ok ? { ok: true, report: loaded.report, findings: [], source: 'json' } : loaded;
}

const FILE_KIND: Record<string, string> = { '.docx': 'Word 文件', '.pdf': 'PDF 文件', '.html': '网页文件', '.htm': '网页文件', '.txt': '文字文件', '.json': '报告文件' };

const extensionOf = (name: string): string => /\.[^./\\]+$/.exec(name.toLowerCase())?.[0] ?? '';

export const isImportable = (name: string): boolean => (IMPORT_EXTENSIONS as readonly string[]).includes(extensionOf(name));

/** Any supported file by its name. Never throws: a damaged or hostile file becomes an error. */
export async function importFile(name: string, bytes: Uint8Array, given: Omit<ReadOptions, 'fileName'> = {}): Promise<ImportResult> {
  const ext = extensionOf(name);
  const options: ReadOptions = { ...given, fileName: name };
  const tooLarge = fileSizeProblem(bytes.length);
  if (tooLarge) return { ok: false, error: tooLarge };
  try {
    switch (ext) {
      case '.json':
        return importJson(decodeText(bytes));
      case '.txt':
      case '.text':
        return importText(decodeText(bytes), options);
      case '.html':
      case '.htm':
        return await importHtml(decodeHtml(bytes), options);
      case '.docx':
        return await importDocx(bytes, options);
      case '.pdf':
        return await importPdf(bytes, options);
      case '.doc':
        return { ok: false, error: '这是旧版 Word 文件（.doc），无法直接读取。请在 Word 中“另存为” .docx 后再检查。' };
      case '.wps':
        return { ok: false, error: '这是 WPS 文件（.wps），无法直接读取。请在 WPS 中“另存为” .docx 后再检查。' };
      default:
        return { ok: false, error: `不支持的文件类型“${ext || name}”：可检查 .json、.docx、.txt、.html、.htm、.pdf 文件。` };
    }
  } catch (e) {
    if (isMissingFeature(e)) return { ok: false, error: missingFeatureMessage(FILE_KIND[ext] ?? '文件', e) };
    return { ok: false, error: `文件已损坏或内容无法识别（${(e as Error).message || String(e)}）。` };
  }
}

/** A web page declares its encoding in a meta tag; older government sites use GBK. */
function decodeHtml(bytes: Uint8Array): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const charset = /charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  if (charset && /^(gb2312|gbk|gb18030)$/.test(charset)) return new TextDecoder('gb18030').decode(bytes);
  return decodeText(bytes);
}

/** How a file that could not be read at all is listed among checked files. */
export const unreadableFinding = (error: string): Finding => ({
  severity: 'error',
  rule: '读取',
  part: null,
  row: null,
  column: null,
  message: `文件无法读取：${error}`,
});

/**
 * Reading findings first, then the checker's — without the checker's findings about what the text does not
 * contain (parts after a cut, a table in another format): the reading findings say that once.
 */
export function checkImported(report: Report, readingFindings: readonly Finding[], previous?: Report, unseen?: Unseen): Finding[] {
  const checked = checkReport(report, previous ? { previous } : {});
  return [...readingFindings, ...(unseen ? withoutUnseen(report, checked, unseen) : checked)];
}

function withoutUnseen(report: Report, findings: readonly Finding[], unseen: Unseen): Finding[] {
  const hidden = new Set(unseen.cells);
  const index = cellIndex(reportFormat(report));
  const out: Finding[] = [];
  // A finding that weighs a part the text does not have (“…但第六部分没有说明…”) is about the capture, not the report.
  const absentNamed = new RegExp(unseen.parts.map((p) => `第${p}部分`).join('|') || '$^');
  for (const f of findings) {
    if (f.part && unseen.parts.includes(f.part)) continue;
    if (unseen.parts.length && absentNamed.test(f.message)) continue;
    if (unseen.ending && f.part === null && /落款/.test(f.message)) continue;
    const cells = [...(f.cell ? [f.cell] : []), ...(f.cells ?? [])];
    if (cells.length === 0 || !cells.some((c) => hidden.has(c))) {
      out.push(f);
      continue;
    }
    if (f.rule !== '空白') continue;
    // Blank cells before the cut are the report's; those after it are the capture's.
    const seen = [...new Set(cells)].filter((c) => !hidden.has(c)).map((c) => index.get(c)!).filter(Boolean);
    const rows = new Map<string, string[]>();
    for (const d of seen) rows.set(d.row, [...(rows.get(d.row) ?? []), d.column]);
    if (rows.size > 5) {
      const names = [...rows.keys()];
      out.push({ ...f, cells: seen.map((d) => d.key), cell: seen[0]!.key, row: null, column: null, severity: 'warning', message: `表格有 ${names.length} 行共 ${seen.length} 格未填写数字（如${names.slice(0, 3).map((r) => `“${r}”`).join('、')}等）。空白不等于 0，如为 0 请填写 0。` });
      continue;
    }
    for (const [row, columns] of rows) {
      const first = seen.find((d) => d.row === row)!;
      out.push({
        severity: 'warning',
        rule: '空白',
        part: first.part,
        row,
        column: columns.length === 1 ? columns[0]! : null,
        cell: first.key,
        cells: seen.filter((d) => d.row === row).map((d) => d.key),
        message: `本行有 ${columns.length} 格未填写数字：${columns.join('、')}。空白不等于 0，如为 0 请填写 0。`,
      });
    }
  }
  return out;
}
