import type { CellDef, FormatDef, PartDef, TableDef } from '../../templates';
import { chineseNumeral } from './chinese-numerals';
import { labelText, type RowPiece } from './layout';
import { formatValue } from './numbers';
import { reportFormat, type Block, type NarrativePartId, type Report } from './report';

// The document a report prints as, in reading order; the text and Word renderers and the app's preview all walk it,
// so the preview is the document that gets published.

export type Section =
  /** `blocks`: the printed paragraphs, one per line of the clerk's blocks, blank ones left out. */
  | { part: PartDef; kind: 'narrative'; blocks: readonly Block[] }
  | { part: PartDef; kind: 'table'; table: TableDef };

export type DocumentModel = {
  format: FormatDef;
  titleLines: readonly [string, string];
  intro: readonly string[];
  sections: readonly Section[];
  ending: { agency: string; date: string };
};

export const reportTitle = (report: Report): string => `${report.meta.agency}${report.meta.year}年政府信息公开工作年度报告`;

/** A name Windows accepts: forbidden and control characters become “_”; no trailing dots or spaces. */
export const safeFileName = (name: string): string => name.replace(/[\\/:*?"<>|\u0000-\u001F]/g, '_').trim().replace(/[. ]+$/, '') || '_';

/** `<机关名称><年份>年政府信息公开工作年度报告.<ext>`, safe as a Windows file name. */
export const reportFileName = (report: Report, ext: 'docx' | 'txt' | 'json'): string => `${safeFileName(reportTitle(report))}.${ext}`;

/** YYYY-MM-DD → YYYY年M月D日 */
export function chineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : '';
}

export function defaultIntro(report: Report, format: FormatDef): string[] {
  const y = report.meta.year;
  const paragraphs = [
    `本报告依据《中华人民共和国政府信息公开条例》第四十九条、第五十条和${format.notice}的要求编制，` +
      `分为${format.parts.map((p) => p.title).join('、')}${chineseNumeral(format.parts.length)}个部分。` +
      `所列数据的统计期限自${y}年1月1日至${y}年12月31日。`,
  ];
  const contact = report.meta.contact.trim();
  if (contact) paragraphs.push(`对本报告如有疑问，请联系：${contact}。`.replace(/。。$/, '。'));
  return paragraphs;
}

/** The paragraphs a block of text prints as: each line its own paragraph, blank lines left out. */
export const printedLines = (text: string): string[] =>
  text
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .map((line) => line.trim())
    .filter(Boolean);

/** A narrative part as printed: a block holding several lines prints as several paragraphs of its kind. */
export const printedBlocks = (blocks: readonly Block[]): Block[] => blocks.flatMap((b) => printedLines(b.text).map((text) => ({ type: b.type, text })));

export function documentOf(report: Report): DocumentModel {
  const format = reportFormat(report);
  const intro = report.meta.intro?.trim() ? printedLines(report.meta.intro) : defaultIntro(report, format);
  return {
    format,
    titleLines: [report.meta.agency, `${report.meta.year}年政府信息公开工作年度报告`],
    intro,
    sections: format.parts.map((part): Section =>
      part.kind === 'table'
        ? { part, kind: 'table', table: format.tables[part.table!] }
        : { part, kind: 'narrative', blocks: printedBlocks(report.narrative[part.id as NarrativePartId]) },
    ),
    ending: { agency: report.meta.agency, date: chineseDate(report.meta.publicationDate) },
  };
}

/** What a value cell prints: the value, or what was written where it was not a number ("无"). */
export function cellDisplay(report: Pick<Report, 'values' | 'written'>, def: Pick<CellDef, 'key'>): string {
  const v = report.values[def.key];
  return v !== undefined ? formatValue(v) : (report.written[def.key] ?? '');
}

/** What a table position prints in every rendering: text where a merged cell starts, nothing where it continues. */
export function pieceText(report: Pick<Report, 'values' | 'written'>, piece: RowPiece): string {
  if (!piece.starts) return '';
  const { cell } = piece.anchor;
  return cell.type === 'value' ? cellDisplay(report, cell) : labelText(cell);
}
