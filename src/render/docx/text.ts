// Text as Word can hold it: XML 1.0 forbids most control characters and unpaired surrogates,
// and a pasted paragraph may carry line breaks of any kind.

const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export const xmlSafe = (text: string): string => text.replace(INVALID_XML, '');

/** The non-empty lines of a block, each of which prints as its own paragraph. */
export const paragraphsOf = (text: string): string[] =>
  xmlSafe(text)
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .map((line) => line.trim())
    .filter(Boolean);

/** Approximate printed width in body characters: CJK and full-width count 1, the rest ½. */
export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u2E80-\uA4CF\uAC00-\uD7AF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u2014\u3000-\u303F]|[\u{20000}-\u{3FFFF}]/u.test(ch) ? 1 : 0.5;
  return width;
}
