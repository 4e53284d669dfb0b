import { countBySeverity, type Finding } from '../../core/checker';
import { cellInputText } from '../../core/cell-input';
import type { CheckedFile } from '../../core/checked-file';
import { cellIndex, reportFormat, type Report } from '../../core/report';
import { checkImported, importFile, importText, unreadableFinding, type ImportResult } from '../../import';
import { preparePdfWorker } from '../shared/pdf-worker';

// Reads and checks files in the browser: nothing leaves the machine.

/** A checked file as the page lists it: the one `CheckedFile`, with an id for the list. */
export type ListedFile = CheckedFile & {
  id: string;
  /** What was read, kept so the file can be read again with the year the user gives. */
  input?: { bytes: Uint8Array } | { text: string };
  /** The year the user gave (the file's own is used otherwise). */
  year?: number;
  /** The reader found no year at all and read with a provisional one. */
  yearGuessed?: true;
};

/** The reader found no year at all and read with a provisional one: the user should give it. */
export const yearMissing = (f: ListedFile): boolean => f.yearGuessed === true;

let counter = 0;

const given = (year: number | undefined) => (year === undefined ? {} : { year });

export async function checkFile(file: { name: string; bytes: Uint8Array }, year?: number): Promise<ListedFile> {
  await preparePdfWorker(file.name).catch(() => undefined);
  const result = await importFile(file.name, file.bytes, given(year));
  return { ...finish(file.name, result), input: { bytes: file.bytes }, ...given(year) };
}

/** The same file read again as a report of the given year (replacing its earlier result in the list). */
export async function rereadWithYear(file: ListedFile, year: number): Promise<ListedFile> {
  if (!file.input) return file;
  const again = 'bytes' in file.input ? await checkFile({ name: file.file, bytes: file.input.bytes }, year) : checkPastedText(file.input.text, year);
  return { ...again, id: file.id };
}

/** A file refused before it is read (too large): listed like any unreadable file. */
export function refusedFile(name: string, error: string): ListedFile {
  return finish(name, { ok: false, error });
}

export function checkPastedText(text: string, year?: number): ListedFile {
  return { ...finish('粘贴的文字', importText(text, given(year))), input: { text }, ...given(year) };
}

function finish(name: string, result: ImportResult): ListedFile {
  counter += 1;
  const id = `f${counter}`;
  if (!result.ok) return { id, file: name, findings: [unreadableFinding(result.error)], error: result.error };
  const findings = checkImported(result.report, result.findings, undefined, result.unseen);
  return { id, file: name, report: result.report, source: result.source, findings, ...(result.yearGuessed ? { yearGuessed: true as const } : {}) };
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
