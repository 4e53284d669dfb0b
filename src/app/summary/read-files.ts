import { fileSizeProblem, importFile } from '../../import';
import type { ReadOutcome } from '../../summary';

// Reads dropped files on this machine into what the summary needs; a bad file becomes a reason, never a crash.

export type ReadFile = { name: string; outcome: ReadOutcome };

async function preparePdfWorker(name: string): Promise<void> {
  if (!name.toLowerCase().endsWith('.pdf')) return;
  const { configurePdfWorker } = await import('../check/pdf-worker');
  await configurePdfWorker();
}

export async function readDropped(file: File): Promise<ReadFile> {
  // Checked before reading, so a huge file never enters memory.
  const tooLarge = fileSizeProblem(file.size);
  if (tooLarge) return { name: file.name, outcome: { ok: false, error: tooLarge } };
  try {
    await preparePdfWorker(file.name).catch(() => undefined);
    const read = await importFile(file.name, new Uint8Array(await file.arrayBuffer()));
    return { name: file.name, outcome: read.ok ? { ok: true, report: read.report, readingFindings: read.findings } : read };
  } catch (e) {
    return { name: file.name, outcome: { ok: false, error: `无法读取文件（${(e as Error).message}）` } };
  }
}
