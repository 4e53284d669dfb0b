import type { Block } from '../../core/report';
import { canonicalText, displayWidth, withoutLatinSpacing } from '../normalise/text';
import type { SourceBlock } from '../source';

// A narrative part's paragraphs; short lines numbered "（一）" are its sub-headings.

const SUB_HEADING = /^[（(][一二三四五六七八九十]{1,3}[)）]/;

export function isSubHeading(text: string): boolean {
  return SUB_HEADING.test(canonicalText(text)) && text.length <= 30 && !/[。；;]/.test(text);
}

export function narrativeBlocks(blocks: readonly SourceBlock[]): Block[] {
  const out: Block[] = [];
  for (const b of blocks) {
    // Tables inside a narrative part (screenshots, charts) are not part of the statutory text.
    const text = b.kind === 'text' ? b.text.trim() : b.aligned ? b.cells.map((c) => c.text.trim()).join(' ').trim() : '';
    if (!text) continue;
    out.push({ type: isSubHeading(text) ? 'heading' : 'paragraph', text });
  }
  return out;
}

const ENDS_SENTENCE = /[。！？!?；;：:”」』）)]$/;
const STARTS_ITEM = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．]|[一二三四五六七八九十]是)/;

/** The width a text was printed at, when it was: many lines as long as the longest (a typed text has paragraphs of any length). */
export function printWidth(blocks: readonly SourceBlock[]): number | undefined {
  const lengths = blocks.flatMap((b) => (b.kind === 'text' && b.text.trim() ? [displayWidth(b.text.trim())] : []));
  const width = Math.max(0, ...lengths);
  const near = lengths.filter((n) => n >= width * 0.9).length;
  return width >= 32 && near >= 3 && near >= lengths.length * 0.2 ? width : undefined;
}

/**
 * Text printed at a fixed width (pdftotext -layout, a flipbook page) breaks every paragraph into lines:
 * a line as long as the longest, not ending a sentence, goes on in the next one.
 */
export function joinWrappedLines(blocks: readonly SourceBlock[], width: number | undefined): SourceBlock[] {
  if (width === undefined) return [...blocks];
  const full = (t: string) => displayWidth(t) >= width * 0.75;
  const out: SourceBlock[] = [];
  let open = false;
  for (const b of blocks) {
    const prev = out[out.length - 1];
    if (b.kind === 'text' && prev?.kind === 'text' && open && b.text.trim() && !STARTS_ITEM.test(b.text.trim()) && !isSubHeading(b.text)) {
      out[out.length - 1] = { kind: 'text', text: prev.text.trimEnd() + b.text.trim() };
    } else out.push(b);
    const last = out[out.length - 1]!;
    open = b.kind === 'text' && last.kind === 'text' && full(b.text.trim()) && !ENDS_SENTENCE.test(b.text.trim());
  }
  // The printer's spacing between Chinese and Latin text goes with the print.
  return out.map((b) => (b.kind === 'text' ? { kind: 'text', text: withoutLatinSpacing(b.text) } : b));
}
