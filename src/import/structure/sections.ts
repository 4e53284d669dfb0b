import { FORMATS, type PartDef, type PartId } from '../../../templates';
import { canonicalText, labelKey } from '../normalise/text';
import type { SourceBlock } from '../source';

// Splits a document at its part headings ("一、总体情况" … "六、其他需要报告的事项").

export type Sections = {
  /** Blocks before the first part heading (title, opening statement, page chrome). */
  front: SourceBlock[];
  /** In the order the document has them. */
  parts: Map<PartId, SourceBlock[]>;
  /** Parts whose heading came after a later part's (read all the same). */
  outOfOrder: { part: PartId; after: PartId }[];
};

/** Each part's title as every known format words it (a revision may reword one). */
const PART_TITLES: readonly PartDef[] = FORMATS.flatMap((f) => f.parts);
/** The parts in their statutory order, as the formats list them. */
export const PART_ORDER: readonly PartId[] = [...new Set(PART_TITLES.map((p) => p.id))];

const NUMERAL = /^\s*([一二三四五六])\s*[、.．,，]\s*/;

function bigrams(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length - 1; i++) out.push(s.slice(i, i + 2));
  return out;
}

/** Dice similarity of character pairs: tolerant of a word added or left out ("行政复议和行政诉讼"). */
export function similarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.length === 0 || y.length === 0) return a === b ? 1 : 0;
  const pool = new Map<string, number>();
  for (const g of y) pool.set(g, (pool.get(g) ?? 0) + 1);
  let common = 0;
  for (const g of x) {
    const n = pool.get(g) ?? 0;
    if (n > 0) {
      common++;
      pool.set(g, n - 1);
    }
  }
  return (2 * common) / (x.length + y.length);
}

export type Heading = { part: PartId; rest: string };

/** The part a line is the heading of, and any text written after the heading on the same line. */
/** Most lines are sentences: only a short line, or one starting with a part numeral, can be a heading. */
const MAYBE_HEADING = /^\s*[一二三四五六]/;

export function partHeading(text: string): Heading | undefined {
  if ((text.length > 24 || /\d/.test(text)) && !MAYBE_HEADING.test(text)) return undefined;
  // Short lines (headings, table labels, "0") recur in every report: the answers are kept.
  const known = headings.get(text);
  if (known !== undefined) return known ?? undefined;
  const found = headingUncached(text);
  if (headings.size > 20000) headings.clear();
  headings.set(text, found ?? null);
  return found;
}

const headings = new Map<string, Heading | null>();

function headingUncached(text: string): Heading | undefined {
  const canonical = canonicalText(text).trim();
  const m = NUMERAL.exec(canonical);
  if (!m) {
    // Word's automatic numbering leaves only the title in the text.
    const bare = PART_TITLES.find((p) => labelKey(p.title) === labelKey(canonical));
    return bare ? { part: bare.id, rest: '' } : undefined;
  }
  const part = m[1] as PartId;
  const after = canonical.slice(m[0].length);
  const key = labelKey(after);
  const cut = /^([^：:。]{2,40})[：:]\s*(.+)$/.exec(after);
  for (const def of PART_TITLES) {
    if (def.id !== part) continue;
    const title = labelKey(def.title);
    if (key === title) return { part, rest: '' };
    // "六、其他需要报告的事项：无。" — the heading followed by its text on one line.
    if (cut && similarity(labelKey(cut[1]!), title) >= 0.6) return { part, rest: cut[2]! };
    if (key.length <= title.length * 1.5 + 2 && similarity(key, title) >= 0.6) return { part, rest: '' };
  }
  return undefined;
}

const headingOf = (block: SourceBlock): Heading | undefined => {
  if (block.kind === 'text') return partHeading(block.text);
  const filled = block.cells.filter((c) => c.text.trim() !== '');
  return filled.length === 1 ? partHeading(filled[0]!.text) : undefined;
};

export function splitSections(blocks: readonly SourceBlock[]): Sections {
  const front: SourceBlock[] = [];
  const parts = new Map<PartId, SourceBlock[]>();
  const outOfOrder: Sections['outOfOrder'] = [];
  let current: SourceBlock[] = front;
  let lastOrder = -1;
  for (const block of blocks) {
    const h = headingOf(block);
    // A heading repeated (a running header, a quoted title) is text of the part it stands in.
    if (h && !parts.has(h.part)) {
      const order = PART_ORDER.indexOf(h.part);
      if (order < lastOrder) outOfOrder.push({ part: h.part, after: PART_ORDER[lastOrder]! });
      lastOrder = Math.max(lastOrder, order);
      current = [];
      parts.set(h.part, current);
      if (h.rest.trim()) current.push({ kind: 'text', text: h.rest.trim() });
      continue;
    }
    current.push(block);
  }
  return { front, parts, outOfOrder };
}

/** The text a block starts with: a text line, or the first filled cell of a row (of a "|" line, before the first "|"). */
const leadingText = (block: SourceBlock): string => {
  if (block.kind === 'row') return block.cells.find((c) => c.text.trim() !== '')?.text.trim() ?? '';
  const t = block.text.trim();
  const bar = t.indexOf('|');
  return bar > 0 ? t.slice(0, bar).trim() : t;
};

/**
 * Parts whose headings are missing (the tables follow the narrative directly), found by what they contain:
 * a table part starts at the first block holding a label only that part's table prints, after the part
 * before it. Parts found by their headings stay as they are. Returns the parts found this way.
 */
export function findPartsByContent(sections: Sections, partOfLabel: (text: string) => PartId | undefined): PartId[] {
  const found: PartId[] = [];
  const order = (id: PartId) => PART_ORDER.indexOf(id);
  // Sections in document order: the front, then the parts as the document has them.
  const chain: { id: PartId | null; blocks: SourceBlock[] }[] = [{ id: null, blocks: sections.front }, ...[...sections.parts].map(([id, blocks]) => ({ id, blocks }))];
  const rebuilt = new Map<PartId, SourceBlock[]>();
  let front = sections.front;
  for (const section of chain) {
    let currentOrder = section.id ? order(section.id) : -1;
    const own: SourceBlock[] = [];
    let target = own;
    if (section.id) rebuilt.set(section.id, own);
    for (const block of section.blocks) {
      const part = partOfLabel(leadingText(block));
      if (part && !sections.parts.has(part) && !rebuilt.has(part) && order(part) > currentOrder) {
        found.push(part);
        target = [];
        rebuilt.set(part, target);
        currentOrder = order(part);
      }
      target.push(block);
    }
    if (!section.id) front = own;
  }
  if (found.length === 0) return found;
  sections.front.length = 0;
  sections.front.push(...front);
  sections.parts.clear();
  for (const [id, blocks] of rebuilt) sections.parts.set(id, blocks);
  return found;
}

/** The opening statement names the legal basis or the statistics period; the narrative of part 一 follows it. */
const OPENING = /统计期限|统计时限|数据统计|^根据|^依据|编制本报告|本报告由|如有疑问|请联系|联系电话|联系方式/;

/**
 * With the headings missing, part 一 is the narrative between the opening statement (after the title) and
 * the first table found by its content. `titleEnd` is the index after the title's blocks (0 without one).
 */
export function narrativeBeforeTables(sections: Sections, titleEnd: number): boolean {
  if (sections.parts.has(PART_ORDER[0]!)) return false;
  const front = sections.front;
  let start = titleEnd;
  // The opening statement: the first paragraphs that say what the report is, as long as they do.
  while (start < front.length && (front[start]!.kind !== 'text' || OPENING.test((front[start] as { text: string }).text) || (front[start] as { text: string }).text.trim() === '')) start++;
  if (start >= front.length) return false;
  const narrative = front.splice(start);
  const parts = [...sections.parts];
  sections.parts.clear();
  sections.parts.set(PART_ORDER[0]!, narrative);
  for (const [id, blocks] of parts) sections.parts.set(id, blocks);
  return true;
}
