import { labelText, rowPieces, tableGrid } from '../../src/core/layout';
import { cellDisplay, documentOf } from '../../src/core/document';
import type { Report } from '../../src/core/report';

// A report written out in the layouts real published reports use, for the reader tests.
// They start from the text nianbao writes (one row per line, tab-separated) and rearrange its table lines.

export type Layout = 'tab-rows' | 'one-cell-per-line' | 'one-cell-per-line-blanks-dropped' | 'pipes' | 'space-aligned' | 'markdown';

const isTableLine = (line: string) => line.includes('\t');

/** Rewrites every table line of `text` (tab-separated cells) with `rewrite`. */
function rewriteTables(text: string, rewrite: (cells: string[]) => string[]): string {
  return text
    .split(/\r?\n/)
    .flatMap((line) => (isTableLine(line) ? rewrite(line.split('\t')) : [line]))
    .join('\n');
}

export function inLayout(nianbaoText: string, layout: Layout): string {
  if (layout === 'tab-rows') return nianbaoText;
  // The other layouts stand for what a converter or web page made of the text: lines end in LF there.
  const text = nianbaoText.replace(/\r\n/g, '\n');
  switch (layout) {
    case 'one-cell-per-line':
      return rewriteTables(text, (cells) => [...cells.map((c) => `\t${c}`), '']);
    case 'one-cell-per-line-blanks-dropped':
      return rewriteTables(text, (cells) => [...cells.filter((c) => c !== '').map((c) => `\t${c}`), '']);
    case 'pipes':
      return rewriteTables(text, (cells) => [`| ${cells.join(' | ')} |`]);
    case 'space-aligned':
      return spaceAligned(text);
    case 'markdown':
      return asMarkdown(text);
  }
}

const PART_HEADING = /^[一二三四五六]、/;
const SUB_HEADING = /^（[一二三四五六七八九十]+）[^。]{1,28}$/;

/** The text as a markdown converter writes it: title over two heading levels, parts as ###, sub-headings bold, pipe tables with a separator row. */
function asMarkdown(text: string): string {
  const out: string[] = [];
  let inTable = false;
  text.split('\n').forEach((line, i) => {
    if (isTableLine(line)) {
      const cells = line.split('\t');
      out.push(`| ${cells.join(' | ')} |`);
      if (!inTable) out.push(`|${cells.map(() => ' --- ').join('|')}|`);
      inTable = true;
      return;
    }
    inTable = false;
    if (i === 0) out.push(`# ${line}`);
    else if (i === 1) out.push(`## ${line}`);
    else if (PART_HEADING.test(line)) out.push('', `### ${line}`, '');
    else if (SUB_HEADING.test(line)) out.push(`**${line}**`);
    else out.push(line);
  });
  return out.join('\n');
}

/** Columns separated by runs of spaces; blank cells vanish; long labels wrap onto the next line; 三、本年度办理结果 stands vertically, one character per row. */
function spaceAligned(text: string): string {
  let vertical: string[] = [];
  return rewriteTables(text, (cells) => {
    const filled = cells.filter((c) => c !== '');
    if (filled[0] === '三、本年度办理结果') {
      vertical = [...'三、本年度办理结果'];
      filled.shift();
    }
    const lead = cells[0] === '' && vertical.length ? [vertical.shift()!] : [];
    const [first, ...rest] = filled;
    if (first && first.length > 14 && rest.length && /^[（\d一二三四]/.test(first)) {
      return [[...lead, first.slice(0, 12), ...rest].join('    '), `      ${first.slice(12)}`];
    }
    return [[...lead, ...filled].join('    ')];
  });
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** A saved web page: the report in <table>s with real spans, inside site navigation and a footer. */
export function asHtmlPage(report: Report): string {
  const doc = documentOf(report);
  const body: string[] = [`<h1>${esc(doc.titleLines.join(''))}</h1>`, ...doc.intro.map((p) => `<p>${esc(p)}</p>`)];
  for (const section of doc.sections) {
    body.push(`<p><strong>${esc(section.part.heading)}</strong></p>`);
    if (section.kind === 'narrative') {
      body.push(...section.blocks.map((b) => `<p>${esc(b.text)}</p>`));
      continue;
    }
    const grid = tableGrid(section.table);
    const rows: string[] = [];
    for (let r = 0; r < grid.rowCount; r++) {
      const tds = rowPieces(grid, r)
        .filter((p) => p.starts)
        .map(({ anchor }) => {
          const text = anchor.cell.type === 'value' ? cellDisplay(report, anchor.cell) : labelText(anchor.cell);
          const spans = `${anchor.colSpan > 1 ? ` colspan="${anchor.colSpan}"` : ''}${anchor.rowSpan > 1 ? ` rowspan="${anchor.rowSpan}"` : ''}`;
          return `<td${spans}><p style="text-align:center">${esc(text)}</p></td>`;
        });
      rows.push(`<tr>${tds.join('')}</tr>`);
    }
    body.push(`<table border="1" cellspacing="0"><tbody>${rows.join('\n')}</tbody></table>`);
  }
  body.push(`<p style="text-align:right">${esc(doc.ending.agency)}</p>`, `<p style="text-align:right">${esc(doc.ending.date)}</p>`);
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${esc(doc.titleLines.join(''))}_政务公开</title>
<style>td { border: 1px solid #000; }</style><script>var nav = "<table><tr><td>1</td></tr></table>";</script></head>
<body><div class="nav"><a href="/">首页</a> &gt; <a href="/xxgk">政府信息公开</a> &gt; 年报</div>
<div class="content">${body.join('\n')}</div>
<div class="footer">主办单位：青禾市人民政府办公室&nbsp;&nbsp;网站标识码：0000000000</div></body></html>`;
}
