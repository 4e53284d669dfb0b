import { FIRST_REPORT_YEAR, FORMATS, formatById, formatForYear, isReportYear, type FormatDef, type FormatId, type PartId } from '../../../templates';
import type { Finding } from '../../core/checker';
import { defaultIntro } from '../../core/document';
import { newReport } from '../../core/new-report';
import { NARRATIVE_PARTS, type Report } from '../../core/report';
import { tableSizeProblem } from '../limits';
import { simplifiedDocument } from '../normalise/traditional';
import { textBlock, type SourceBlock, type SourceDocument } from '../source';
import { agencyFromText, agencyKindFromText, EVIDENCE, isAgencyName, titleEvidence, weighYear, yearEvidence } from '../structure/evidence';
import { agencyKindOf, findEnding, findTitle, isoDate } from '../structure/front-matter';
import { findPartsByContent, narrativeBeforeTables, PART_ORDER, splitSections, type Sections } from '../structure/sections';
import { fitPart, isLabelOfPart, isLabelPiece, partOfOwnLabel, tableOfPart, type TableFit } from '../tables/fit';
import { GLUED_WORDS } from '../tables/glued';
import { orderedRows } from '../tables/ordered';
import { streamBlocks } from '../tables/stream';
import { joinWrappedLines, narrativeBlocks, printWidth } from './narrative';

// The mapping stage: from the structure (title, parts) and the tables of a document to the report model,
// plus the reading findings — every choice made by evidence, and said when it was not the obvious one.

/** What the text does not contain (cut off, or a table in another format): the checker's findings there are not about the report. */
export type Unseen = {
  parts: PartId[];
  cells: string[];
  /** The signature and date are after the cut: their absence is the capture's. */
  ending?: boolean;
};

export type ImportResult =
  | { ok: true; report: Report; findings: Finding[]; source: SourceDocument['kind']; unseen?: Unseen; /** No year in the text: read with a provisional one. */ yearGuessed?: true }
  | { ok: false; error: string };

/** What the user knows better than the text: the year, the format. */
export type ReadOptions = { year?: number; format?: FormatId; fileName?: string };

const finding = (severity: Finding['severity'], rule: string, part: PartId | null, message: string): Finding => ({
  severity,
  rule,
  part,
  row: null,
  column: null,
  message,
});

const partName = (id: PartId) => `第${id}部分`;
const headingOfPart = (id: PartId) => FORMATS[FORMATS.length - 1]!.parts.find((p) => p.id === id)!.heading;
const partRange = (ids: readonly PartId[]) => (ids.length === 1 ? partName(ids[0]!) : `第${ids[0]}至${ids[ids.length - 1]}部分`);
const short = (s: string, n = 30) => (s.length > n ? `${s.slice(0, n)}…` : s);
const texts = (blocks: readonly SourceBlock[]) => blocks.flatMap((b) => (b.kind === 'text' && b.text.trim() ? [b.text.trim()] : []));
const hasNumber = (blocks: readonly SourceBlock[]) => blocks.some((b) => (b.kind === 'text' ? /\d/.test(b.text) : b.cells.some((c) => /\d/.test(c.text))));
/** Text worth quoting when it cannot be placed: a phrase of Chinese, not a header's scattered characters. */
const worthQuoting = (s: string) => /[\u4e00-\u9fff]{4}/.test(s) && (s.match(/[\u4e00-\u9fff]/g)?.length ?? 0) >= 8;

export function readDocument(given: SourceDocument, options: ReadOptions = {}): ImportResult {
  const tooLarge = tableSizeProblem(given.blocks);
  if (tooLarge) return { ok: false, error: tooLarge };
  const doc = simplifiedDocument(given);
  const findings: Finding[] = [];
  if (doc.runTogether) findings.push(finding('info', '读取', null, '全文在同一行中（网站去掉了换行），已按各部分标题、小标题、句末和表格的格子重新分行读取。'));
  if (doc.traditional) findings.push(finding('info', '读取', null, '原文使用繁体字（如“規範性檔案”“行政強製”“萬元”），已转换为简体字后读取；提示中引用的原文为转换后的文字。'));
  const sections = splitSections(doc.blocks);
  const { parts } = sections;
  const lineSections = doc.lines ? splitSections(doc.lines.map((l) => textBlock(l))) : undefined;
  // Tables that follow the narrative without their headings: the parts are found by what they contain.
  const byContent = PART_ORDER.some((id) => !parts.has(id)) ? findPartsByContent(sections, partOfOwnLabel) : [];
  if (byContent.length) {
    if (lineSections) findPartsByContent(lineSections, partOfOwnLabel);
    const titled = findTitle(sections.front);
    const titleEnd = titled ? titled.start + titled.blocks : 0;
    if (narrativeBeforeTables(sections, titleEnd)) {
      const lineTitle = lineSections && findTitle(lineSections.front);
      if (lineSections) narrativeBeforeTables(lineSections, lineTitle ? lineTitle.start + lineTitle.blocks : 0);
      byContent.unshift(PART_ORDER[0]!);
    }
    const contiguous = byContent.every((id, i) => i === 0 || PART_ORDER.indexOf(id) === PART_ORDER.indexOf(byContent[i - 1]!) + 1);
    const named = contiguous ? partRange(byContent.length === 1 ? byContent : [byContent[0]!, byContent[byContent.length - 1]!]) : byContent.map(partName).join('、');
    findings.push(finding('info', '结构', null, `没有找到${named}的标题（如“${headingOfPart(byContent[0]!)}”），已按内容（统一格式表格的栏目和行名、表格前的文字）确定各部分。请按统一格式给各部分加上标题。`));
  }
  let front = sections.front;
  const title = findTitle(front);
  if (parts.size === 0 && !title) {
    return { ok: false, error: '没有找到年度报告的标题和各部分标题（如“一、总体情况”），这个文件看来不是政府信息公开工作年度报告。' };
  }
  if (title?.year !== undefined && !isReportYear(title.year) && options.year === undefined) {
    return { ok: false, error: `标题中的年份 ${title.year} 不在 ${FIRST_REPORT_YEAR} 年以后：政府信息公开工作年度报告格式自 ${FIRST_REPORT_YEAR} 年度起适用。` };
  }
  for (const { part, after } of sections.outOfOrder) {
    findings.push(finding('warning', '结构', part, `${partName(part)}排在${partName(after)}之后。已按内容读入；请按统一格式的顺序（一至六）排列各部分。`));
  }

  // A page cut from the middle of a report (a flipbook page) starts inside the part before its first heading.
  const present = PART_ORDER.filter((id) => parts.has(id));
  const firstPresent = present[0];
  let startsInside: PartId | undefined;
  if (!title && firstPresent && firstPresent !== PART_ORDER[0] && hasNumber(front)) {
    const before = PART_ORDER[PART_ORDER.indexOf(firstPresent) - 1]!;
    if (FORMATS.some((f) => tableOfPart(f, before))) {
      startsInside = before;
      parts.set(before, front);
      if (lineSections) lineSections.parts.set(before, lineSections.front);
      front = [];
    }
  }

  // Tables: every format's reading of every table part, from the blocks and (plain text) from the cells as a stream.
  const tableParts = PART_ORDER.filter((id) => FORMATS.some((f) => tableOfPart(f, id)));
  const fits = new Map<PartId, ReturnType<typeof fitPart>>();
  for (const id of tableParts) {
    const blocks = parts.get(id);
    if (!blocks) continue;
    const candidates: SourceBlock[][] = [blocks];
    const lines = lineSections?.parts.get(id)?.map((b) => (b.kind === 'text' ? b.text : ''));
    if (lines) candidates.push(streamBlocks(lines, isLabelOfPart(id)));
    // Space-aligned text may cut labels around their numbers: rows by order and evidence, per format.
    const aligned = lines && doc.blocks.some((b) => b.kind === 'row' && b.aligned);
    fits.set(id, fitPart(id, candidates, FORMATS, aligned ? (format, table) => [orderedRows(lines, format, table)] : undefined));
  }

  // The year: given, else the title, else the evidence in the text; the format: given, else the tables' best fit, else the year's.
  const opening = parts.get(PART_ORDER[0]!) ?? [];
  const evidenceTexts = [...texts(front), ...texts(opening), ...tableParts.flatMap((id) => texts(parts.get(id) ?? []))];
  const lastPart = present[present.length - 1];
  const dateTexts = lastPart ? texts(parts.get(lastPart)!).filter((t) => isoDate(t)) : [];
  const decisive = [...new Set([...fits.values()].flatMap((f) => (f.decisive ? [f.decisive] : [])))];
  const titleYear = title?.year !== undefined && isReportYear(title.year) ? title.year : undefined;
  const evidence = yearEvidence([...evidenceTexts, ...dateTexts], options.fileName, doc.dropped);
  if (title && titleYear !== undefined) evidence.push(titleEvidence(titleYear, texts(front.slice(title.start, title.start + title.blocks)).join('')));
  const weighed = weighYear(evidence);
  let year = options.year ?? weighed?.year;
  const yearFormat = year !== undefined ? formatForYear(year) : undefined;
  const format: FormatDef = options.format
    ? formatById(options.format)
    : decisive.length === 1
      ? decisive[0]!
      : decisive.length > 1
        ? (decisive.find((f) => f === yearFormat) ?? largestFit(fits))
        : (yearFormat ?? FORMATS[FORMATS.length - 1]!);
  if (titleYear === undefined) {
    findings.push(
      finding('warning', '结构', null, title ? '标题中没有年份：标题应为“机关名称+年份+年政府信息公开工作年度报告”。' : '没有找到标题：标题应为“机关名称+年份+年政府信息公开工作年度报告”。'),
    );
  }
  if (options.year !== undefined) {
    if (title?.year !== undefined && title.year !== options.year) findings.push(finding('info', '读取', null, `标题中的年度为 ${title.year} 年，已按指定的 ${options.year} 年度读取。`));
  } else if (weighed) {
    if (weighed.sources.length === 1 && weighed.sources[0] === EVIDENCE.file) {
      findings.push(finding('warning', '读取', null, `正文中没有写明报告年度，只能按文件名读取为 ${weighed.year} 年度。请核对；如有误，请指定年度后重新读取，并在报告中写明年度（标题、统计期限）。`));
    } else if (weighed.year !== titleYear) {
      findings.push(finding('info', '读取', null, `报告年度按${weighed.sources.join('、')}读取为 ${weighed.year} 年度。如有误，请指定年度后重新读取。`));
    }
    // The title and the statistics period should name the report's year: another year there is most often a typo.
    for (const e of weighed.disagreeing) {
      findings.push(
        finding('warning', '结构', null, `${e.source}写的是 ${e.year} 年：“${e.text}”，而${weighed.sources.join('、')}都是 ${weighed.year} 年，已按 ${weighed.year} 年度读取。请核对${e.source}中的年份。`),
      );
    }
  }
  const yearGuessed = year === undefined;
  if (year === undefined) {
    year = format.years.from;
    findings.push(
      finding(
        'error',
        '读取',
        null,
        `没有找到报告年度（标题、${EVIDENCE.period}、落款日期中都没有），暂按 ${year} 年度检查，与年度有关的检查可能不准。请指定报告年度后重新读取（命令行加 --year，检查页在“报告年度”中填写）。`,
      ),
    );
  }

  const report = newReport({ agency: title?.agency ?? '', year });
  report.format = format.id;
  // The document's totals are what the author wrote: keep them, so the checker can judge them.
  report.typedTotals = true;
  const unseen: Unseen = { parts: [], cells: [] };

  // Where the text ends early, or starts late: said once, and nothing after the cut reported missing.
  const endIndex = lastPart ? PART_ORDER.indexOf(lastPart) : -1;
  // One page of a longer document (it starts inside a part) ends where the page ends, whatever its last sentence.
  const whole = lastPart !== undefined && endsWhole(doc, lastPart, lineSections, parts.get(lastPart)!, fits.get(lastPart)?.fits.find((f) => f.format === format), startsInside !== undefined);
  const cutAfter = lastPart && !whole ? PART_ORDER.slice(endIndex + 1) : [];
  const cutBefore = startsInside ? PART_ORDER.slice(0, PART_ORDER.indexOf(startsInside)) : [];
  unseen.parts.push(...cutAfter, ...cutBefore);
  if (cutAfter.length) unseen.ending = true;
  if (cutBefore.length) {
    findings.push(finding('warning', '读取', null, `文本从${partName(startsInside!)}中间开始，${partRange(cutBefore)}不在本文件中（可能只是报告的一页）。已读入文本中有的内容。`));
  }

  for (const part of format.parts) {
    if (!parts.has(part.id) && !unseen.parts.includes(part.id)) {
      findings.push(finding('error', '结构', part.id, `没有找到${partName(part.id)}“${part.heading}”。请按统一格式补上这一部分（标题文字应与格式一致）。`));
    }
  }

  let cutQuote = lastPart ? lastLine(lineSections?.parts.get(lastPart) ?? parts.get(lastPart)!) : '';
  for (const part of format.parts) {
    if (part.kind !== 'table' || !parts.has(part.id)) continue;
    const fit = fits.get(part.id)!;
    const own = fit.fits.find((f) => f.format === format)!;
    if (fit.decisive && fit.decisive !== format) {
      unseen.parts.push(part.id);
      findings.push(
        finding(
          'warning',
          '格式',
          part.id,
          `${partName(part.id)}的表格是${fit.decisive.id}年格式（${fit.decisive.notice}），而本报告按${format.id}年格式（${format.notice}）读取，两者的行列不同，本部分的数字未读入。请按${format.id}年格式重新填报${partName(part.id)}表格。`,
        ),
      );
      continue;
    }
    mapTable(report, own, findings, unseen, {
      cutAtEnd: part.id === lastPart && cutAfter.length > 0,
      cutAtStart: part.id === startsInside,
    });
    if (part.id === lastPart && own.reading.lastText) cutQuote = own.reading.lastText;
    quoteProse(own, findings);
  }
  if (cutAfter.length && lastPart) {
    const where = NARRATIVE_PARTS.includes(lastPart as (typeof NARRATIVE_PARTS)[number]) ? partName(lastPart) : `${partName(lastPart)}表格`;
    findings.push(finding('warning', '读取', lastPart, `文本在${where}“${short(cutQuote)}”处结束，其后内容缺失（${partRange(cutAfter)}不在文本中）。已读入结束之前的全部内容；请核对是否为完整的报告。`));
  }

  // Narrative parts, the signature and date, the opening statement.
  const signature = lastPart ? signatureAgency(parts.get(lastPart)!) : undefined;
  const named = signature ? undefined : agencyFromText([...texts(front), ...texts(opening)]);
  if (!report.meta.agency && (signature ?? named)) {
    report.meta.agency = (signature ?? named)!;
    findings.push(finding('info', '读取', null, `标题中没有机关名称，已按${signature ? '落款' : '开头的文字'}读取为“${report.meta.agency}”。`));
  }
  report.meta.agencyKind = report.meta.agency ? agencyKindOf(report.meta.agency) : (agencyKindFromText([...texts(front), ...texts(opening)]) ?? agencyKindOf(''));
  const width = doc.kind === 'txt' ? printWidth([...front, ...NARRATIVE_PARTS.flatMap((id) => parts.get(id) ?? [])]) : undefined;
  for (const id of NARRATIVE_PARTS) {
    let blocks = parts.get(id) ?? [];
    if (id === lastPart) {
      const ending = findEnding(blocks, report.meta.agency);
      report.meta.publicationDate = ending.date;
      blocks = blocks.slice(0, ending.keep);
    }
    report.narrative[id] = narrativeBlocks(joinWrappedLines(blocks, width));
  }
  const introBlocks = title ? front.slice(title.start + title.blocks) : front;
  readIntro(report, format, introBlocks);
  if (doc.dropped?.length) {
    findings.push(finding('info', '读取', null, `已略去文件中的网页栏目和页眉页脚文字：${doc.dropped.map((d) => `“${short(d, 40)}”`).join('、')}。`));
  }
  const result: ImportResult = { ok: true, report, findings, source: doc.kind, ...(yearGuessed ? { yearGuessed: true as const } : {}) };
  return unseen.parts.length || unseen.cells.length ? { ...result, unseen } : result;
}

/** Tables of different formats and a year that fits neither: the format of the table with the most rows read. */
function largestFit(fits: ReadonlyMap<PartId, ReturnType<typeof fitPart>>): FormatDef {
  let best: { format: FormatDef; rows: number } | undefined;
  for (const { fits: all, decisive } of fits.values()) {
    if (!decisive) continue;
    const rows = all.find((f) => f.format === decisive)!.counted.rowsFound;
    if (!best || rows > best.rows) best = { format: decisive, rows };
  }
  return best!.format;
}

/** A sentence, a heading's end or a signature date: where a whole text may stop. */
const ENDS_WHOLE = /[。！？!?；;：:”」』）)]$|\d{4}年\d{1,2}月\d{1,2}日$|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$/;

/**
 * The text ends where the report ends, so parts missing after it are missing from the report: the page's
 * footer follows the last part, or the last part ends with a finished sentence or a finished table. A text
 * that stops mid-sentence or mid-table (a capture cut off) is not.
 */
function endsWhole(doc: SourceDocument, lastPart: PartId, lineSections: Sections | undefined, blocks: readonly SourceBlock[], fit: TableFit | undefined, onePage: boolean): boolean {
  if (doc.footerAfter !== undefined && doc.lines && lineSections) {
    const lastPartLines = lineSections.parts.get(lastPart)?.length ?? 0;
    if (doc.footerAfter >= doc.lines.length - lastPartLines) return true;
  }
  if (onePage) return false;
  if (!fit) return ENDS_WHOLE.test(lastLine(blocks));
  const found = [...fit.counted.found];
  return found.length > 0 && !fit.counted.missing.some((m) => m.index > Math.max(...found));
}

/** The last line of a part as written (where a cut text stops). */
function lastLine(blocks: readonly SourceBlock[]): string {
  for (let i = blocks.length - 1; i >= 0; i--) {
    const b = blocks[i]!;
    const t = b.kind === 'text' ? b.text : b.cells.map((c) => c.text).filter((c) => c.trim()).join(' ');
    if (t.replace(/\|/g, '').trim()) return t.replace(/\s*\|\s*$/, '').trim();
  }
  return '';
}

/** The agency's name on the line before the date at the end, when the title gave none. */
function signatureAgency(blocks: readonly SourceBlock[]): string | undefined {
  const lines = texts(blocks);
  for (let i = lines.length - 1; i > 0 && i >= lines.length - 3; i--) {
    if (isoDate(lines[i]!) && isAgencyName(lines[i - 1]!)) return lines[i - 1]!.replace(/\s+/g, '');
  }
  return undefined;
}

type Cut = { cutAtEnd: boolean; cutAtStart: boolean };

/** One table's reading into the report, its missing rows reported unless the text was cut there. */
function mapTable(report: Report, fit: TableFit, findings: Finding[], unseen: Unseen, cut: Cut): void {
  const { reading, format, table } = fit;
  Object.assign(report.values, reading.values);
  Object.assign(report.written, reading.written);
  findings.push(...reading.findings);
  const found = [...reading.found];
  if (reading.rowsFound === 0) {
    // A cut inside the table's header: the numbers are after the cut. (A header without numbers before more text is a blank table.)
    if ((cut.cutAtEnd || cut.cutAtStart) && reading.labelsSeen === 0) {
      unseen.cells.push(...format.cells.filter((c) => c.table === table.id).map((c) => c.key));
      return;
    }
    if (cut.cutAtEnd || cut.cutAtStart) return;
    const nothing = reading.labelsSeen === 0 && reading.unexplained === 0;
    findings.push(
      finding(
        'error',
        '结构',
        table.part,
        nothing
          ? `${partName(table.part)}标题下没有表格（文本中看不到，可能是以图片形式插入的）。请以文字表格填写本部分，按${format.id}年格式。`
          : `${partName(table.part)}没有读到统一格式的表格。请按${format.id}年格式填写本部分表格。`,
      ),
    );
    return;
  }
  const first = Math.min(...found);
  const last = Math.max(...found);
  if (cut.cutAtEnd) hideRowAtCut(fit, last, findings, unseen);
  // The cells of each missing row, needed only where the text was cut (most reports are whole).
  const rowsOf = new Map<number, string[]>();
  if ((cut.cutAtEnd || cut.cutAtStart) && reading.missing.length) {
    const missingByRow = new Map<string, (typeof reading.missing)[number]>();
    for (const m of reading.missing) if (!missingByRow.has(m.row)) missingByRow.set(m.row, m);
    for (const c of format.cells) {
      if (c.table !== table.id) continue;
      const m = missingByRow.get(c.row);
      if (m) rowsOf.set(m.index, [...(rowsOf.get(m.index) ?? []), c.key]);
    }
  }
  for (const m of reading.missing) {
    if ((cut.cutAtEnd && m.index > last) || (cut.cutAtStart && m.index < first)) {
      unseen.cells.push(...(rowsOf.get(m.index) ?? []));
      continue;
    }
    findings.push({ severity: 'error', rule: '结构', part: table.part, row: m.row, column: null, cell: m.key, message: `表格缺少“${m.row}”一行。请按${format.id}年格式补上这一行。` });
  }
}

/**
 * The row the text ends in is cut too (“二、上年结转… | 0 | 0 |”): its cells are unseen, not blank or short.
 * A row the text goes on after is the report's own, and keeps its findings.
 */
function hideRowAtCut(fit: TableFit, last: number, findings: Finding[], unseen: Unseen): void {
  const { reading, format, table } = fit;
  const keys = format.cells.filter((c) => c.table === table.id && c.row === reading.rowAt(last)).map((c) => c.key);
  const filled = keys.filter((k) => reading.values[k] !== undefined || reading.written[k] !== undefined).length;
  const short = findings.findIndex((f) => f.rule === '读取' && f.severity === 'warning' && f.cell !== undefined && keys.includes(f.cell) && !f.message.includes(GLUED_WORDS));
  if (short >= 0) findings.splice(short, 1);
  else if (filled === keys.length) return;
  unseen.cells.push(...keys.filter((k) => reading.values[k] === undefined));
}

/** Sentences standing among a table's cells: not part of the statutory table, so quoted rather than lost. */
function quoteProse(fit: TableFit, findings: Finding[]): void {
  const piece = isLabelPiece(fit.table.part);
  const named = fit.reading.findings.map((f) => f.message).join('');
  const prose = fit.blocks.flatMap((b) => (b.kind === 'text' && worthQuoting(b.text) && !piece(b.text) && !named.includes(b.text.trim()) ? [b.text.trim()] : []));
  if (prose.length === 0) return;
  findings.push(
    finding(
      'info',
      '读取',
      fit.table.part,
      `${partName(fit.table.part)}表格之外的文字未读入报告（统一格式中本部分只有表格）：${prose.map((p) => `“${p}”`).join('')}。如需保留，请移到第一部分或第六部分。`,
    ),
  );
}

const CONTACT = /^对本报告如有疑问，?请联系[：:](.+?)。?$/;

/** The opening statement: left to the generated text when it is exactly that, else kept as written. */
function readIntro(report: Report, format: FormatDef, blocks: readonly SourceBlock[]): void {
  const paragraphs = texts(blocks);
  for (const p of paragraphs) {
    const m = CONTACT.exec(p);
    if (m) report.meta.contact = m[1]!.trim();
  }
  const generated = defaultIntro(report, format);
  if (paragraphs.length === generated.length && paragraphs.every((p, i) => p === generated[i])) return;
  if (paragraphs.length) report.meta.intro = paragraphs.join('\n');
}
