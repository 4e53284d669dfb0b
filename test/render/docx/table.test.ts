import { Document, Packer, type FileChild } from 'docx';
import fc from 'fast-check';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { reportFormat, type Report } from '../../../src/core/report';
import { renderTableDocx } from '../../../src/render/docx/table';
import { arbitraryReport } from '../../import/arbitrary-report';
import { loadExample } from '../../support/examples';
import { seeded } from '../../support/fuzz';
import { referenceTableDocx } from './table-reference';

// The export writes tables from prepared cell shapes; the XML must be exactly what one docx
// component per cell writes, for any report and any text a clerk may have typed into a cell.

async function documentXml(table: FileChild): Promise<string> {
  const bytes = await Packer.pack(new Document({ sections: [{ children: [table] }] }), 'uint8array');
  return (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
}

async function expectSameTables(report: Report): Promise<void> {
  const format = reportFormat(report);
  for (const id of ['t2', 't3', 't4'] as const) {
    const table = format.tables[id];
    expect(await documentXml(renderTableDocx(report, table))).toBe(await documentXml(referenceTableDocx(report, table)));
  }
}

const ODD_TEXT = ['a&b<c>"d\'e', 'x\u0001y', '约 5 件\n第二行', '\uD800', '  12  ', '\t', ''];

describe('table XML is the same as one docx component per cell writes', () => {
  it.each(['2024', '2020'] as const)('%s example', (which) => expectSameTables(loadExample(which)));

  it('random reports, with odd text written in a cell', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryReport(), fc.nat(), fc.constantFrom(...ODD_TEXT), async (report, pick, text) => {
        const cells = reportFormat(report).cells;
        const key = cells[pick % cells.length]!.key;
        delete report.values[key];
        report.written[key] = text;
        await expectSameTables(report);
      }),
      seeded('docx table layout', 40),
    );
    // 40 × 6 packed documents: seconds on a quiet machine, far more on a shared CI runner.
  }, 120_000);
});
