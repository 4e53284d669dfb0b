import { describe, expect, it } from 'vitest';
import { importDocx, importHtml, importText } from '../../src/import';
import { DEFECTS, defectDocx, defectHtml, defectSpaceAligned, EXPECTED, findingLines } from './defect-documents';

// Each defect, written by nianbao's own renderers and then changed, read from Word, a web page and
// space-aligned text: the exact findings (reading and checking) it gets.

describe.each(DEFECTS)('$name', (defect) => {
  it('in a Word document', async () => {
    expect(findingLines(await importDocx(await defectDocx(defect)))).toEqual(EXPECTED[defect.name]);
  });
  it('in a saved web page', async () => {
    expect(findingLines(await importHtml(defectHtml(defect)))).toEqual(EXPECTED[defect.name]);
  });
  it('in space-aligned text', () => {
    // A row left wholly blank is only its label in space-aligned text: it cannot be told from a missing row.
    const expected = defect.name === 'a row left blank' ? ['error 结构 二 行政许可/-', ...EXPECTED[defect.name]!] : EXPECTED[defect.name];
    expect(findingLines(importText(defectSpaceAligned(defect)))).toEqual(expected);
  });
});
