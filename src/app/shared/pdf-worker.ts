import { setPdfWorkerPort } from '../../import/readers/pdf';

// pdf.js parses in a worker started from the app's own files (works offline); one worker serves every file.

let configured = false;

export async function configurePdfWorker(): Promise<void> {
  if (configured) return;
  const { default: PdfWorker } = await import('./pdf.worker?worker');
  setPdfWorkerPort(new PdfWorker({ name: 'pdf.js' }));
  configured = true;
}

/** pdf.js needs its worker before a .pdf is read in the page: the check page, 接续上年报告 and 汇总 all call this. */
export async function preparePdfWorker(name: string): Promise<void> {
  if (name.toLowerCase().endsWith('.pdf')) await configurePdfWorker();
}
