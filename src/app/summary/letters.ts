import JSZip from 'jszip';
import { noticesOf, type Summary } from '../../summary';
import { buildLetters } from '../../summary/letters';

// The letters of a 汇总 in one zip: a 退回通知 per unit with problems and the 催报名单 (.docx from the core).
// Loaded when the button is pressed (docx and jszip stay out of the page until then).

export const lettersZipName = (summary: Summary) => `${summary.year ?? ''}年度年报退回通知和催报名单.zip`;

/** The zip's bytes and the units sent back (their status becomes 退回). */
export async function lettersZip(summary: Summary, date?: string): Promise<{ bytes: Uint8Array; returned: string[]; files: string[] }> {
  const letters = await buildLetters(summary, date ? { date } : {});
  const zip = new JSZip();
  for (const l of letters) zip.file(l.name, l.bytes);
  return {
    bytes: await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }),
    returned: noticesOf(summary).map((n) => n.unit),
    files: letters.map((l) => l.name),
  };
}
