import ExcelJS from 'exceljs';
import { SEVERITY_LABEL } from '../core/checker';
import { chineseDate } from '../core/document';
import { labelText, tableGrid } from '../core/layout';
import { boilerplateLimit } from './copied';
import { FIGURES, RATES } from './figures';
import { MIN_PARAGRAPH_CHARS, SIMILARITY } from './paragraphs';
import { ruleName } from '../core/findings-wording';
import { fileNameOf, SAME_TEXT_SHARE, type Summary, type UnitRow } from './summary';
import { formatOfTotal } from './totals';
import { JUMP_FACTOR, JUMP_MIN, ZERO_AFTER } from './year-on-year';

// The reviewers' workbook: 单位情况, 问题清单, 汇总表二/三/四 (laid out as the statutory tables, from the format
// definition's grid), 同比 and 说明. Plain cells, fills and merges only, so Excel, WPS and LibreOffice all open it.

const RED = 'FFF8D7DA';
const ORANGE = 'FFFFE1B3';
const HEAD = 'FFE8EEF7';
const thin = { style: 'thin' as const, color: { argb: 'FF8C8C8C' } };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };

type Column = { header: string; width: number; value: (u: UnitRow) => string | number | null };

/** A rate's column says how it is computed. */
export const rateHeader = (r: (typeof RATES)[number]): string => `${r.label}（%）＝${r.formula}`;

const lateText = (u: UnitRow) => (u.late === null ? (u.read ? '无落款日期' : '') : u.late ? '逾期' : '按期');

export const UNIT_COLUMNS: readonly (Column & { meaning: string })[] = [
  { header: '机关名称', width: 26, value: (u) => u.agency || (u.read ? '（未写机关名称）' : ''), meaning: '报告标题或落款中的机关名称' },
  { header: '机关类型', width: 10, value: (u) => u.kind, meaning: '人民政府、政府部门、乡镇街道或其他（决定公开期限）' },
  { header: '报告年度', width: 9, value: (u) => u.year, meaning: '报告所统计的年度' },
  { header: '格式', width: 9, value: (u) => (u.format ? `${u.format}年格式` : null), meaning: '报告表格所用的法定格式' },
  { header: '文件', width: 30, value: (u) => u.fileName, meaning: '读取的文件（文件名；所在文件夹见“说明”）' },
  { header: '读取情况', width: 16, value: (u) => (u.read ? '已读取' : `无法读取：${u.error}`), meaning: '文件能否读取；不能读取时写明原因' },
  { header: '计入汇总', width: 9, value: (u) => (u.counted ? '计入' : '未计入'), meaning: '是否计入合计、比率和汇总表：每个单位只计入本年度一份完整、可读取的报告' },
  { header: '未计入原因', width: 28, value: (u) => u.excluded?.text ?? null, meaning: '年度不符、被同一单位的另一版本代替、文件不完整或无法读取' },
  { header: '错误', width: 7, value: (u) => u.errors, meaning: '错误条数（详见“问题清单”）' },
  { header: '警告', width: 7, value: (u) => u.warnings, meaning: '警告条数（详见“问题清单”）' },
  { header: '落款日期', width: 12, value: (u) => u.publicationDate || null, meaning: '报告文末的落款（发布）日期' },
  { header: '是否逾期', width: 10, value: lateText, meaning: '人民政府3月31日前、政府部门及其他机关1月31日前公开（条例第四十九条）；逾期标橙色' },
  { header: '上年报告', width: 24, value: (u) => u.previousFile, meaning: '按机关名称对应到的上年报告文件（给出上年报告时）' },
  ...FIGURES.map((f) => ({ header: f.label, width: 10, value: (u: UnitRow) => u.figures?.[f.id] ?? null, meaning: `${f.label}（取自表三、表四）` })),
  ...RATES.map((r) => ({ header: rateHeader(r), width: 16, value: (u: UnitRow) => u.rates?.[r.id] ?? null, meaning: `${r.label} =${r.formula}×100%；分母为0或数字不全时留空` })),
];

const fill = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });

function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', wrapText: true };
  row.eachCell((c) => {
    c.fill = fill(HEAD);
    c.border = BORDER;
  });
}


/** Landscape, as wide as one page, as long as it needs: what a reviewer prints. */
const ONE_PAGE_WIDE = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 } as const;

function unitsSheet(wb: ExcelJS.Workbook, summary: Summary): void {
  const ws = wb.addWorksheet('单位情况', {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }],
    pageSetup: { ...ONE_PAGE_WIDE, printTitlesRow: '1:1' },
  });
  ws.columns = [{ header: '序号', width: 6 }, ...UNIT_COLUMNS.map((c) => ({ header: c.header, width: c.width }))];
  styleHeader(ws.getRow(1));
  ws.getRow(1).height = 64;
  summary.units.forEach((u, i) => {
    const row = ws.addRow([i + 1, ...UNIT_COLUMNS.map((c) => c.value(u))]);
    if (u.errors > 0) row.eachCell({ includeEmpty: true }, (c) => (c.fill = fill(RED)));
    if (u.late) row.getCell(1 + UNIT_COLUMNS.findIndex((c) => c.header === '是否逾期') + 1).fill = fill(ORANGE);
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, summary.units.length + 1), column: UNIT_COLUMNS.length + 1 } };
  // The counted set, below the filtered list so a filter never hides or moves it: the same figures as 汇总表 and the JSON totals.
  const counted = summary.units.filter((u) => u.counted);
  if (counted.length) {
    const total = summary.counted.figures;
    const overall = summary.counted.rates;
    ws.addRow([]);
    const row = ws.addRow([
      '合计',
      `计入的${counted.length}个单位`,
      ...UNIT_COLUMNS.slice(1).map((c) => {
        const f = FIGURES.find((x) => x.label === c.header);
        if (f) return total[f.id];
        const r = RATES.find((x) => rateHeader(x) === c.header);
        if (r) return overall[r.id];
        if (c.header === '错误') return counted.reduce((n, u) => n + u.errors, 0);
        if (c.header === '警告') return counted.reduce((n, u) => n + u.warnings, 0);
        return null;
      }),
    ]);
    row.font = { bold: true };
  }
  const note = ws.addRow([summary.counted.sentence]);
  ws.mergeCells(note.number, 1, note.number, 10);
  note.getCell(1).alignment = { wrapText: true, vertical: 'top' };
  note.height = Math.max(18, 15 * Math.ceil(textUnits(summary.counted.sentence) / 160));
}

function findingsSheet(wb: ExcelJS.Workbook, summary: Summary): void {
  const ws = wb.addWorksheet('问题清单', {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9, printTitlesRow: '1:1' },
  });
  ws.columns = [
    { header: '单位', width: 26 },
    { header: '文件', width: 28 },
    { header: '部分', width: 8 },
    { header: '严重程度', width: 9 },
    { header: '规则', width: 26 },
    { header: '行', width: 24 },
    { header: '列', width: 14 },
    { header: '说明', width: 80 },
  ];
  styleHeader(ws.getRow(1));
  for (const name of summary.missing) {
    ws.addRow([name, '（未收到）', '全文', '错误', ruleName('名单'), null, null, '单位名单中有此单位，但没有收到它的报告。请催报。']).getCell(4).fill = fill(RED);
  }
  for (const u of summary.units) {
    for (const f of u.findings) {
      if (f.severity === 'info') continue;
      const row = ws.addRow([u.unit, u.fileName, f.part ? `第${f.part}部分` : '全文', SEVERITY_LABEL[f.severity], ruleName(f.rule), f.row, f.column, f.message]);
      if (f.severity === 'error') row.getCell(4).fill = fill(RED);
      row.getCell(8).alignment = { wrapText: true, vertical: 'top' };
    }
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, ws.rowCount), column: 8 } };
}

// Column widths (in Excel's units, about one Latin character; a Chinese character takes two) per table part.
const TABLE_WIDTHS: Record<string, readonly number[]> = { 二: [24, 16, 16, 16], 三: [8, 14, 36] };
const DEFAULT_WIDTH = 10;

/** Display width of a text, for estimating how many lines it wraps to. */
const textUnits = (s: string) => [...s].reduce((n, c) => n + (c.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);

function totalSheets(wb: ExcelJS.Workbook, summary: Summary): void {
  const first = summary.totals[0];
  if (!first) return;
  for (const part of formatOfTotal(first).parts.filter((p) => p.kind === 'table')) {
    const ws = wb.addWorksheet(`汇总表${part.id}`, { pageSetup: { ...ONE_PAGE_WIDE } });
    const widths = TABLE_WIDTHS[part.id] ?? [];
    const widthOf = (col: number) => widths[col] ?? DEFAULT_WIDTH;
    let top = 1;
    for (const total of summary.totals) {
      const format = formatOfTotal(total);
      const tablePart = format.parts.find((p) => p.id === part.id && p.table);
      if (!tablePart) continue;
      const grid = tableGrid(format.tables[tablePart.table!]);
      for (let c = 0; c < grid.columns; c++) ws.getColumn(c + 1).width = widthOf(c);
      const title = ws.getCell(top, 1);
      title.value = `${total.year}年度 ${part.heading}（${total.units}个单位合计，${format.id}年格式${total.year === summary.year ? '' : '；另一年度，不计入本年合计'}）`;
      title.font = { bold: true, size: 12 };
      ws.mergeCells(top, 1, top, grid.columns);
      top += 1;
      const lines = new Array<number>(grid.rowCount).fill(1);
      for (const a of grid.anchors) {
        const r = top + a.row;
        const c = 1 + a.col;
        const cell = ws.getCell(r, c);
        if (a.cell.type === 'label') {
          cell.value = labelText(a.cell);
          cell.alignment = { wrapText: true, vertical: 'middle', horizontal: a.cell.role === 'rowLabel' ? 'left' : 'center' };
          if (a.cell.role !== 'rowLabel') cell.font = { bold: true };
          // Spreadsheets do not grow a row for wrapped text in merged cells: give each row the lines its labels need.
          let span = 0;
          for (let dc = 0; dc < a.colSpan; dc++) span += widthOf(a.col + dc);
          const needed = Math.ceil(textUnits(labelText(a.cell)) / Math.max(1, span - 1) / a.rowSpan);
          for (let dr = 0; dr < a.rowSpan; dr++) lines[a.row + dr] = Math.max(lines[a.row + dr]!, needed);
        } else {
          const v = total.values[a.cell.key];
          // Money is summed exactly as text; it is written as a number so Excel can go on computing with it.
          cell.value = v === undefined ? null : typeof v === 'string' ? Number(v) : v;
          cell.alignment = { horizontal: 'center', vertical: 'middle' };
        }
        if (a.rowSpan > 1 || a.colSpan > 1) ws.mergeCells(r, c, r + a.rowSpan - 1, c + a.colSpan - 1);
        for (let dr = 0; dr < a.rowSpan; dr++) for (let dc = 0; dc < a.colSpan; dc++) ws.getCell(r + dr, c + dc).border = BORDER;
      }
      lines.forEach((n, i) => (ws.getRow(top + i).height = Math.max(18, 15 * n)));
      top += grid.rowCount;
      const findings = total.findings.filter((f) => f.part === part.id && f.severity !== 'info');
      const notes = findings.length
        ? findings.map((f) => `${SEVERITY_LABEL[f.severity]}：${[f.row, f.column].filter(Boolean).join(' / ')}${f.row || f.column ? '：' : ''}${f.message}${f.from.length ? `（来自：${f.from.join('、')}）` : ''}`)
        : ['核对：本表合计数符合表内勾稽关系。'];
      notes.push(`计入的单位（${total.units}个）：${total.unitNames.join('、')}`);
      let tableWidth = 0;
      for (let c = 0; c < grid.columns; c++) tableWidth += widthOf(c);
      for (const text of notes) {
        const note = ws.getCell(top, 1);
        note.value = text;
        note.alignment = { wrapText: true, vertical: 'top' };
        if (text.startsWith(SEVERITY_LABEL.error)) note.font = { color: { argb: 'FFB42318' } };
        ws.mergeCells(top, 1, top, grid.columns);
        ws.getRow(top).height = Math.max(18, 15 * Math.ceil(textUnits(text) / tableWidth));
        top += 1;
      }
      top += 1;
    }
  }
}

function yearOnYearSheet(wb: ExcelJS.Workbook, summary: Summary): void {
  if (summary.previous.length === 0) return;
  const ws = wb.addWorksheet('同比', { views: [{ state: 'frozen', ySplit: 1 }], pageSetup: { ...ONE_PAGE_WIDE, printTitlesRow: '1:1' } });
  ws.columns = [
    { header: '单位', width: 26 },
    { header: '上年报告', width: 26 },
    { header: '指标', width: 30 },
    { header: '上年', width: 10 },
    { header: '本年', width: 10 },
    { header: '判断', width: 60 },
  ];
  styleHeader(ws.getRow(1));
  for (const u of summary.units.filter((x) => x.counted)) {
    if (!u.previousFile) {
      ws.addRow([u.unit, '（未找到上年报告）', null, null, null, '上年报告中没有同名单位（名称写法不同、新设单位或未提供上年报告）']);
      continue;
    }
    for (const y of u.yearOnYear) {
      const row = ws.addRow([u.unit, fileNameOf(u.previousFile), y.figure, y.previous, y.current, y.message ?? '']);
      if (y.change) row.getCell(6).fill = fill(ORANGE);
    }
    if (u.sameTextAsLastYear !== null) {
      const row = ws.addRow([u.unit, fileNameOf(u.previousFile), '正文与上年相同的比例', null, `${Math.round(u.sameTextAsLastYear * 100)}%`, u.sameTextAsLastYear >= SAME_TEXT_SHARE ? '正文大部分与上年相同（雷同）' : '']);
      if (u.sameTextAsLastYear >= SAME_TEXT_SHARE) row.getCell(6).fill = fill(ORANGE);
    }
  }
  for (const agency of summary.notThisYear) ws.addRow([agency, '（上年有报告）', null, null, null, '上年有报告，本次没有收到同名单位的报告']);
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, ws.rowCount), column: 6 } };
}

function notesSheet(wb: ExcelJS.Workbook, summary: Summary): void {
  const ws = wb.addWorksheet('说明');
  ws.columns = [{ width: 22 }, { width: 100 }];
  const add = (a: string, b: string | number = '') => {
    const row = ws.addRow([a, b]);
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
    return row;
  };
  const heading = (text: string) => {
    ws.addRow([]);
    add(text).font = { bold: true, size: 12 };
  };
  add('政府信息公开工作年度报告汇总').font = { bold: true, size: 14 };
  add('生成时间', `${chineseDate(summary.createdAt.slice(0, 10))} ${summary.createdAt.slice(11, 16)}（UTC）`);
  add('汇总年度', summary.year ? `${summary.year}年度` : '（未能确定）');
  add('本年报告', `${summary.units.length} 个文件，读取 ${summary.units.filter((u) => u.read).length} 个`);
  add('计入汇总', summary.counted.sentence);
  if (summary.listed) add('单位名单', `${summary.listed.length} 个单位；未收到 ${summary.missing.length} 个，名单外 ${summary.unlisted.length} 个`);
  if (summary.previous.length) add('上年报告', `${summary.previous.length} 个文件`);
  heading('“单位情况”各列');
  add('序号', '文件的顺序（按文件夹和文件名排序）');
  for (const c of UNIT_COLUMNS) add(c.header, c.meaning);
  add('颜色', '红色：有错误或无法读取；橙色：逾期公开');
  heading('比率的计算');
  for (const r of RATES) add(r.label, `${r.formula}×100%，保留一位小数`);
  heading('核对方法');
  add('名称写法', '机关名称按忽略空格、括号内容及“人民政府/政府/办事处”等写法差异对应');
  add('计入的报告', '每个单位只计入一份：本汇总年度、能读取、内容完整（文本未中断、表格齐全）、未被同一单位的另一版本代替的报告。合计行、比率、汇总表都只由计入的报告得出；未计入的文件在“单位情况”写明原因');
  add('同一单位的多个版本', '同一单位同一年度有两个以上文件时，计入落款日期最晚的一份；落款日期相同或未写时，计入文件名标明“修改稿、修订、更正、第N版、v2”等的一份；仍分不出时计入文件时间较晚的一份');
  add('年度不符', '报告年度与汇总年度不同的文件列为错误，不计入');
  add('单位名单', '名单可写全称或简称（如“教育局”“城关镇”）：报告的机关名称以名单中的名称结尾、前面是多数报告共有的地区名称时即对应');
  add('同比变化', `与上年报告对比：增长到${JUMP_FACTOR}倍以上或降到五分之一以下（较大一方不少于${JUMP_MIN}），或上年不少于${ZERO_AFTER}、今年为0`);
  add(
    '雷同',
    `正文（第一、五、六部分）中不少于${MIN_PARAGRAPH_CHARS}字的段落，去掉空白、标点和数字后，按三字片段计算相似度，不低于${SIMILARITY * 100}%视为相同；` +
      `法定开头语和超过${boilerplateLimit(summary.counted.units)}个单位共有的段落视为通用表述，不计。正文${SAME_TEXT_SHARE * 100}%以上与上年相同的列为与上年雷同`,
  );
  add('汇总表', '各单位表二、表三、表四按格式和年度逐格相加（金额精确到分，不经浮点运算），再按单份报告的规则核对；单位未填的格不计入');
  heading('读取的文件');
  for (const u of summary.units) add(u.read ? '本年' : '本年（无法读取）', u.file);
  for (const p of summary.previous) add(p.read ? '上年' : '上年（无法读取）', p.file);
}

export async function buildWorkbook(summary: Summary): Promise<Uint8Array<ArrayBuffer>> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'nianbao';
  wb.created = new Date(summary.createdAt);
  unitsSheet(wb, summary);
  findingsSheet(wb, summary);
  totalSheets(wb, summary);
  yearOnYearSheet(wb, summary);
  notesSheet(wb, summary);
  // A copy in a plain ArrayBuffer: Node hands back a Buffer, browsers an ArrayBuffer.
  return new Uint8Array(new Uint8Array(await wb.xlsx.writeBuffer()));
}
