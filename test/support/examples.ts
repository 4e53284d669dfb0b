import { readFileSync } from 'node:fs';
import { parseReport, type Report } from '../../src/core/report';

export const EXAMPLE_2024 = new URL('../../examples/qinghe-2024.json', import.meta.url);
export const EXAMPLE_2020 = new URL('../../examples/linjiang-2020.json', import.meta.url);

/** A fresh copy of an example report, safe to mutate. */
export function loadExample(which: '2024' | '2020'): Report {
  const result = parseReport(readFileSync(which === '2024' ? EXAMPLE_2024 : EXAMPLE_2020, 'utf8'));
  if (!result.ok) throw new Error(result.error);
  return result.report;
}
