import fc from 'fast-check';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Report } from '../../src/core/report';
import { renderDocx } from '../../src/render/docx';
import { renderText } from '../../src/render/text';
import { arbitraryReport } from '../../test/import/arbitrary-report';

// Benchmark inputs made by the project's own code: random reports whose tables add up,
// written by the text and Word renderers into a temporary folder (removed afterwards).

/** The same reports every run, so runs compare. */
export const randomReports = (count: number, seed = 2024): Report[] => fc.sample(arbitraryReport(), { numRuns: count, seed });

export type Folder = { dir: string; files: string[]; remove: () => void };

export async function writeReports(kind: 'txt' | 'docx', count: number): Promise<Folder> {
  const dir = join(mkdtempSync(join(tmpdir(), `nianbao-bench-${kind}-`)), 'reports');
  mkdirSync(dir);
  const files: string[] = [];
  for (const [i, report] of randomReports(count).entries()) {
    const file = join(dir, `${String(i).padStart(4, '0')}-${report.meta.year}.${kind}`);
    writeFileSync(file, kind === 'txt' ? renderText(report) : await renderDocx(report));
    files.push(file);
  }
  return { dir, files, remove: () => rmSync(join(dir, '..'), { recursive: true, force: true }) };
}
