import { FIRST_REPORT_YEAR, FORMATS, formatForYear, isReportYear, PARTS, type FormatDef, type PartId } from '../../../templates';
import type { Finding } from '../../core/checker';
import { defaultIntro } from '../../core/document';
import { newReport } from '../../core/new-report';
import { NARRATIVE_PARTS, type Report } from '../../core/report';
import { agencyKindOf, findEnding, findTitle, yearFromText } from '../structure/front-matter';
import { formatMarkers } from '../tables/labels';
import { readTable } from '../tables/map-table';
import { narrativeBlocks } from './narrative';
import { tableSizeProblem } from '../limits';
import { labelKey } from '../normalise/text';
import { splitSections } from '../structure/sections';
import type { SourceBlock, SourceDocument } from '../source';

// From a document's blocks to the report model plus reading findings.

export type ImportResult =
  | { ok: true; report: Report; findings: Finding[]; source: SourceDocument['kind'] }
  | { ok: false; error: string };

const PLAIN_NUMBER = /^[\s\d.,+-]*$/;

/** The format whose own labels (those the other format lacks) the tables use most. */
export function detectFormat(tableBlocks: readonly SourceBlock[]): { format: FormatDef; markers: number } | undefined {
  const markers = formatMarkers(FORMATS);
  const hits = new Map<FormatDef, Set<string>>();
  // One walk over the cells; numbers, most of a table, are never labels.
  const visit = (text: string): void => {
    if (PLAIN_NUMBER.test(text)) return;
    const key = labelKey(text);
    for (const [format, keys] of markers) {
      if (!keys.has(key)) continue;
      let seen = hits.get(format);
      if (!seen) hits.set(format, (seen = new Set()));
      seen.add(key);
    }
  };
  for (const b of tableBlocks) {
    if (b.kind === 'text') visit(b.text);
    else for (const c of b.cells) visit(c.text);
  }
  let best: { format: FormatDef; markers: number } | undefined;
  let tie = false;
  for (const format of markers.keys()) {
    const n = hits.get(format)?.size ?? 0;
    if (!best || n > best.markers) {
      best = { format, markers: n };
      tie = false;
    } else if (n === best.markers) tie = true;
  }
  return best && best.markers > 0 && !tie ? best : undefined;
}

const finding = (severity: Finding['severity'], rule: string, part: PartId | null, message: string): Finding => ({
  severity,
  rule,
  part,
  row: null,
  column: null,
  message,
});

export function readDocument(doc: SourceDocument): ImportResult {
  const tooLarge = tableSizeProblem(doc.blocks);
  if (tooLarge) return { ok: false, error: tooLarge };
  const { front, parts } = splitSections(doc.blocks);
  const findings: Finding[] = [];
  const title = findTitle(front);
  const frontTexts = front.flatMap((b) => (b.kind === 'text' ? [b.text] : []));
  const year = title?.year ?? yearFromText(frontTexts);
  if (parts.size === 0 && !title) {
    return { ok: false, error: '没有找到年度报告的标题和各部分标题（如“一、总体情况”），这个文件看来不是政府信息公开工作年度报告。' };
  }
  if (year === undefined) return { ok: false, error: '没有找到报告年度：标题应为“机关名称+年份+年政府信息公开工作年度报告”。' };
  if (!isReportYear(year)) {
    return { ok: false, error: `标题中的年份 ${year} 不在 ${FIRST_REPORT_YEAR} 年以后：政府信息公开工作年度报告格式自 ${FIRST_REPORT_YEAR} 年度起适用。` };
  }
  if (!title) findings.push(finding('error', '结构', null, '没有找到标题：标题应为“机关名称+年份+年政府信息公开工作年度报告”。年度按正文中的统计期限读取。'));

  const tableBlocks = PARTS.filter((p) => p.kind === 'table').flatMap((p) => parts.get(p.id) ?? []);
  const detected = detectFormat(tableBlocks);
  const format = detected?.format ?? formatForYear(year);
  const report = newReport({ agency: title?.agency ?? '', year });
  report.format = format.id;
  report.meta.agencyKind = agencyKindOf(report.meta.agency);
  // The document's totals are what the author wrote: keep them, so the checker can judge them.
  report.typedTotals = true;

  for (const part of PARTS) {
    if (!parts.has(part.id)) findings.push(finding('error', '结构', part.id, `没有找到第${part.id}部分“${part.heading}”。请按统一格式补上这一部分（标题文字应与格式一致）。`));
  }
  for (const part of PARTS) {
    if (part.kind !== 'table' || !parts.has(part.id)) continue;
    const reading = readTable(format, format.tables[part.table!], parts.get(part.id)!);
    Object.assign(report.values, reading.values);
    Object.assign(report.written, reading.written);
    findings.push(...reading.findings);
  }

  const lastPart = [...parts.keys()].pop();
  for (const id of NARRATIVE_PARTS) {
    let blocks = parts.get(id) ?? [];
    if (id === lastPart) {
      const ending = findEnding(blocks, report.meta.agency);
      report.meta.publicationDate = ending.date;
      blocks = blocks.slice(0, ending.keep);
    }
    report.narrative[id] = narrativeBlocks(blocks);
  }

  const introBlocks = title ? front.slice(title.start + title.blocks) : front;
  readIntro(report, format, introBlocks);
  return { ok: true, report, findings, source: doc.kind };
}

const CONTACT = /^对本报告如有疑问，?请联系[：:](.+?)。?$/;

/** The opening statement: left to the generated text when it is exactly that, else kept as written. */
function readIntro(report: Report, format: FormatDef, blocks: readonly SourceBlock[]): void {
  const paragraphs = blocks.flatMap((b) => (b.kind === 'text' && b.text.trim() ? [b.text.trim()] : []));
  for (const p of paragraphs) {
    const m = CONTACT.exec(p);
    if (m) report.meta.contact = m[1]!.trim();
  }
  const generated = defaultIntro(report, format);
  if (paragraphs.length === generated.length && paragraphs.every((p, i) => p === generated[i])) return;
  if (paragraphs.length) report.meta.intro = paragraphs.join('\n');
}
