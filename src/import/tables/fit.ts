import { FORMATS, type FormatDef, type PartId, type TableDef } from '../../../templates';
import type { SourceBlock } from '../source';
import { labelKey } from '../normalise/text';
import { matchLabel, tableLabels } from './labels';
import { readTable, type TableReading } from './map-table';

// Which format a table is written in, by best fit: each format's definition of the table reads the
// table, and the one that explains it best wins — rows matched, labels recognised, numbers placed —
// penalised for rows it lacks inside the stretch the text shows and for rows it cannot explain. A revision
// whose labels are a superset of another's therefore neither steals a table of the older format (its
// extra rows are missing) nor loses its own (the older format cannot explain the extra rows).

export type TableFit = {
  format: FormatDef;
  table: TableDef;
  /** The full reading (cells parsed, findings worded), made on first use. */
  readonly reading: TableReading;
  /** The counts the fit was scored by (no values, no findings). */
  counted: TableReading;
  blocks: readonly SourceBlock[];
  score: number;
};

export function fitScore(reading: TableReading): number {
  const found = [...reading.found];
  const first = found.length ? Math.min(...found) : 0;
  const last = found.length ? Math.max(...found) : -1;
  // Rows missing before the first or after the last row found may be where a text was cut: only gaps count.
  const inside = reading.missing.filter((m) => m.index > first && m.index < last).length;
  return reading.rowsFound * 2 + reading.labelsSeen * 0.5 + reading.cellsRead * 0.01 - reading.unexplained * 2 - inside * 0.5;
}

/** The table of a part in one format, if the format has that part as a table. */
export const tableOfPart = (format: FormatDef, part: PartId): TableDef | undefined => {
  const def = format.parts.find((p) => p.id === part);
  return def?.kind === 'table' && def.table ? format.tables[def.table] : undefined;
};

/** A text is a label of this part's table in some format (used to rebuild rows from a stream of cells). */
export function isLabelOfPart(part: PartId): (text: string) => boolean {
  const tables = FORMATS.flatMap((f) => {
    const t = tableOfPart(f, part);
    return t ? [tableLabels(t)] : [];
  });
  return (text) => tables.some((labels) => matchLabel(text, labels) !== undefined);
}

/** A piece of some label of the part's table (a label wrapped over lines in space-aligned text). */
export function isLabelPiece(part: PartId): (text: string) => boolean {
  const keys = FORMATS.flatMap((f) => {
    const t = tableOfPart(f, part);
    return t ? tableLabels(t).labels.map((l) => l.key) : [];
  });
  return (text) => {
    const key = labelKey(text);
    return key.length > 0 && keys.some((k) => k.includes(key));
  };
}

/** The best reading of one part's table in one format, over the candidate block sequences (one per way of reading the text). */
export function bestReading(format: FormatDef, part: PartId, candidates: readonly (readonly SourceBlock[])[]): TableFit | undefined {
  const table = tableOfPart(format, part);
  if (!table) return undefined;
  // Candidates are scored by counts alone; the winner alone is read in full (its cells parsed, its findings
  // worded), and only when asked for: most formats' readings are never used.
  let best: { blocks: readonly SourceBlock[]; counted: TableReading; score: number } | undefined;
  for (const blocks of candidates) {
    const counted = readTable(format, table, blocks, true);
    const score = fitScore(counted);
    if (!best || score > best.score) best = { blocks, counted, score };
  }
  if (!best) return undefined;
  const { blocks, counted, score } = best;
  let full: TableReading | undefined;
  return {
    format,
    table,
    blocks,
    score,
    counted,
    get reading() {
      return (full ??= readTable(format, table, blocks));
    },
  };
}

const pieceCache = new WeakMap<TableDef, Map<string, boolean>>();
/** Some label of the table holds the piece of text (a label key): the same pieces recur in every report, so the answers are kept. */
function holdsPiece(table: TableDef, piece: string): boolean {
  let cache = pieceCache.get(table);
  if (!cache) {
    cache = new Map();
    pieceCache.set(table, cache);
  }
  let held = cache.get(piece);
  if (held === undefined) {
    held = tableLabels(table).labels.some((l) => l.key.includes(piece));
    if (cache.size > 20000) cache.clear();
    cache.set(piece, held);
  }
  return held;
}

/** Every format's best reading of the part, and the format that fits clearly best (none on a tie). */
export function fitPart(
  part: PartId,
  candidates: readonly (readonly SourceBlock[])[],
  formats: readonly FormatDef[] = FORMATS,
  /** Readings only one format can make (rows found by that format's order and labels). */
  ownCandidates: (format: FormatDef, table: TableDef) => readonly (readonly SourceBlock[])[] = () => [],
): { fits: TableFit[]; decisive?: FormatDef } {
  const fits = formats.flatMap((f) => {
    const table = tableOfPart(f, part);
    const fit = bestReading(f, part, table ? [...candidates, ...ownCandidates(f, table)] : candidates);
    return fit ? [fit] : [];
  });
  // Wrapped or cut labels match no row, but a piece only one format prints is still evidence for it.
  const pieces = new Set(candidates[0]!.flatMap((b) => (b.kind === 'text' ? [b.text] : b.cells.map((c) => c.text))).map(labelKey).filter((k) => k.length >= 4));
  for (const fit of fits) {
    const others = fits.filter((f) => f !== fit);
    for (const p of pieces) if (holdsPiece(fit.table, p) && !others.some((f) => holdsPiece(f.table, p))) fit.score += 1;
  }
  const sorted = [...fits].sort((a, b) => b.score - a.score);
  const [first, second] = sorted;
  const decisive = first && first.counted.rowsFound + first.counted.labelsSeen > 0 && (!second || first.score > second.score + 0.25) ? first.format : undefined;
  return decisive ? { fits, decisive } : { fits };
}

/** Label keys only one part's table prints (in any format): a cell holding one of them places the table. */
const ownLabels = new Map<PartId, Set<string>>();
function ownLabelsOf(): Map<PartId, Set<string>> {
  if (ownLabels.size) return ownLabels;
  const byPart = new Map<PartId, Set<string>>();
  for (const f of FORMATS) {
    for (const p of f.parts) {
      const t = tableOfPart(f, p.id);
      if (!t) continue;
      const keys = byPart.get(p.id) ?? new Set<string>();
      for (const l of tableLabels(t).labels) keys.add(l.key);
      byPart.set(p.id, keys);
    }
  }
  for (const [part, keys] of byPart) {
    const others = [...byPart].filter(([p]) => p !== part).map(([, k]) => k);
    ownLabels.set(part, new Set([...keys].filter((k) => k.length >= 2 && !others.some((o) => o.has(k)))));
  }
  return ownLabels;
}

/** The table part whose own label a cell's text is (a caption, a header, a row label), if any. */
export function partOfOwnLabel(text: string): PartId | undefined {
  if (text.length > 60 || /[。；]/.test(text)) return undefined;
  const key = labelKey(text);
  if (key.length < 2) return undefined;
  for (const [part, keys] of ownLabelsOf()) if (keys.has(key)) return part;
  return undefined;
}
