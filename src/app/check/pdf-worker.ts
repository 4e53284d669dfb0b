import { setPdfWorkerSrc } from '../../import/readers/pdf';

// pdf.js parses in a worker; Vite serves the worker file from the app's own origin (works offline).

let configured = false;

export async function configurePdfWorker(): Promise<void> {
  if (configured) return;
  const { default: url } = await import('pdfjs-dist/legacy/build/pdf.worker.min.mjs?url');
  setPdfWorkerSrc(url);
  configured = true;
}
