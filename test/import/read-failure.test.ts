import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SUPPORTED_BROWSERS } from '../../src/core/browser-floor';
import { importFile } from '../../src/import';
import { isMissingFeature, missingFeatureMessage, PdfWorkerFailed } from '../../src/import/read-failure';

// A browser older than the app supports lacks functions the readers call: the user is told to change the
// browser, not that a good file is damaged.

const printedPdf = new Uint8Array(readFileSync(new URL('../fuzz/fixtures/linjiang-2020-printed.pdf', import.meta.url)));

describe('telling a missing browser feature from a damaged file', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('takes errors of missing functions, undefined names and a dead PDF worker for the program, not the file', () => {
    expect(isMissingFeature(new TypeError('this.done.at is not a function'))).toBe(true);
    expect(isMissingFeature(new ReferenceError('structuredClone is not defined'))).toBe(true);
    expect(isMissingFeature(new PdfWorkerFailed("Uncaught SyntaxError: Unexpected token '{'"))).toBe(true);
    expect(isMissingFeature(new Error('Setting up fake worker failed: "Unexpected token \'{\'".'))).toBe(true);
    // pdf.js hands its worker's errors over as UnknownErrorException, the original in `details`.
    expect(isMissingFeature({ name: 'UnknownErrorException', message: 'x', details: 'TypeError: t is not async iterable' })).toBe(true);
  });

  it('leaves what damaged files raise to the damaged-file messages', () => {
    expect(isMissingFeature(new Error("Can't find end of central directory : is this a zip file ?"))).toBe(false);
    expect(isMissingFeature({ name: 'InvalidPDFException', message: 'Invalid PDF structure.' })).toBe(false);
    expect(isMissingFeature(new TypeError("Cannot read properties of undefined (reading 'x')"))).toBe(false);
    expect(isMissingFeature(undefined)).toBe(false);
  });

  it('names the supported browsers in a browser, Node.js on the command line', () => {
    const error = new TypeError('t is not async iterable');
    expect(missingFeatureMessage('PDF 文件', error)).toMatch(/Node\.js 20/);
    vi.stubGlobal('document', {});
    const inBrowser = missingFeatureMessage('PDF 文件', error);
    expect(inBrowser).toContain(SUPPORTED_BROWSERS);
    expect(inBrowser).toContain('t is not async iterable');
    expect(inBrowser).not.toContain('已损坏');
  });

  it('a PDF read where a function the reader needs is missing is not called damaged', async () => {
    const getReader = ReadableStream.prototype.getReader;
    // As in a browser whose streams lack what pdf.js's text stream is read with.
    (ReadableStream.prototype as { getReader?: unknown }).getReader = undefined;
    try {
      const read = await importFile('报告.pdf', printedPdf);
      expect(read).toEqual({ ok: false, error: expect.stringContaining('缺少所需的功能') });
      expect(!read.ok && read.error).not.toMatch(/已损坏|不是有效的/);
    } finally {
      ReadableStream.prototype.getReader = getReader;
    }
    expect((await importFile('报告.pdf', printedPdf)).ok).toBe(true);
  });
});
