import { checkReport, type Finding } from '../core/checker';
import { parseReport, type Report } from '../core/report';
import { decodeText } from './decode-text';
import { DAMAGED_ZIP, docxArchiveProblem, fileSizeProblem, readDocxBody } from './limits';
import { readDocument, type ImportResult } from './mapping/read-report';
import { textToBlocks } from './readers/text';

// Reads a report drafted elsewhere (text, web page, Word, PDF) into the report model.
// Runs in the browser and in Node: no Node APIs here; pdf.js and jszip are loaded only when needed.

export type { ImportResult } from './mapping/read-report';
export type { SourceKind } from './source';
export { fileSizeProblem, MAX_FILE_BYTES } from './limits';
export { decodeText } from './decode-text';

export const IMPORT_EXTENSIONS = ['.json', '.txt', '.text', '.html', '.htm', '.docx', '.pdf'] as const;

export function importText(text: string): ImportResult {
  return readDocument({ kind: 'txt', blocks: textToBlocks(text) });
}

// Each optional reader is loaded once, on first use (browser: on demand; batch: not per file).
const loadHtml = () => import('./readers/html');
const loadDocx = () => Promise.all([import('jszip'), import('./readers/docx')]);
const loadPdf = () => import('./readers/pdf');
let htmlModule: ReturnType<typeof loadHtml> | undefined;
let docxModules: ReturnType<typeof loadDocx> | undefined;
let pdfModule: ReturnType<typeof loadPdf> | undefined;

export async function importHtml(html: string): Promise<ImportResult> {
  const { htmlToBlocks } = await (htmlModule ??= loadHtml());
  return readDocument({ kind: 'html', blocks: htmlToBlocks(html) });
}

export async function importDocx(bytes: Uint8Array): Promise<ImportResult> {
  // Sizes are checked before anything is inflated, and the body is inflated once, within its limit.
  const declared = docxArchiveProblem(bytes);
  if (declared) return { ok: false, error: declared };
  const [{ default: JSZip }, { documentXmlToBlocks }] = await (docxModules ??= loadDocx());
  const zip = await JSZip.loadAsync(bytes).catch(() => undefined);
  if (!zip) return { ok: false, error: DAMAGED_ZIP };
  const body = await readDocxBody(zip);
  return body.ok ? readDocument({ kind: 'docx', blocks: documentXmlToBlocks(body.xml) }) : body;
}

export async function importPdf(bytes: Uint8Array): Promise<ImportResult> {
  const { pdfToBlocks } = await (pdfModule ??= loadPdf());
  const read = await pdfToBlocks(bytes);
  return read.ok ? readDocument({ kind: 'pdf', blocks: read.blocks }) : read;
}

export function importJson(text: string): ImportResult {
  const loaded = parseReport(text);
  return loaded.ok ? { ok: true, report: loaded.report, findings: [], source: 'json' } : loaded;
}

const extensionOf = (name: string): string => /\.[^./\\]+$/.exec(name.toLowerCase())?.[0] ?? '';

export const isImportable = (name: string): boolean => (IMPORT_EXTENSIONS as readonly string[]).includes(extensionOf(name));

/** Any supported file by its name. Never throws: a damaged or hostile file becomes an error. */
export async function importFile(name: string, bytes: Uint8Array): Promise<ImportResult> {
  const ext = extensionOf(name);
  const tooLarge = fileSizeProblem(bytes.length);
  if (tooLarge) return { ok: false, error: tooLarge };
  try {
    switch (ext) {
      case '.json':
        return importJson(decodeText(bytes));
      case '.txt':
      case '.text':
        return importText(decodeText(bytes));
      case '.html':
      case '.htm':
        return await importHtml(decodeHtml(bytes));
      case '.docx':
        return await importDocx(bytes);
      case '.pdf':
        return await importPdf(bytes);
      case '.doc':
        return { ok: false, error: '这是旧版 Word 文件（.doc），无法直接读取。请在 Word 中“另存为” .docx 后再检查。' };
      case '.wps':
        return { ok: false, error: '这是 WPS 文件（.wps），无法直接读取。请在 WPS 中“另存为” .docx 后再检查。' };
      default:
        return { ok: false, error: `不支持的文件类型“${ext || name}”：可检查 .json、.docx、.txt、.html、.htm、.pdf 文件。` };
    }
  } catch (e) {
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

/** Reading findings first, then the checker's. */
export function checkImported(report: Report, readingFindings: readonly Finding[], previous?: Report): Finding[] {
  return [...readingFindings, ...checkReport(report, previous ? { previous } : {})];
}
