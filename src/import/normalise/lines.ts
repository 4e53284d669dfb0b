import { isRunTogether, splitRunTogether } from './one-line';
import { fixLookAlikes, stripConverterMarks } from './text';

// The normalise stage for plain text: markup a converter or a web page leaves around the report's own
// lines is taken off (markdown markers, bullets, page headers and footers, site chrome), so that the
// structure and table stages see the report as printed. What is dropped is kept, to be quoted.

export type NormalisedLines = {
  lines: string[];
  /** Lines taken out as page or site chrome, as written (quoted in a finding, never silently lost). */
  dropped: string[];
  /** The text had the report run together on one line (its newlines stripped) and was cut back into lines. */
  runTogether?: boolean;
  /** How many report lines came before the last page footer ("扫一扫", "打印本页", …), if the page has one. */
  footerAfter?: number;
};

const MD_HEADING = /^\s{0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?\s*$/;
const MD_QUOTE = /^\s{0,3}>[ \t]?/;
/** A bullet followed by a space ("- ", "* ", "• "); "-8" or "1.属于…" are not bullets. */
const BULLET = /^(\s*)(?:[-*+][ \t]+|[•·●■◆▪▸►][ \t]*)/;
const RULE_LINE = /^\s{0,3}(?:[-*_][ \t]*){3,}$/;
const EMPHASIS = /\*\*(.+?)\*\*|__(.+?)__/g;

/** Web page furniture around an article: breadcrumbs, publication lines, font-size and share buttons. */
const CHROME: readonly RegExp[] = [
  /^\s*(?:首页|当前位置|您的位置|你的位置|网站首页)\s*[:：]?\s*(?:>|＞|»|›|→)/,
  /\S\s*(?:>|＞|»|›)\s*\S.*(?:>|＞|»|›)/,
  /^\s*(?:发布时间|发布日期|发文日期|信息来源|来源|浏览次数|点击数|阅读次数)\s*[:：]/,
  /字体大小|字号\s*[:：]|【\s*大\s*中\s*小\s*】|扫一扫|打印本页|关闭窗口|分享到|【打印】|【关闭】/,
  /版权所有|网站标识码|ICP备|公网安备|^\s*(?:主办单位|承办单位|主办|承办)\s*[:：]/,
];

/** What a page prints below the article: seen after the report's text, it shows the page was captured whole. */
const FOOTER = /扫一扫|打印本页|关闭窗口|【打印】|【关闭】|版权所有|网站标识码|ICP备|公网安备|主办单位|承办单位/;

/** Page headers and footers of printed or converted pages. */
const PAGE_FURNITURE: readonly RegExp[] = [
  /^\s*Page\s+\d+(?:\s*(?:of|\/)\s*\d+)?\b.*$/i,
  /^\s*P\.\s*\d+\s*$/,
  /^\s*第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?\s*$/,
  /^\s*[-—–]\s*\d+\s*[-—–]\s*$/,
  /^\s*\d+\s*\/\s*\d+\s*$/,
];

/** Markup-looking text ("青禾<b>测试</b>局") is the author's text, never a breadcrumb. */
const isChrome = (line: string): boolean => line.length <= 100 && !/[。；<]/.test(line) && CHROME.some((re) => re.test(line));
const isPageFurniture = (line: string): boolean => PAGE_FURNITURE.some((re) => re.test(line));

const FULL_WIDTH_DIGIT = /[０-９]/g;

/** One line with markdown markers, bullets and emphasis taken off; full-width digits and radical look-alikes made plain. */
export function normaliseLine(raw: string): string {
  let line = fixLookAlikes(stripConverterMarks(raw)).replace(FULL_WIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  const heading = MD_HEADING.exec(line);
  if (heading) line = heading[1]!;
  line = line.replace(MD_QUOTE, '');
  const bullet = BULLET.exec(line);
  if (bullet && !/^\s*[-*+][ \t]+\d/.test(line)) line = bullet[1]! + line.slice(bullet[0].length);
  if (line.includes('**') || line.includes('__')) line = line.replace(EMPHASIS, (_, a: string | undefined, b: string | undefined) => a ?? b ?? '');
  return line;
}

export function normaliseLines(input: string): NormalisedLines {
  const lines: string[] = [];
  const dropped: string[] = [];
  let runTogether = false;
  let footerAfter: number | undefined;
  for (const given of input.replace(/^\ufeff/, '').split(/\r\n|\r|\n|\f/)) {
    const run = isRunTogether(given);
    if (run) runTogether = true;
    for (const raw of run ? splitRunTogether(given) : [given]) {
      if (RULE_LINE.test(raw) && !raw.includes('|')) continue;
      const line = normaliseLine(raw);
      if (isChrome(line) || isPageFurniture(line)) {
        dropped.push(line.trim());
        if (FOOTER.test(line)) footerAfter = lines.length;
        continue;
      }
      lines.push(line);
    }
  }
  return { lines, dropped, ...(runTogether ? { runTogether } : {}), ...(footerAfter !== undefined ? { footerAfter } : {}) };
}
