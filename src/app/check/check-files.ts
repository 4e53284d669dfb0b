import { countBySeverity, type Finding } from '../../core/checker';
import { cellInputText } from '../../core/cell-input';
import type { CheckedFile } from '../../core/checked-file';
import { cellIndex, reportFormat, type Report } from '../../core/report';
import { checkImported, importFile, importText, unreadableFinding, type ImportResult } from '../../import';

// Reads and checks files in the browser: nothing leaves the machine.

/** A checked file as the page lists it: the one `CheckedFile`, with an id for the list. */
export type ListedFile = CheckedFile & { id: string };

let counter = 0;

async function preparePdfWorker(name: string): Promise<void> {
  if (!name.toLowerCase().endsWith('.pdf')) return;
  const { configurePdfWorker } = await import('./pdf-worker');
  await configurePdfWorker();
}

export async function checkFile(file: { name: string; bytes: Uint8Array }): Promise<ListedFile> {
  await preparePdfWorker(file.name).catch(() => undefined);
  const result = await importFile(file.name, file.bytes);
  return finish(file.name, result);
}

/** A file refused before it is read (too large): listed like any unreadable file. */
export function refusedFile(name: string, error: string): ListedFile {
  return finish(name, { ok: false, error });
}

export function checkPastedText(text: string): ListedFile {
  return finish('粘贴的文字', importText(text));
}

function finish(name: string, result: ImportResult): ListedFile {
  counter += 1;
  const id = `f${counter}`;
  if (!result.ok) return { id, file: name, findings: [unreadableFinding(result.error)], error: result.error };
  return { id, file: name, report: result.report, source: result.source, findings: checkImported(result.report, result.findings) };
}

/** What the document wrote in the cells a finding is about, for the clerk to compare with the original. */
export function rawCells(report: Report, finding: Finding): { label: string; text: string }[] {
  const index = cellIndex(reportFormat(report));
  const keys = [...new Set([finding.cell, ...(finding.cells ?? [])].filter((k): k is string => Boolean(k)))].slice(0, 8);
  return keys.flatMap((key) => {
    const def = index.get(key);
    if (!def) return [];
    const text = cellInputText(report, key);
    return [{ label: `${def.row} / ${def.column}`, text: text === '' ? '（空白）' : text }];
  });
}

export const summaryOf = (f: ListedFile) => countBySeverity(f.findings);
