import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, type FileChild } from 'docx';
import { chineseDate } from '../core/document';
import { FONT } from '../render/docx/fonts';
import { PAGE, SIZE, TEXT_WIDTH } from '../render/docx/page';
import { blankLine, body, ending, titleLine } from '../render/docx/paragraphs';
import { EXTERNAL_STYLES, STYLES } from '../render/docx/styles';
import { xmlSafe } from '../render/docx/text';
import type { LetterFile, Notice, Reminder, Summary } from './model';
import { noticesOf, reminders } from './notices';

// The letters as Word documents, in the styles of the report's own Word export: pure, bytes out, so the CLI
// writes files and the page zips them (jszip) for one download.

const cellRun = (text: string, bold = false) => new TextRun({ text: xmlSafe(text), font: FONT.table, size: SIZE.五号, sizeComplexScript: SIZE.五号, ...(bold ? { bold: true } : {}) });

function table(headers: readonly string[], widths: readonly number[], rows: readonly (readonly string[])[]): Table {
  const total = widths.reduce((a, b) => a + b, 0);
  const twips = widths.map((w) => Math.round((w / total) * TEXT_WIDTH));
  const cell = (text: string, i: number, head: boolean) =>
    new TableCell({
      width: { size: twips[i]!, type: WidthType.DXA },
      children: [new Paragraph({ alignment: head ? AlignmentType.CENTER : AlignmentType.LEFT, children: [cellRun(text, head)] })],
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: twips,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: headers.map((h, i) => cell(h, i, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((t, i) => cell(t, i, false)) })),
    ],
  });
}

function document(title: string, children: FileChild[]): Document {
  return new Document({
    title: xmlSafe(title),
    creator: 'nianbao',
    externalStyles: EXTERNAL_STYLES,
    styles: STYLES,
    sections: [{ properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: { ...PAGE.margin, header: PAGE.header, footer: PAGE.footer } } }, children }],
  });
}

const bytesOf = async (doc: Document): Promise<Uint8Array<ArrayBuffer>> => {
  // Node's Packer gives a Buffer, the browser's a Blob: both read as plain bytes.
  if (typeof Blob !== 'undefined' && typeof window !== 'undefined') return new Uint8Array(await (await Packer.toBlob(doc)).arrayBuffer());
  return new Uint8Array(new Uint8Array(await Packer.toBuffer(doc)));
};

/** A name that is a valid file name on Windows and Linux alike. */
const safeName = (s: string) => s.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 80) || '未写机关名称';

export type LetterOptions = {
  /** Who sends the letters (the signature); default 政务公开工作机构. */
  office?: string;
  /** The date of the letters (YYYY-MM-DD); default today. */
  date?: string;
};

function noticeDocument(n: Notice, year: number | null, options: Required<LetterOptions>): Document {
  const what = `${year ? `${year}年度` : ''}政府信息公开工作年度报告`;
  const counts = [n.errors ? `错误 ${n.errors} 处` : '', n.warnings ? `需核实的问题 ${n.warnings} 处` : ''].filter(Boolean).join('、');
  const rows = n.items.map((item, i) => [
    String(i + 1),
    [item.where, item.row, item.column].filter(Boolean).join(' / '),
    `${item.severity === 'error' ? '【错误】' : '【请核实】'}${item.message}`,
    item.todo,
  ]);
  return document(`退回通知：${n.unit}`, [
    titleLine('关于退回修改'),
    titleLine(what),
    titleLine('的通知'),
    blankLine(),
    new Paragraph({ children: [new TextRun({ text: xmlSafe(`${n.unit}：`), font: FONT.body, size: SIZE.三号 })] }),
    ...body(`你单位报送的${what}（文件“${n.fileName}”）经检查，发现${counts}，具体见下表。请逐项核对修改，并将修改后的报告重新报送。标为“请核实”的问题，如确认无误，请在重新报送时书面说明理由。`),
    blankLine(),
    table(['序号', '位置（部分 / 行 / 列）', '问题', '修改要求'], [4, 16, 30, 22], rows),
    blankLine(true),
    ...ending(options.office, chineseDate(options.date)),
  ]);
}

function remindersDocument(list: readonly Reminder[], year: number, options: Required<LetterOptions>): Document {
  const rows = list.map((r, i) => [String(i + 1), r.unit, r.kind, chineseDate(r.deadline), r.basis, r.received ?? '未收到']);
  return document('催报名单', [
    titleLine(`${year}年度政府信息公开工作年度报告`),
    titleLine('催报名单'),
    blankLine(),
    ...body(`截至${chineseDate(options.date)}，下列单位尚未报送可计入汇总的${year}年度政府信息公开工作年度报告。请在公开期限前报送；已报送但未计入的，请按括注原因重新报送。`),
    blankLine(),
    table(['序号', '单位', '机关类型', '公开期限', '期限依据', '收到情况'], [4, 18, 8, 11, 20, 16], rows),
    blankLine(true),
    ...ending(options.office, chineseDate(options.date)),
  ]);
}

/**
 * Every letter of a summary as .docx bytes: `退回通知-<单位>.docx` per unit with errors or warnings, and
 * `催报名单.docx` when listed units lack a counted report. Names are unique within the set.
 */
export async function buildLetters(summary: Summary, options: LetterOptions = {}): Promise<LetterFile[]> {
  const full: Required<LetterOptions> = { office: options.office ?? '政务公开工作机构', date: options.date ?? new Date().toISOString().slice(0, 10) };
  const out: LetterFile[] = [];
  const used = new Set<string>();
  const unique = (base: string) => {
    let name = `${base}.docx`;
    for (let i = 2; used.has(name); i++) name = `${base}（${i}）.docx`;
    used.add(name);
    return name;
  };
  for (const n of noticesOf(summary)) out.push({ name: unique(`退回通知-${safeName(n.unit.replace(/\.(docx|pdf|txt|html?|json)$/i, ''))}`), bytes: await bytesOf(noticeDocument(n, summary.year, full)) });
  const list = reminders(summary);
  if (list.length && summary.year !== null) out.push({ name: unique('催报名单'), bytes: await bytesOf(remindersDocument(list, summary.year, full)) });
  return out;
}
