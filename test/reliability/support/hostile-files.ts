import { deflateRawSync } from 'node:zlib';
import JSZip from 'jszip';
import { renderText } from '../../../src/render/text';
import type { Report } from '../../../src/core/report';

// Hostile files built in memory: zip bombs (honest and lying), PDFs with thousands of pages, and
// reports whose tables run to thousands of rows.

type ZipPart = { name: string; data: Uint8Array; declaredSize?: number };

function crc32(bytes: Uint8Array): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

/** A zip of already-deflated parts; `declaredSize` lets a part lie about its inflated size. */
export function rawZip(parts: readonly { name: string; deflated: Uint8Array; size: number; crc: number; declaredSize?: number }[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = new TextEncoder().encode(p.name);
    const size = p.declaredSize ?? p.size;
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(8, 8, true);
    lv.setUint32(14, p.crc, true);
    lv.setUint32(18, p.deflated.length, true);
    lv.setUint32(22, size, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const dir = new Uint8Array(46 + name.length);
    const dv = new DataView(dir.buffer);
    dv.setUint32(0, 0x02014b50, true);
    dv.setUint16(4, 20, true);
    dv.setUint16(6, 20, true);
    dv.setUint16(10, 8, true);
    dv.setUint32(16, p.crc, true);
    dv.setUint32(20, p.deflated.length, true);
    dv.setUint32(24, size, true);
    dv.setUint16(28, name.length, true);
    dv.setUint32(42, offset, true);
    dir.set(name, 46);
    chunks.push(local, p.deflated);
    central.push(dir);
    offset += local.length + p.deflated.length;
  }
  const dirSize = central.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, parts.length, true);
  ev.setUint16(10, parts.length, true);
  ev.setUint32(12, dirSize, true);
  ev.setUint32(16, offset, true);
  const all = [...chunks, ...central, end];
  const out = new Uint8Array(all.reduce((n, c) => n + c.length, 0));
  let p = 0;
  for (const c of all) {
    out.set(c, p);
    p += c.length;
  }
  return out;
}

export function zipOf(parts: readonly ZipPart[]): Uint8Array {
  return rawZip(parts.map((p) => ({ name: p.name, deflated: deflateRawSync(p.data), size: p.data.length, crc: crc32(p.data), ...(p.declaredSize !== undefined ? { declaredSize: p.declaredSize } : {}) })));
}

const MB = 1024 * 1024;
const spaces = (n: number) => new Uint8Array(n).fill(0x20);

/** An honest bomb: 25 parts of 10 MB of spaces each (250 MB declared, about 250 KB on disk). */
export function honestZipBomb(): Uint8Array {
  const part = spaces(10 * MB);
  const deflated = deflateRawSync(part);
  const crc = crc32(part);
  const parts = Array.from({ length: 25 }, (_, i) => ({ name: `word/media/image${i}.png`, deflated, size: part.length, crc }));
  return rawZip([{ name: 'word/document.xml', deflated: deflateRawSync(spaces(10)), size: 10, crc: crc32(spaces(10)) }, ...parts]);
}

/** A bomb that understates its body: declares `declared` bytes, inflates to `actual` bytes. */
export function lyingZipBomb(declared: number, actual = 120 * MB): Uint8Array {
  const chunk = spaces(actual);
  return rawZip([{ name: 'word/document.xml', deflated: deflateRawSync(chunk), size: chunk.length, crc: 0, declaredSize: declared }]);
}

/** A minimal PDF of `pages` pages sharing one content stream with one line of text. */
export function manyPagePdf(pages: number): Uint8Array {
  const objects: string[] = [];
  const content = 'BT /F1 12 Tf 72 720 Td (page) Tj ET';
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  const kids = Array.from({ length: pages }, (_, i) => `${i + 5} 0 R`).join(' ');
  objects[2] = `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';
  objects[4] = `<< /Length ${content.length} >>\nstream\n${content}\nendstream`;
  for (let i = 0; i < pages; i++) objects[i + 5] = '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>';
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let n = 1; n < objects.length; n++) {
    offsets[n] = out.length;
    out += `${n} 0 obj\n${objects[n]}\nendobj\n`;
  }
  const xref = out.length;
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let n = 1; n < objects.length; n++) out += `${String(offsets[n]).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

/** The report as text with table 三 repeated until the document has about `rows` table rows. */
export function reportWithManyRows(report: Report, rows: number): string {
  const lines = renderText(report).split(/\r?\n/);
  const tableLines = lines.filter((l) => l.includes('\t'));
  const extra = Array.from({ length: rows }, (_, i) => tableLines[i % tableLines.length]!);
  const at = lines.findIndex((l) => l.startsWith('四、'));
  return [...lines.slice(0, at), ...extra, ...lines.slice(at)].join('\n');
}

/** The same long table as a Word document. */
export async function docxWithManyRows(rows: number): Promise<Uint8Array> {
  const row = '<w:tr><w:tc><w:p><w:r><w:t>（一）予以公开</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc></w:tr>';
  const xml = `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>青禾市测试局2024年政府信息公开工作年度报告</w:t></w:r></w:p><w:p><w:r><w:t>三、收到和处理政府信息公开申请情况</w:t></w:r></w:p><w:tbl>${row.repeat(rows)}</w:tbl></w:body></w:document>`;
  const zip = new JSZip();
  zip.file('word/document.xml', xml);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
