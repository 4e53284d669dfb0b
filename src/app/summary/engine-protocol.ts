import type { Summary } from '../../summary';
import type { EngineOptions, FileEntry, FileToRead } from './summary-engine';

// Messages between the 汇总 page and its worker.

export type EngineRequest =
  | { kind: 'read'; seq: number; file: FileToRead }
  | { kind: 'put'; entries: FileEntry[] }
  | { kind: 'remove'; ids: string[] }
  | { kind: 'build'; seq: number; order: string[]; options: EngineOptions };

export type EngineResponse =
  | { kind: 'read'; seq: number; entry: FileEntry }
  /** The summary's unit rows, in slices before the summary itself: one huge message would hold the page up while it is unpacked. */
  | { kind: 'rows'; seq: number; rows: Summary['units'] }
  | { kind: 'built'; seq: number; summary: Summary | undefined }
  | { kind: 'failed'; seq: number; message: string };
