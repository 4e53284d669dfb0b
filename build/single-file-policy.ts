import { createHash } from 'node:crypto';

// The Content-Security-Policy of dist/nianbao.html. The file has no origin to allow ('self' means nothing on
// file://), so its policy names its inline scripts and styles by their sha256 hashes, computed here from
// the finished page: anything else inline, injected or remote is refused. The pdf.js worker starts from a
// Blob of code held in the page (worker-src blob:); the page connects nowhere.

const INLINE_SCRIPT = /<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g;
const INLINE_STYLE = /<style\b[^>]*>([\s\S]*?)<\/style>/g;
const POLICY_META = /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")[^"]*(")/;

const sha256 = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

const hashesOf = (html: string, element: RegExp): string[] => [...new Set([...html.matchAll(element)].map((m) => sha256(m[1]!)))];

/** The single file's policy, from the hashes of its inline scripts and styles. */
export function singleFilePolicy(html: string): string {
  const scripts = hashesOf(html, INLINE_SCRIPT);
  const styles = hashesOf(html, INLINE_STYLE);
  return [
    "default-src 'none'",
    `script-src ${scripts.join(' ') || "'none'"}`,
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
