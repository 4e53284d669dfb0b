import { NARRATIVE_PARTS, type NarrativePartId, type Report } from '../core/report';

// Narrative paragraphs compared across units and years: a paragraph is “the same” as another when
// their sets of three-character pieces overlap by at least SIMILARITY (Jaccard), after white space,
// punctuation and digits are set aside (a copied paragraph with other numbers is still copied).

/** The stated threshold: share of common three-character pieces. */
export const SIMILARITY = 0.8;
/** Shorter paragraphs (after normalising) are not compared: headings, “无”, one-line sentences. */
export const MIN_PARAGRAPH_CHARS = 40;

export type Paragraph = { part: NarrativePartId; text: string; shingles: Uint32Array };

// The statutory opening (“本报告根据《中华人民共和国政府信息公开条例》…编制”) is the same everywhere by design.
const STATUTORY_OPENING = /政府信息公开条例.{0,80}(编制|撰写|制作)|本(年度)?报告(根据|依据|由)/;

export const isBoilerplate = (text: string): boolean => STATUTORY_OPENING.test(text);

export const normaliseParagraph = (text: string): string =>
  text
    .normalize('NFKC')
    .replace(/\d+(\.\d+)?/g, '0')
    .replace(/[\s\p{P}\p{S}]/gu, '');

function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export function shingles(norm: string): Uint32Array {
  const set = new Set<number>();
  for (let i = 0; i + 3 <= norm.length; i++) set.add(hash(norm.slice(i, i + 3)));
  return Uint32Array.from(set).sort();
}

/** Jaccard similarity of two sorted shingle sets. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 || b.length === 0) return 0;
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      common++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return common / (a.length + b.length - common);
}

/** The paragraphs of parts 一, 五 and 六 worth comparing (long enough, not the statutory opening). */
export function comparableParagraphs(report: Pick<Report, 'narrative'>): Paragraph[] {
  const out: Paragraph[] = [];
  for (const part of NARRATIVE_PARTS) {
    for (const block of report.narrative[part]) {
      if (block.type !== 'paragraph') continue;
      const text = block.text.trim();
      const norm = normaliseParagraph(text);
      if (norm.length < MIN_PARAGRAPH_CHARS || isBoilerplate(text)) continue;
      out.push({ part, text, shingles: shingles(norm) });
    }
  }
  return out;
}

/** How much of this year's text (share of characters, 0–1) has a paragraph of last year's it is the same as. */
export function sharedWithLastYear(current: readonly Paragraph[], previous: readonly Paragraph[]): { share: number; paragraphs: number } {
  const total = current.reduce((n, p) => n + p.text.length, 0);
  if (total === 0) return { share: 0, paragraphs: 0 };
  let same = 0;
  let paragraphs = 0;
  for (const p of current) {
    if (previous.some((q) => similarity(p.shingles, q.shingles) >= SIMILARITY)) {
      same += p.text.length;
      paragraphs++;
    }
  }
  return { share: same / total, paragraphs };
}
