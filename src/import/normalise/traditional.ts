import { ConverterFactory, type ConverterFunction } from 'opencc-js/core';
import fromTaiwan from 'opencc-js/from/tw';
import fromHongKong from 'opencc-js/from/hk';
import toMainland from 'opencc-js/to/cn';
import type { SourceBlock, SourceDocument } from '../source';

// Reports copied through a traditional-character site (行政強製, 萬元, 規範性檔案) are read as the simplified
// text they were converted from. opencc-js is used with only the traditional→simplified dictionaries
// (Taiwan and Hong Kong variants, then character by character: about 70 KB of data, against about 1 MB
// for the full package, whose simplified→traditional phrase list is most of it), and its converter is
// built on first use (about 30 ms): a simplified text is recognised by one scan and never converted.
// Taiwan's phrase list is left out on purpose: it turns mainland words written in traditional characters
// into other words (文件 → 文档, 建立 → 创建); only the regional words the statutory labels meet are
// mapped back, by the table below.

/** Characters frequent in these reports that only traditional text has (開 for 开, 報 for 报, …). */
const TRADITIONAL = /[開關報資與請處務數據區為這對於會機發項實產業國說經過時來條規門網縣鄉鎮辦統計決復訴議複擊護應廣園幾僅個們內眾檔強製萬結總單導責辦證書錄讀準備運觀點齊]/g;

/** Enough traditional characters (not one quoted name) to call the text traditional. */
const MIN_TRADITIONAL = 8;

/** A traditional text shows it from its first lines (title, opening): only the start is looked at. */
const LOOK_AT = 2000;

export function isTraditional(text: string): boolean {
  const start = text.length > LOOK_AT ? text.slice(0, LOOK_AT) : text;
  TRADITIONAL.lastIndex = 0;
  // One test settles nearly every simplified text; only a text with some traditional characters is counted.
  if (!TRADITIONAL.test(start)) return false;
  TRADITIONAL.lastIndex = 0;
  let n = 0;
  while (TRADITIONAL.exec(start)) if (++n >= MIN_TRADITIONAL) return true;
  return false;
}

/** Regional words in the statutory labels (Taiwan's 檔案 for 文件), before the character conversion. */
const LABEL_WORDS: [string, string][] = [
  ['規範性檔案', '規範性文件'],
  ['规范性档案', '规范性文件'],
  // Taiwan's word for 信息 in the statutory phrase (资讯 alone is a mainland word too, so only the phrase).
  ['政府資訊', '政府信息'],
];

let converter: ConverterFunction | undefined;

/** Traditional characters and Taiwan/Hong Kong word variants made mainland simplified. */
export function toSimplified(text: string): string {
  converter ??= ConverterFactory([LABEL_WORDS], ...fromTaiwan, ...fromHongKong, ...toMainland);
  return converter(text);
}

/** The text as simplified characters, and whether it had to be converted. */
export function simplifiedText(text: string): { text: string; traditional: boolean } {
  return isTraditional(text) ? { text: toSimplified(text), traditional: true } : { text, traditional: false };
}

/** A document read by a reader (web page, Word, PDF) in simplified characters; the same object when it already was. */
export function simplifiedDocument(doc: SourceDocument): SourceDocument {
  if (doc.traditional !== undefined) return doc;
  let n = 0;
  const count = (s: string) => {
    TRADITIONAL.lastIndex = 0;
    while (n < MIN_TRADITIONAL && TRADITIONAL.exec(s)) n++;
  };
  for (const b of doc.blocks) {
    if (b.kind === 'text') count(b.text);
    else for (const c of b.cells) count(c.text);
    if (n >= MIN_TRADITIONAL) break;
  }
  if (n < MIN_TRADITIONAL) return doc;
  const blocks = doc.blocks.map((b): SourceBlock => (b.kind === 'text' ? { kind: 'text', text: toSimplified(b.text) } : { ...b, cells: b.cells.map((c) => ({ ...c, text: toSimplified(c.text) })) }));
  return { ...doc, blocks, ...(doc.lines ? { lines: doc.lines.map(toSimplified) } : {}), ...(doc.dropped ? { dropped: doc.dropped.map(toSimplified) } : {}), traditional: true };
}
