import { createHash } from 'node:crypto';

// The Content-Security-Policy of dist/nianbao.html. The file has no origin to allow ('self' means nothing on
// file://), so its policy names its inline scripts and styles by their sha256 hashes, computed here from
// the finished page: anything else inline, injected or remote is refused. The app's chunks and the pdf.js
// worker start from Blobs of code held in the page (script-src and worker-src blob:); the page connects
// nowhere.

// Scripts and styles in document order: the text of a script (which may itself hold "<style>" in a string)
// is passed over as a whole. Inlined code has its "</script" escaped, so the first end tag is the real one.
const ELEMENTS = /<(script|style)\b([^>]*)>([\s\S]*?)<\/\1>/g;
const POLICY_META = /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")[^"]*(")/;

const sha256 = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The text of each inline script and style of the page. */
export function inlineCode(html: string): { scripts: string[]; styles: string[] } {
  const scripts: string[] = [];
  const styles: string[] = [];
  for (const [, tag, attributes, text] of html.matchAll(ELEMENTS)) {
    if (tag === 'style') styles.push(text!);
    // Scripts loaded by address, and text the page holds in a <script type="text/plain">, are not run inline.
    else if (!/\bsrc=|\btype="text\/plain"/.test(attributes!)) scripts.push(text!);
  }
  return { scripts, styles };
}

const hashes = (texts: string[]): string[] => [...new Set(texts.map(sha256))];

/** The single file's policy, from the hashes of its inline scripts and styles. */
export function singleFilePolicy(html: string): string {
  const code = inlineCode(html);
  const scripts = hashes(code.scripts);
  const styles = hashes(code.styles);
  return [
    "default-src 'none'",
    // blob: for the chunks the start script makes modules of (see lazy-chunks.ts); only the page's own
    // hashed scripts can make a blob: URL.
    `script-src ${[...scripts, 'blob:'].join(' ')}`,
    `style-src ${styles.join(' ') || "'none'"}`,
    'img-src data: blob:',
    'font-src data:',
    "connect-src 'none'",
    'worker-src blob:',
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-src 'none'",
  ].join('; ');
}

/** The page with the app's policy replaced by the single file's. */
export function withSingleFilePolicy(page: string): string {
  // Browsers hash the text as parsed, where line breaks are LF.
  const html = page.replace(/\r\n?/g, '\n');
  if (!POLICY_META.test(html)) throw new Error('the page has no Content-Security-Policy meta tag to replace');
  return html.replace(POLICY_META, (_, open: string, close: string) => `${open}${singleFilePolicy(html)}${close}`);
}
