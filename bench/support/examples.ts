import { readFileSync } from 'node:fs';
import { parseReport, type Report } from '../../src/core/report';

// The repository's example reports, as the benchmarks use them.

export const examplePath = (name: string): string => new URL(`../../examples/${name}`, import.meta.url).pathname;

export function loadExample(name: string): Report {
  const r = parseReport(readFileSync(examplePath(name), 'utf8'));
  if (!r.ok) throw new Error(`${name}: ${r.error}`);
  return r.report;
}
