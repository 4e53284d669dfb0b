import type { TableDef } from '../../../templates';
import { TEXT_WIDTH } from './page';

// Fixed column widths that add up to the text width exactly (WPS collapses tables without them).

/** Splits `total` twips in proportion to `weights`, in whole twips that sum to `total`. */
export function distribute(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((total * w) / sum));
  let rest = total - widths.reduce((a, b) => a + b, 0);
  for (let i = 0; rest > 0; i = (i + 1) % widths.length, rest--) widths[i]! += 1;
  return widths;
}

/** Relative widths per table: narrow value columns, room for the labels (spec §2–4). */
function weights(table: TableDef): number[] {
  const n = table.columns;
  switch (table.id) {
    // label columns c0–c2 (group, category, sub-item), then the value columns (7) of three 五号 characters each.
    case 't3':
      return [800, 1150, 1855, ...new Array<number>(n - 3).fill(720)];
    // The label column as wide as one 3-way header, so 2019's 2+2+2 / 3+3 spans and 2021's 1+1+1 / 3 all read evenly.
    case 't2':
      return [(n - 1) / 3, ...new Array<number>(n - 1).fill(1)];
    default:
      return new Array<number>(n).fill(1);
  }
}

export const columnWidths = (table: TableDef): number[] => distribute(TEXT_WIDTH, weights(table));
