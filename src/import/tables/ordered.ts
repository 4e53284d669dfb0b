import type { FormatDef, TableDef } from '../../../templates';
import { cellIndex } from '../../core/report';
import { labelKey } from '../normalise/text';
import { rowBlock, type SourceBlock } from '../source';
import { tableLabels } from './labels';

// The tables stage for space-aligned text whose labels are cut into pieces around the numbers
// (`pdftotext -layout` of a table with narrow label columns: half a label above its numbers, half below,
// a vertical group label in between). Each line of numbers is matched to a row of the format's table by
// evidence: the count of numbers (the row's columns), the row's place in the table's order, and how much
// of the row's label stands around the numbers. Rows are matched in order, so a piece of label shared by
// two neighbours goes to the one that explains it best.

/** A line ending in numbers: the text before them and the numbers. */
const NUMBERS_AT_END = /^(.*?)((?:\s+|^)-?\d[\d.,]*(?:\s+-?\d[\d.,]*)*)\s*$/;

type NumberLine = { line: number; text: string; numbers: string[] };

function numberLines(lines: readonly string[]): NumberLine[] {
  const out: NumberLine[] = [];
  lines.forEach((raw, line) => {
    const m = NUMBERS_AT_END.exec(raw.trim());
    if (!m) return;
    const numbers = m[2]!.trim().split(/\s+/);
    // A lone number after a label ("统计期限2024年") is no table row; a row has at least one number after space.
    if (numbers.length === 0 || (numbers.length === 1 && m[1]!.trim() !== '' && !/\s$/.test(m[1]!) && !/\s{2,}/.test(raw))) return;
    out.push({ line, text: m[1]!.trim(), numbers });
  });
  return out;
}

function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < s.length - 1; i++) out.add(s.slice(i, i + 2));
  return out;
}

/** How much of a label the text around a line of numbers holds (0–1). */
function recall(label: string, context: Set<string>): number {
  const grams = bigrams(label);
  if (grams.size === 0) return 0;
  let hit = 0;
  for (const g of grams) if (context.has(g)) hit++;
  return hit / grams.size;
}

const MIN_RECALL = 0.34;
/** Table 四's data row has no label: its numbers alone name it. */
const UNLABELLED = 0.5;

/** Row blocks for the table's rows found by order and evidence, or nothing when the lines show no such table. */
export function orderedRows(lines: readonly string[], format: FormatDef, table: TableDef): SourceBlock[] {
  const found = numberLines(lines);
  if (found.length === 0) return [];
  const labels = tableLabels(table);
  const index = cellIndex(format);
  const rows = labels.dataRows.map((d) => {
    const printed = index.get(d.keys[0]!)!.row;
    const own = d.identity ? labelKey(d.identity.cell.type === 'label' ? d.identity.cell.text : '') : '';
    return { count: d.keys.length, key: own, printed: d.identity ? printed.split(' ').pop()! : '' };
  });
  const contexts = found.map((n, j) => {
    const from = j > 0 ? found[j - 1]!.line + 1 : Math.max(0, n.line - 3);
    const to = j + 1 < found.length ? found[j + 1]!.line : Math.min(lines.length, n.line + 4);
    const around = lines.slice(from, to).map((l, k) => (from + k === n.line ? n.text : l)).join('');
    return bigrams(labelKey(around));
  });
  const score = (i: number, j: number): number => {
    const row = rows[i]!;
    if (found[j]!.numbers.length !== row.count) return 0;
    if (!row.key) return UNLABELLED;
    const r = recall(row.key, contexts[j]!);
    return r >= MIN_RECALL ? r : 0;
  };
  // Longest ordered matching by total evidence (rows and number lines both in order).
  const R = rows.length;
  const N = found.length;
  const best: number[][] = Array.from({ length: R + 1 }, () => new Array<number>(N + 1).fill(0));
  for (let i = 1; i <= R; i++) {
    for (let j = 1; j <= N; j++) {
      const s = score(i - 1, j - 1);
      best[i]![j] = Math.max(best[i - 1]![j]!, best[i]![j - 1]!, s > 0 ? best[i - 1]![j - 1]! + s : 0);
    }
  }
  const pairs = new Map<number, number>();
  for (let i = R, j = N; i > 0 && j > 0; ) {
    const s = score(i - 1, j - 1);
    if (s > 0 && best[i]![j] === best[i - 1]![j - 1]! + s) {
      pairs.set(j - 1, i - 1);
      i--;
      j--;
    } else if (best[i]![j] === best[i - 1]![j]) i--;
    else j--;
  }
  return found.map((n, j) => {
    const i = pairs.get(j);
    if (i !== undefined) return rowBlock([rows[i]!.printed, ...n.numbers]);
    // A line of numbers no row explains stays as written (with the text above it), to be reported.
    const above = lines.slice(j > 0 ? found[j - 1]!.line + 1 : 0, n.line).map((l) => l.trim()).filter(Boolean).join('');
    return rowBlock([n.text || above || '（无行名）', ...n.numbers]);
  });
}
