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

/** The table's column weights (from its format definition) over the text width. */
export const columnWidths = (table: TableDef): number[] => distribute(TEXT_WIDTH, table.layout.weights);
