import { execFileSync } from 'node:child_process';

// What pdftotext reads from a PDF: the plain text, the text laid out in columns, and every word with its box.

export type PdfWord = { page: number; x: number; y: number; text: string };

export const pdfText = (pdf: string, layout = false): string =>
  execFileSync('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** Every word with its page and the centre of its box (points from the top left). */
export function pdfWords(pdf: string): PdfWord[] {
  const html = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const words: PdfWord[] = [];
  html.split(/<page\b/).slice(1).forEach((page, i) => {
    for (const m of page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
      words.push({ page: i + 1, x: (Number(m[1]) + Number(m[3])) / 2, y: (Number(m[2]) + Number(m[4])) / 2, text: decode(m[5]!) });
    }
  });
  return words;
}

/**
 * The words whose centre lies between x0 and x1, page by page, line by line (top to bottom, then left to right),
 * joined without spaces: the text of a table column as it reads down the page.
 */
export function columnStream(words: readonly PdfWord[], x0: number, x1: number): { text: string; at: PdfWord[] } {
  const inside = words.filter((w) => w.x >= x0 && w.x < x1);
  inside.sort((a, b) => a.page - b.page || (Math.abs(a.y - b.y) < 3 ? a.x - b.x : a.y - b.y));
  let text = '';
  const at: PdfWord[] = [];
  for (const w of inside) {
    text += w.text;
    for (let i = 0; i < w.text.length; i++) at.push(w);
  }
  return { text, at };
}

const position = (w: PdfWord) => w.page * 100_000 + w.y;

/** The words between two lines of text (each one word, such as two part headings), in print order. */
export function wordsBetween(words: readonly PdfWord[], from: string, to: string): PdfWord[] {
  const start = words.find((w) => w.text === from);
  const end = words.find((w) => w.text === to);
  if (!start || !end) throw new Error(`“${!start ? from : to}” not found in the PDF`);
  return words.filter((w) => position(w) > position(start) + 1 && position(w) < position(end) - 1);
}

/** True when a reads after b: a later page, or lower on the same page. */
export const readsAfter = (a: PdfWord, b: PdfWord): boolean => position(a) > position(b);
