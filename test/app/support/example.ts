import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseReport, type Report } from '../../../src/core/report';

// jsdom replaces the URL global, so resolve example files by path.
const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');

export function exampleReport(name: 'qinghe-2024' | 'linjiang-2020'): Report {
  const r = parseReport(readFileSync(join(root, 'examples', `${name}.json`), 'utf8'));
  if (!r.ok) throw new Error(r.error);
  return r.report;
}
