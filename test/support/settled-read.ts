import { expect } from 'vitest';
import type { Finding } from '../../src/core/checker';
import { parseReport, serializeReport } from '../../src/core/report';
import type { ImportResult } from '../../src/import';

// What reading a damaged or hostile file must end with: a report whose findings say where, or a plain Chinese
// reason — never a program error dressed as a message (a reader that throws is caught by importFile, and its
// TypeError would otherwise pass as "an error message").

/** What a program error looks like when it leaks into a message. */
const PROGRAM_ERROR = /TypeError|RangeError|ReferenceError|SyntaxError: |Cannot read|is not a function|undefined|\[object |NaN|\n\s+at /;

/** Where a finding points: a part of the report (and within it a row, a column or a cell), or the document as a whole by name. */
function saysWhere(f: Finding): boolean {
  if (f.part !== null) return true;
  return /标题|报告|文件|年度|全文|统计期限|机关/.test(f.message);
}

export function expectSettled(result: ImportResult): void {
  if (!result.ok) {
    expect(result.error.length).toBeGreaterThan(5);
    expect(result.error).toMatch(/[\u4e00-\u9fff]/);
    expect(result.error).not.toMatch(PROGRAM_ERROR);
    return;
  }
  expect(result.report.schemaVersion).toBe(1);
  for (const f of result.findings) {
    expect(f.message, JSON.stringify(f)).toMatch(/[\u4e00-\u9fff]/);
    expect(f.message).not.toMatch(PROGRAM_ERROR);
    expect(saysWhere(f), `finding without a place: ${JSON.stringify(f)}`).toBe(true);
  }
  // The model it returns is a valid report file.
  expect(parseReport(serializeReport(result.report)).ok).toBe(true);
}

