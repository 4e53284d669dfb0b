import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseReport, type Report } from '../../src/core/report';

// Plain paths, not URL objects: jsdom replaces the global URL in component tests.
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** A path inside the repository. */
export const repoPath = (relative: string): string => resolve(root, relative);
export const EXAMPLE_2024 = repoPath('examples/qinghe-2024.json');
export const EXAMPLE_2020 = repoPath('examples/linjiang-2020.json');

/** A fresh copy of an example report, safe to mutate. */
export function loadExample(which: '2024' | '2020'): Report {
  const result = parseReport(readFileSync(which === '2024' ? EXAMPLE_2024 : EXAMPLE_2020, 'utf8'));
  if (!result.ok) throw new Error(result.error);
  return result.report;
}
