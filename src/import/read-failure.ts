import { SUPPORTED_BROWSERS } from '../core/browser-floor';

// A file that cannot be read because the browser lacks something the reader needs (a browser older than the
// app supports) is not a damaged file: saying so would send the clerk after a good file.

/** pdf.js's worker could not start (its script did not run in this browser). */
export class PdfWorkerFailed extends Error {
  override name = 'PdfWorkerFailed';
}

const MISSING = /is not a function|is not a constructor|is not (async )?iterable|is not defined|Setting up fake worker failed/;

/** The error says the program lacks a feature of the browser (or Node), not that the bytes are bad. */
export function isMissingFeature(e: unknown): boolean {
  if (e instanceof ReferenceError || e instanceof PdfWorkerFailed) return true;
  // pdf.js hands errors of its worker over as UnknownErrorException, the original in `details`.
  const { message, details } = (e ?? {}) as { message?: unknown; details?: unknown };
  return MISSING.test(`${String(message ?? '')} ${String(details ?? '')}`);
}

/** What to tell the user instead of "damaged file". `what` names the file kind: "PDF 文件", "Word 文件". */
export function missingFeatureMessage(what: string, e: unknown): string {
  const detail = (e as { message?: unknown } | undefined)?.message;
  const why = detail ? `（${String(detail)}）` : '';
  return typeof document === 'undefined'
    ? `无法读取这个${what}：Node.js 缺少所需的功能${why}，文件本身不一定有问题。请使用 Node.js 20 或更高版本。`
    : `这个浏览器无法读取${what}：浏览器版本过旧，缺少所需的功能${why}，文件本身不一定有问题。请用${SUPPORTED_BROWSERS}打开本程序，再读取这个文件。`;
}
