import { parseReport, type LoadResult } from '../../core/report';
import { decodeText } from '../../import/decode-text';
import { fileSizeProblem } from '../../import/limits';

// Report files (.json) the clerk picks: refused by size before reading, decoded as Windows saved them, validated.

/** Reads a file the user picked, in whatever encoding Windows saved it (UTF-8, UTF-16 “Unicode”, GB18030). */
export async function readFileText(file: File): Promise<string> {
  return decodeText(new Uint8Array(await file.arrayBuffer()));
}

/** A report file; a failure's message names the file, and `tooLarge` tells a refusal by size from bad contents. */
export async function readReportFile(file: File): Promise<LoadResult | { ok: false; error: string; tooLarge: true }> {
  const tooLarge = fileSizeProblem(file.size);
  if (tooLarge) return { ok: false, error: `无法读取“${file.name}”：${tooLarge}`, tooLarge: true };
  const parsed = parseReport(await readFileText(file));
  return parsed.ok ? parsed : { ok: false, error: `无法读取“${file.name}”：${parsed.error}` };
}
