import { loadExample as loadTestExample, repoPath } from '../../test/support/examples';
import type { Report } from '../../src/core/report';

// The benchmarks name examples by file; the loading itself is the tests' helper.

export const examplePath = (name: string): string => repoPath(`examples/${name}`);

const BY_FILE: Record<string, '2024' | '2020'> = { 'qinghe-2024.json': '2024', 'linjiang-2020.json': '2020' };

export function loadExample(name: string): Report {
  const which = BY_FILE[name];
  if (!which) throw new Error(`${name}: not an example report`);
  return loadTestExample(which);
}
