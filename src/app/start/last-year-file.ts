import type { Finding } from '../../core/checker';
import type { Report } from '../../core/report';
import { importFile, type SourceKind } from '../../import';
import { preparePdfWorker } from '../shared/pdf-worker';

// Last year's report as a clerk has it — a Word file, PDF, web page or text — read in the browser, like the
// check page reads it. Loaded only when such a file is chosen, so the start page stays small.

/** How last year's report was read from a file other than the app's own .json. */
export type LastYearRead = {
  file: string;
  bytes: Uint8Array;
  source: SourceKind;
  /** The reader's findings the clerk should see before continuing: errors and warnings. */
  problems: Finding[];
  /** No year in the file: the one read with is provisional until the clerk gives it. */
  yearGuessed: boolean;
  /** The year the clerk gave. */
  year?: number;
};

export type LastYearFile = { ok: true; report: Report; read: LastYearRead } | { ok: false; error: string };

export async function readLastYearFile(file: { name: string; bytes: Uint8Array }, year?: number): Promise<LastYearFile> {
  await preparePdfWorker(file.name).catch(() => undefined);
  const result = await importFile(file.name, file.bytes, year === undefined ? {} : { year });
  if (!result.ok) return result;
  return {
    ok: true,
    report: result.report,
    read: {
      file: file.name,
      bytes: file.bytes,
      source: result.source,
      problems: result.findings.filter((f) => f.severity !== 'info'),
      yearGuessed: result.yearGuessed === true && year === undefined,
      ...(year === undefined ? {} : { year }),
    },
  };
}
