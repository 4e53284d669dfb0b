import JSZip from 'jszip';
import { checkImported, type ImportResult } from '../../src/import';
import { writeCellText } from '../../src/core/cell-input';
import type { Report } from '../../src/core/report';
import { renderDocx } from '../../src/render/docx';
import { renderText } from '../../src/render/text';
import { formatById } from '../../templates';
import { loadExample } from '../support/examples';
import { asHtmlPage, inLayout } from './layouts';

// Defective reports written by nianbao's own renderers, then changed the way people change them:
// a total broken, a row left blank, "无" written, a local row added, a row or a part removed.

type Edit =
  | { kind: 'dropRow'; label: string }
  | { kind: 'copyRow'; label: string; as: string }
  | { kind: 'dropPart'; heading: string };

export type Defect = { name: string; model?: (report: Report) => void; edit?: Edit };

const cellOf = (report: Report, row: string, column: string) => {
  const def = formatById(report.format).cells.find((c) => c.row === row && c.column === column);
  if (!def) throw new Error(`no cell ${row}/${column}`);
  return def;
};

export const DEFECTS: Defect[] = [
  {
    name: 'a row total broken',
    model: (r) => {
      r.typedTotals = true;
      const def = cellOf(r, '（一）予以公开', '自然人');
      r.values[def.key] = (r.values[def.key] as number) + 1;
    },
  },
  {
    name: 'a row left blank',
    model: (r) => {
      for (const c of formatById(r.format).cells.filter((c) => c.row === '行政许可')) delete r.values[c.key];
    },
  },
  { name: '“无” written in a cell', model: (r) => void writeCellText(r, cellOf(r, '行政处罚', '本年处理决定数量'), '无') },
  {
    name: 'a narrative figure that contradicts the table',
    model: (r) => {
      r.narrative = JSON.parse(JSON.stringify(r.narrative).replace('本年度新收政府信息公开申请108件', '本年度新收政府信息公开申请118件'));
    },
  },
  { name: 'a local row added', edit: { kind: 'copyRow', label: '8.属于行政查询事项', as: '9.属于本地增加的情形' } },
  { name: 'a row removed', edit: { kind: 'dropRow', label: '行政处罚' } },
  { name: 'a part removed', edit: { kind: 'dropPart', heading: '五、存在的主要问题及改进情况' } },
];

/** The exact findings of each defect, read from a Word document or a web page (or a PDF printed from them). */
export const EXPECTED: Record<string, string[]> = {
  // The （七）总计 difference follows from the row's: said once as an error, the other as a note.
  'a row total broken': ['error 三-行合计 三 （一）予以公开/总计', 'info 三-总计 三 （七）总计/自然人'],
  'a row left blank': ['warning 空白 二 行政许可/本年处理决定数量'],
  '“无” written in a cell': ['warning 空白 二 行政处罚/本年处理决定数量'],
  'a narrative figure that contradicts the table': ['warning 叙述一致 一 -/-'],
  'a local row added': ['warning 结构 三 9.属于本地增加的情形/-'],
  'a row removed': ['error 结构 二 行政处罚/-', 'warning 空白 二 行政处罚/本年处理决定数量'],
  'a part removed': ['error 结构 五 -/-', 'warning 内容 五 -/-'],
};

export function defectiveReport(defect: Defect): Report {
  const report = loadExample('2024');
  defect.model?.(report);
  return report;
}

/** The markup element (`<w:tr>`, `<tr>`, `<w:p>`, `<p>`) around the first place `text` stands. */
function elementAround(markup: string, text: string, open: RegExp, close: string): [number, number] {
  const at = markup.indexOf(`>${text}<`);
  if (at < 0) throw new Error(`“${text}” not found`);
  let start = -1;
  for (const m of markup.slice(0, at).matchAll(open)) start = m.index;
  const end = markup.indexOf(close, at) + close.length;
  return [start, end];
}

function editMarkup(markup: string, edit: Edit, row: [RegExp, string], para: [RegExp, string]): string {
  if (edit.kind === 'dropPart') {
    const [start, end] = elementAround(markup, edit.heading, ...para);
    const next = markup.indexOf(para[1], end) + para[1].length;
    return markup.slice(0, start) + markup.slice(next);
  }
  const [start, end] = elementAround(markup, edit.label, ...row);
  if (edit.kind === 'dropRow') return markup.slice(0, start) + markup.slice(end);
  const copy = markup.slice(start, end).replace(`>${edit.label}<`, `>${edit.as}<`);
  return markup.slice(0, end) + copy + markup.slice(end);
}

export async function defectDocx(defect: Defect): Promise<Uint8Array> {
  const bytes = await renderDocx(defectiveReport(defect));
  if (!defect.edit) return bytes;
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  zip.file('word/document.xml', editMarkup(xml, defect.edit, [/<w:tr[ >]/g, '</w:tr>'], [/<w:p[ >]/g, '</w:p>']));
  return zip.generateAsync({ type: 'uint8array' });
}

export function defectHtml(defect: Defect): string {
  const html = asHtmlPage(defectiveReport(defect));
  return defect.edit ? editMarkup(html, defect.edit, [/<tr[ >]/g, '</tr>'], [/<p[ >]/g, '</p>']) : html;
}

/** nianbao's text (one row per line), changed line by line, then laid out with columns aligned by spaces. */
export function defectSpaceAligned(defect: Defect): string {
  const lines = renderText(defectiveReport(defect)).split(/\r?\n/);
  const edit = defect.edit;
  const at = (text: string, tab: boolean) => lines.findIndex((l) => (tab ? l.split('\t').includes(text) : l === text));
  if (edit?.kind === 'dropPart') lines.splice(at(edit.heading, false), 2);
  if (edit?.kind === 'dropRow') lines.splice(at(edit.label, true), 1);
  if (edit?.kind === 'copyRow') {
    const i = at(edit.label, true);
    lines.splice(i + 1, 0, lines[i]!.replace(edit.label, edit.as));
  }
  return inLayout(lines.join('\n'), 'space-aligned');
}

/** Findings as "severity rule part row/column", without the note that no previous report was given. */
export function findingLines(read: ImportResult): string[] {
  if (!read.ok) throw new Error(read.error);
  return checkImported(read.report, read.findings)
    .filter((f) => f.rule !== '跨年')
    .map((f) => `${f.severity} ${f.rule} ${f.part ?? '-'} ${f.row ?? '-'}/${f.column ?? '-'}`);
}
