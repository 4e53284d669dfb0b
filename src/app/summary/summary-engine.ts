import { fileSizeProblem, importFile } from '../../import';
import { SummaryBuilder, type ReadOutcome, type Summary, type SummaryOptions } from '../../summary';

// The page's reading and summing, in one place that runs in a Web Worker (summary.worker.ts) or, where no
// worker can be made, in the page itself. It keeps every file's read outcome by id, so a summary is rebuilt
// (options typed, a file removed, a version chosen) without reading any file again.

export type Which = 'current' | 'previous';

/** A received file as the page keeps it: its name, when it was received, and what reading it gave. */
export type FileEntry = {
  id: string;
  name: string;
  which: Which;
  /** The file's own time (File.lastModified): the last tie-breaker between versions. */
  modified: number;
  /** When the office received it (dropped on the page), ISO. */
  received: string;
  outcome: ReadOutcome;
};

/** A file to read: the browser's File (cloned to a worker as it is), and the name the page lists it by (“教育局（2）.txt” when the name was taken). */
export type FileToRead = { id: string; file: File; name?: string; which: Which; received: string };

/** Options the page passes through (no callbacks: they do not cross to a worker). */
export type EngineOptions = Omit<SummaryOptions, 'onPhase'>;

/** Makes pdf.js ready before a PDF is read: in the page, its own worker (see shared/pdf-worker). */
export type PreparePdf = () => Promise<unknown>;

const pdfWorkerOfThePage: PreparePdf = async () => {
  const { configurePdfWorker } = await import('../shared/pdf-worker');
  await configurePdfWorker();
};

/** Reads one file; a bad file becomes a reason, never a crash. */
export async function readEntry({ id, file, name, which, received }: FileToRead, preparePdf: PreparePdf = pdfWorkerOfThePage): Promise<FileEntry> {
  const base = { id, name: name ?? file.name, which, modified: file.lastModified, received };
  // Checked before reading, so a huge file never enters memory.
  const tooLarge = fileSizeProblem(file.size);
  if (tooLarge) return { ...base, outcome: { ok: false, error: tooLarge } };
  try {
    if (file.name.toLowerCase().endsWith('.pdf')) await preparePdf().catch(() => undefined);
    const read = await importFile(file.name, new Uint8Array(await file.arrayBuffer()));
    const outcome: ReadOutcome = read.ok ? { ok: true, report: read.report, readingFindings: read.findings, ...(read.unseen ? { unseen: read.unseen } : {}) } : read;
    return { ...base, outcome };
  } catch (e) {
    return { ...base, outcome: { ok: false, error: `无法读取文件（${(e as Error).message}）` } };
  }
}

export class SummaryEngine {
  private readonly files = new Map<string, FileEntry>();

  constructor(private readonly preparePdf: PreparePdf = pdfWorkerOfThePage) {}

  async read(file: FileToRead): Promise<FileEntry> {
    const entry = await readEntry(file, this.preparePdf);
    this.files.set(entry.id, entry);
    return entry;
  }

  /** Files read earlier (restored from the browser's storage). */
  put(entries: readonly FileEntry[]): void {
    for (const e of entries) this.files.set(e.id, e);
  }

  remove(ids: readonly string[]): void {
    for (const id of ids) this.files.delete(id);
  }

  /** The summary of the files in `order` (ids; last year's are added first, as the builder needs). */
  build(order: readonly string[], options: EngineOptions): Summary | undefined {
    const entries = order.map((id) => this.files.get(id)).filter((e): e is FileEntry => e !== undefined);
    const current = entries.filter((e) => e.which === 'current');
    if (current.length === 0) return undefined;
    const builder = new SummaryBuilder(options);
    for (const e of entries) if (e.which === 'previous') builder.addPrevious(e.name, e.outcome, { modified: e.modified });
    for (const e of current) builder.addUnit(e.name, e.outcome, { modified: e.modified });
    return builder.finish();
  }
}
