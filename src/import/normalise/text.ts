// Text as real documents write it, brought to one form before labels are compared.

/** CJK radical look-alikes that NFKC leaves alone (NFKC already maps the Kangxi radicals U+2F00–U+2FD5). */
const LOOK_ALIKES: Record<string, string> = {
  '⺠': '民', '⺟': '母', '⺢': '水', '⺩': '王', '⺮': '竹', '⺲': '罒', '⺶': '羊', '⺸': '羊', '⺼': '肉',
  '⻁': '虎', '⻄': '西', '⻅': '见', '⻆': '角', '⻉': '贝', '⻋': '车', '⻓': '长', '⻔': '门', '⻗': '雨',
  '⻘': '青', '⻙': '韦', '⻚': '页', '⻛': '风', '⻜': '飞', '⻝': '食', '⻢': '马', '⻣': '骨', '⻤': '鬼',
  '⻥': '鱼', '⻦': '鸟', '⻨': '麦', '⻩': '黄', '⻬': '齐', '⻮': '齿', '⻰': '龙', '⻳': '龟',
};
const LOOK_ALIKE_RE = new RegExp(`[${Object.keys(LOOK_ALIKES).join('')}]`, 'g');

/** NFKC (full-width → half-width, Kangxi radicals → ideographs) plus the look-alikes NFKC misses. */
export function canonicalText(s: string): string {
  return s.normalize('NFKC').replace(LOOK_ALIKE_RE, (c) => LOOK_ALIKES[c] ?? c);
}

/** The key two labels are compared by: canonical text with every space and punctuation mark removed. */
export function labelKey(s: string): string {
  let key = keys.get(s);
  if (key === undefined) {
    key = canonicalText(s)
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]/gu, '');
    if (keys.size > 50000) keys.clear();
    keys.set(s, key);
  }
  return key;
}

/** Cell texts and labels recur across reports; their keys are remembered. */
const keys = new Map<string, string>();

/** A label key without its leading numbering ("一、", "（三）", "1.") for a second, looser comparison. */
export function withoutNumbering(key: string): string {
  return key.replace(/^(?:[一二三四五六七八九十]{1,3}|\d{1,2})(?=\D)/u, '');
}

const CONVERTER_MARK = /\[(?:bookmark|image):|[\u200b\u200c\u200d\u2060\ufeff\u00ad\u00a0\u3000]/;

/**
 * Markup left behind by converters ("[bookmark: _GoBack]", "[image: …]") and invisible characters, such as the
 * word joiners (U+2060) that hold phone numbers together in nianbao's Word file and survive its PDF and HTML copies.
 */
export function stripConverterMarks(s: string): string {
  // Most text has none of these: one test instead of three replacements.
  if (!CONVERTER_MARK.test(s)) return s;
  return s
    .replace(/\[(?:bookmark|image):[^\]]*\]+/g, '')
    .replace(/[\u200b\u200c\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/\u00a0|\u3000/g, ' ');
}

const RADICAL = /[\u2e80-\u2fdf]/;

/**
 * Only the look-alike radicals made ordinary characters; full-width punctuation is kept, as the
 * narrative is stored as written. PDFs made from Word often carry ⼈⺠ for 人民.
 */
export function fixLookAlikes(s: string): string {
  if (!RADICAL.test(s)) return s;
  return s.replace(/[\u2e80-\u2fdf]/g, (c) => LOOK_ALIKES[c] ?? c.normalize('NFKC'));
}

/** Anything cleanCellText would change: marks, radicals, any white space (\s covers \u00a0, \u3000 and \ufeff). */
const NEEDS_CLEANING = /[\s[\u200b\u200c\u200d\u2060\u00ad\u2e80-\u2fdf]/;

/** One line of text: converter marks removed, look-alikes fixed, white space collapsed and trimmed. */
export function cleanCellText(s: string): string {
  // Table cells are mostly bare numbers and labels that need nothing done.
  if (!NEEDS_CLEANING.test(s)) return s;
  return fixLookAlikes(stripConverterMarks(s)).replace(/\s+/g, ' ').trim();
}

const CJK = '\u3000-\u303f\u3400-\u9fff\uff00-\uffef';
const SPACED = new RegExp(`(?<=[${CJK}]) +(?=[\\x21-\\x7e])|(?<=[\\x21-\\x7e]) +(?=[${CJK}])`, 'g');
/** Office suites print a space between Chinese and Latin text ("信息 4316 条") that the author never typed. */
export const withoutLatinSpacing = (s: string): string => s.replace(SPACED, '');

/** Columns a line takes in a fixed-width print: Chinese characters two, others one. */
export const displayWidth = (s: string): number => {
  let w = 0;
  for (const ch of s) w += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/.test(ch) ? 2 : 1;
  return w;
};
