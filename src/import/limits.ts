import type JSZip from 'jszip';
import { isMissingFeature, missingFeatureMessage } from './read-failure';
import type { SourceBlock } from './source';

// Sizes no real annual report comes near. Anything larger is refused before it is read into memory
// or inflated, so a hostile or mistaken file cannot hang the page or the CLI.

export const MAX_FILE_BYTES = 50 * 1024 * 1024;
/** Sum of the sizes a .docx's entries declare once inflated (a zip bomb declares far more). */
export const MAX_DOCX_UNCOMPRESSED = 200 * 1024 * 1024;
/** The body of a Word document, measured while it is inflated (catches archives that understate their sizes). */
export const MAX_DOCX_BODY = 50 * 1024 * 1024;
export const MAX_ZIP_ENTRIES = 5000;
export const MAX_PDF_PAGES = 200;
/** Table rows in one document: the statutory tables have about 50. */
export const MAX_TABLE_ROWS = 2000;
export const MAX_ROW_CELLS = 200;

const mb = (n: number): string => `${Math.round((n / 1048576) * 10) / 10} MB`;

export function fileSizeProblem(size: number): string | undefined {
  if (size <= MAX_FILE_BYTES) return undefined;
  return `文件过大（${mb(size)}，上限 ${mb(MAX_FILE_BYTES)}），不像是一份年度报告，未读取。请确认选择的文件是否正确；如果是带大量图片的 Word 文件，请删去图片后另存再检查。`;
}

export function pdfPagesProblem(pages: number): string | undefined {
  if (pages <= MAX_PDF_PAGES) return undefined;
  return `这个 PDF 有 ${pages} 页（上限 ${MAX_PDF_PAGES} 页），不像是一份年度报告，未读取。请只提供年度报告本身。`;
}

/** A document whose tables are far longer than the statutory ones (or whose rows are absurdly wide). */
export function tableSizeProblem(blocks: readonly SourceBlock[]): string | undefined {
  let rows = 0;
  for (const b of blocks) {
    if (b.kind !== 'row') continue;
    rows += 1;
    if (b.cells.length > MAX_ROW_CELLS) {
      return `表格中有一行多达 ${b.cells.length} 个单元格（上限 ${MAX_ROW_CELLS}），不像是年度报告的表格，未读取。请检查文件是否正确。`;
    }
  }
  if (rows > MAX_TABLE_ROWS) {
    return `表格共有 ${rows} 行（上限 ${MAX_TABLE_ROWS} 行），远多于年度报告的统计表，未读取。请只提供年度报告本身。`;
  }
  return undefined;
}

const UTF8 = new TextDecoder('utf-8');

type ZipEntryInfo = { name: string; compressed: number; uncompressed: number };

export const DAMAGED_ZIP = '不是有效的 Word（.docx）文件：文件已损坏，或是改了扩展名的其他文件。请在 Word 中重新“另存为” .docx。';

/** The entries a zip's central directory declares, or undefined when there is no readable directory. */
export function zipEntries(bytes: Uint8Array): ZipEntryInfo[] | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // End of central directory: 22 bytes plus a comment of at most 65535 bytes, searched from the end.
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= stop; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const count = view.getUint16(eocd + 10, true);
  const dirOffset = view.getUint32(eocd + 16, true);
  const entries: ZipEntryInfo[] = [];
  let p = dirOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) return undefined;
    const compressed = view.getUint32(p + 20, true);
    const uncompressed = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const name = UTF8.decode(bytes.subarray(p + 46, Math.min(bytes.length, p + 46 + nameLength)));
    entries.push({ name, compressed, uncompressed });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Refuses a .docx whose declared contents are too large or inconsistent, without inflating anything. */
export function docxArchiveProblem(bytes: Uint8Array): string | undefined {
  const entries = zipEntries(bytes);
  // No directory: let the zip reader say the file is damaged.
  if (!entries) return undefined;
  if (entries.length > MAX_ZIP_ENTRIES) return `这个 .docx 文件包含 ${entries.length} 个部件（上限 ${MAX_ZIP_ENTRIES}），不像是 Word 文档，未读取。`;
  let total = 0;
  for (const e of entries) {
    // 0xFFFFFFFF means the real size is in a ZIP64 record: only archives of 4 GB and more need that.
    if (e.uncompressed === 0xffffffff || e.compressed === 0xffffffff) {
      return `这个 .docx 文件解压后超过 4 GB（上限 ${mb(MAX_DOCX_UNCOMPRESSED)}），可能是恶意构造的压缩炸弹，未读取。`;
    }
    // Deflate never grows data by more than a few bytes per 16 KB block: a larger compressed size means the declaration lies.
    if (e.compressed > e.uncompressed + Math.ceil(e.uncompressed / 1000) + 1024) return DAMAGED_ZIP;
    total += e.uncompressed;
  }
  if (total > MAX_DOCX_UNCOMPRESSED) {
    return `这个 .docx 文件解压后有 ${mb(total)}（上限 ${mb(MAX_DOCX_UNCOMPRESSED)}），可能是恶意构造的压缩炸弹，未读取。正常的年度报告解压后通常不到 10 MB。`;
  }
  return undefined;
}

export const DOCX_BODY_TOO_LARGE = `这个 .docx 文件的正文解压后超过 ${mb(MAX_DOCX_BODY)}，可能是恶意构造的压缩炸弹，未读取。`;

/** jszip's chunked reader (present at run time, missing from its type declarations). */
type ChunkStream = {
  on(event: 'data', listener: (chunk: Uint8Array) => void): ChunkStream;
  on(event: 'error', listener: (e: unknown) => void): ChunkStream;
  on(event: 'end', listener: () => void): ChunkStream;
  pause(): ChunkStream;
  resume(): ChunkStream;
};

/**
 * Inflates the Word body in chunks and stops as soon as it grows past its declared size or the limit:
 * an archive that understates its sizes never gets to fill the memory.
 */
export async function readDocxBody(zip: JSZip): Promise<{ ok: true; body: Uint8Array } | { ok: false; error: string }> {
  const entry = zip.file('word/document.xml');
  if (!entry) return { ok: false, error: '这个 .docx 文件中没有正文（缺少 word/document.xml），文件可能已损坏。' };
  const declared = (entry as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize;
  if (typeof declared === 'number' && declared > MAX_DOCX_BODY) return { ok: false, error: DOCX_BODY_TOO_LARGE };
  const cap = typeof declared === 'number' ? declared : MAX_DOCX_BODY;
  const chunks: Uint8Array[] = [];
  let seen = 0;
  const problem = await new Promise<string | undefined>((resolve) => {
    const stream = (entry as unknown as { internalStream: (type: 'uint8array') => ChunkStream }).internalStream('uint8array');
    stream
      .on('data', (chunk: Uint8Array) => {
        seen += chunk.length;
        if (seen > cap) {
          stream.pause();
          chunks.length = 0;
          resolve(seen > MAX_DOCX_BODY ? DOCX_BODY_TOO_LARGE : DAMAGED_ZIP);
        } else chunks.push(chunk);
      })
      .on('error', (e) => resolve(isMissingFeature(e) ? missingFeatureMessage('Word 文件', e) : DAMAGED_ZIP))
      .on('end', () => resolve(undefined))
      .resume();
  });
  if (problem) return { ok: false, error: problem };
  // The body stays bytes: the Word reader decodes only the text inside it.
  if (chunks.length === 1) return { ok: true, body: chunks[0]! };
  const body = new Uint8Array(seen);
  let at = 0;
  for (const c of chunks) {
    body.set(c, at);
    at += c.length;
  }
  return { ok: true, body };
}
