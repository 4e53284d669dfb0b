import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importDocx } from '../../src/import';
import { renderDocx } from '../../src/render/docx';
import { arbitraryReport } from './arbitrary-report';
import { seeded } from '../support/fuzz';

describe('Word documents written by nianbao re-import to the same report', () => {
  it.each([
    ['2019 format', { min: 2019, max: 2020 }],
    ['2021 format', { min: 2021, max: 2030 }],
  ])('%s', async (_, years) => {
    await fc.assert(
      fc.asyncProperty(arbitraryReport(years), async (report) => {
        const read = await importDocx(await renderDocx(report));
        if (!read.ok) throw new Error(read.error);
        expect(read.report).toEqual(report);
        expect(read.findings).toEqual([]);
      }),
      seeded('docx round trip', 15),
    );
  });
});
