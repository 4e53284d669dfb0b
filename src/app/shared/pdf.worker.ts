// pdf.js's worker, bundled by Vite like the app itself: lowered to the same browsers and given the same
// kind of polyfills (see vite.config.ts), which its prebuilt file does not have for Chromium 86.
import 'pdfjs-dist/legacy/build/pdf.worker.mjs';
