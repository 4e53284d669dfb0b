import type { Block } from '../../core/report';
import { canonicalText } from '../normalise/text';
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
