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
    // A row left wholly blank is only its label in space-aligned text: read as a blank row, like the other layouts.
    expect(findingLines(importText(defectSpaceAligned(defect)))).toEqual(EXPECTED[defect.name]);
  });
});
