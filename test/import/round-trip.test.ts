import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importText } from '../../src/import';
import { renderText } from '../../src/render/text';
import { arbitraryReport } from './arbitrary-report';
import { seeded } from '../support/fuzz';

describe('text written by nianbao re-imports to the same report', () => {
  it.each([
    ['2019 format', { min: 2019, max: 2020 }],
    ['2021 format', { min: 2021, max: 2030 }],
  ])('%s', (_, years) => {
    fc.assert(
      fc.property(arbitraryReport(years), (report) => {
        const read = importText(renderText(report));
        if (!read.ok) throw new Error(read.error);
        expect(read.report).toEqual(report);
        expect(read.findings).toEqual([]);
      }),
      seeded(`round trip ${_}`, 150),
    );
  });
});
