// What a journey needs from a browser, so each journey is written once and run in every browser of the floor:
// Debian's Chromium (playwright-core), Chromium 86 (puppeteer-core 5.3.1) and Firefox ESR (puppeteer over BiDi).
// Elements are found in the page (see ../ui.ts) and marked, then acted on with real input through the driver.

export type DownloadedFile = { readonly name: string; readonly bytes: Buffer };

export interface Driver {
  /** The browser's name and version, for messages. */
  readonly version: string;
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  /** Runs a self-contained function in the page with one serializable argument. */
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** A real mouse click on the first element matching the selector. */
  click(selector: string): Promise<void>;
  /** One key, with modifiers joined by '+': 'Tab', 'Enter', 'Control+z', 'Control+Shift+z'. */
  press(keys: string): Promise<void>;
  /** Types text into whatever has the focus, key by key. */
  type(text: string): Promise<void>;
  /** Pastes text into the element matching the selector as a paste from Excel or Word arrives there. */
  paste(selector: string, text: string): Promise<void>;
  /** Sets the files of the file input matching the selector, as picking them in the file dialog does. */
  setFiles(selector: string, paths: readonly string[]): Promise<void>;
  /** Runs the action and returns the one file it made the browser save. */
  download(action: () => Promise<void>): Promise<DownloadedFile>;
  /** Every URL the page requested, in order, since the start. */
  readonly requests: readonly string[];
  /** Uncaught page errors, console errors and CSP violations, in order, since the start. */
  readonly problems: readonly string[];
  close(): Promise<void>;
}

/**
 * Reports every Content-Security-Policy violation as a console error, in every browser alike (Firefox's own CSP
 * reports never reach a BiDi console listener). Installed before the page's own scripts run.
 */
export function reportCspViolations(): void {
  document.addEventListener('securitypolicyviolation', (e) => {
    console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`);
  });
}

/**
 * Runs in the page: a paste event carrying the text, as Chromium delivers one (Chromium keeps the data of a
 * constructed ClipboardEvent; Firefox empties it, so Firefox pastes through its real clipboard instead).
 */
export function dispatchPaste({ selector, text }: { selector: string; text: string }): void {
  const el = document.querySelector<HTMLElement>(selector)!;
  el.focus();
  const dt = new DataTransfer();
  dt.setData('text/plain', text);
  el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
}
