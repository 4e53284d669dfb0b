import type { SourceKind } from '../core/checked-file';

// What every reader produces before mapping: the document's text lines and table rows in reading order.

/** One table cell as the source wrote it. `covered`: a position a vertical merge from above covers. */
export type SourceCell = { text: string; covered?: boolean };

/**
 * `aligned`: cells were cut at runs of spaces or by position (PDF text, space-aligned text),
 * so blank cells may be missing and several numbers may share one cell.
 */
export type SourceBlock = { kind: 'text'; text: string } | { kind: 'row'; cells: SourceCell[]; aligned?: boolean };

export type { SourceKind };

export type SourceDocument = {
  kind: SourceKind;
  blocks: SourceBlock[];
  /** Plain text only: the normalised lines, so a table can also be read as a stream of cells. */
  lines?: string[];
  /** Lines the normalise stage took out as page or site chrome. */
  dropped?: string[];
  /** The text was written in traditional characters and has been read as simplified. */
  traditional?: boolean;
  /** Plain text only: the report was run together on one line and has been cut back into lines. */
  runTogether?: boolean;
  /** Plain text only: how many of `lines` came before the page's footer (the page was captured to its end). */
  footerAfter?: number;
};

export const textBlock = (text: string): SourceBlock => ({ kind: 'text', text });
export const rowBlock = (cells: readonly string[], aligned = false): SourceBlock =>
  aligned ? { kind: 'row', cells: cells.map((text) => ({ text })), aligned } : { kind: 'row', cells: cells.map((text) => ({ text })) };
