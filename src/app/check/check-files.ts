import type { PartId } from '../../../templates';
import { countBySeverity, groupByPart as groupFindings, type Finding } from '../../core/checker';
import { cellInputText } from '../../core/cell-input';
import { cellIndex, reportFormat, type Report } from '../../core/report';
import { checkImported, importFile, importText, unreadableFinding, type ImportResult } from '../../import';

// Reads and checks files in the browser: nothing leaves the machine.

export type CheckedFile = {
  id: string;
  name: string;
  result: ImportResult;
  findings: Finding[];
  /** What was read, kept so the file can be read again with the year the user gives. */
  input?: { bytes: Uint8Array } | { text: string };
  /** The year the user gave (the file's own is used otherwise). */
  year?: number;
};

/** The reader found no year at all and read with a provisional one: the user should give it. */
export const yearMissing = (f: CheckedFile): boolean => f.findings.some((x) => x.rule === '读取' && x.severity === 'error' && /没有找到报告年度/.test(x.message));

let counter = 0;

async function preparePdfWorker(name: string): Promise<void> {
  if (!name.toLowerCase().endsWith('.pdf')) return;
  const { configurePdfWorker } = await import('./pdf-worker');
  await configurePdfWorker();
}

export async function checkFile(file: { name: string; bytes: Uint8Array }, year?: number): Promise<CheckedFile> {
  await preparePdfWorker(file.name).catch(() => undefined);
  const result = await importFile(file.name, file.bytes, year === undefined ? {} : { year });
  return { ...finish(file.name, result), input: { bytes: file.bytes }, ...(year === undefined ? {} : { year }) };
}

/** The same file read again as a report of the given year (replacing its earlier result in the list). */
export async function rereadWithYear(file: CheckedFile, year: number): Promise<CheckedFile> {
  if (!file.input) return file;
  const again = 'bytes' in file.input ? await checkFile({ name: file.name, bytes: file.input.bytes }, year) : checkPastedText(file.input.text, year);
  return { ...again, id: file.id };
}

/** A file refused before it is read (too large): listed like any unreadable file. */
export function refusedFile(name: string, error: string): CheckedFile {
  return finish(name, { ok: false, error });
}

export function checkPastedText(text: string, year?: number): CheckedFile {
  return { ...finish('粘贴的文字', importText(text, year === undefined ? {} : { year })), input: { text }, ...(year === undefined ? {} : { year }) };
}

function finish(name: string, result: ImportResult): CheckedFile {
  counter += 1;
  const findings = result.ok ? checkImported(result.report, result.findings, undefined, result.unseen) : [unreadableFinding(result.error)];
  return { id: `f${counter}`, name, result, findings };
}

export type FindingGroup = { part: PartId | null; title: string; findings: Finding[] };

/** Findings by part, in the report's order; whole-document findings first. */
export function groupByPart(report: Report | undefined, findings: readonly Finding[]): FindingGroup[] {
  const parts = report ? reportFormat(report).parts : [];
  return groupFindings(findings).map(({ part, items }) => ({
    part,
    title: part ? (parts.find((p) => p.id === part)?.heading ?? `第${part}部分`) : '全文',
    findings: items,
  }));
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

export const summaryOf = (f: CheckedFile) => countBySeverity(f.findings);
