import { FIRST_REPORT_YEAR } from '../../../templates';
import type { Finding } from '../../core/checker';
import { continueFromLastYear, newReport } from '../../core/new-report';
import { AGENCY_KINDS, reportFormat, serializeReport, type AgencyKind, type Report } from '../../core/report';
import { parse, readOptions, UsageError, writeOutput, type Io } from '../args';
import { readInput } from '../input';
import { formatFindings } from '../output';
import { parseReportYear } from '../../core/report-year';

// `nianbao new`: a blank report for a year, or (--from) this year's report continuing last year's, read from
// the app's .json or from last year's Word file, PDF, web page or text.

export async function runNew(args: string[], io: Io): Promise<number> {
  const { values } = parse(args, {
    year: { type: 'string' },
    agency: { type: 'string' },
    kind: { type: 'string' },
    from: { type: 'string' },
    text: { type: 'boolean' },
    format: { type: 'string' },
    out: { type: 'string' },
    force: { type: 'boolean' },
  });
  const parsedYear = values.year === undefined ? undefined : parseReportYear(String(values.year));
  if (parsedYear && !parsedYear.ok) throw new UsageError(`--year：${parsedYear.problem}`);
  const year = parsedYear?.ok ? parsedYear.year : undefined;
  const agency = (values.agency as string | undefined)?.trim();
  const kind = values.kind as string | undefined;
  if (kind !== undefined && !(AGENCY_KINDS as readonly string[]).includes(kind)) {
    throw new UsageError(`--kind 应为 ${AGENCY_KINDS.join('、')} 之一`);
  }
  const from = values.from as string | undefined;
  if (from === undefined && (values.text || values.format !== undefined)) throw new UsageError('--text 和 --format 只用于接续上年报告，请同时用 --from 给出上年报告');

  let report: Report;
  if (from === undefined) {
    if (year === undefined) throw new UsageError(`请用 --year 写明报告年度（${FIRST_REPORT_YEAR} 年以后，如 --year 2024），或用 --from 接续上年报告`);
    if (!agency) throw new UsageError('请用 --agency 写明机关名称');
    report = newReport({ agency, year, agencyKind: kind as AgencyKind | undefined });
  } else {
    const last = await readLastYear(from, year, values.format, io);
    if (!last) return 2;
    report = continueFromLastYear(last, { text: Boolean(values.text) });
    if (agency) report.meta.agency = agency;
    if (kind) report.meta.agencyKind = kind as AgencyKind;
  }

  const json = serializeReport(report);
  if (!values.out) {
    io.out(json);
    return 0;
  }
  const code = await writeOutput(values.out as string, json, Boolean(values.force), io);
  if (code !== 0) return code;
  const m = report.meta;
  const what = from === undefined ? '' : `，接续 ${m.year - 1} 年度报告，上年结转已按上年“结转下年度继续办理”填好${values.text ? '，带入了上年第一、五、六部分的文字' : ''}`;
  io.err(`已新建 ${m.agency || '（未写机关名称，请在编辑器“基本信息”中填写）'} ${m.year} 年度报告（${report.format}年格式${what}）：${values.out as string}\n`);
  return 0;
}

/**
 * Last year's report read from any supported file. `year` is the new report's year: last year's file is
 * read as the year before, and must not say otherwise. Reading findings go to stderr; undefined when unusable.
 */
async function readLastYear(path: string, year: number | undefined, format: unknown, io: Io): Promise<Report | undefined> {
  const given = readOptions({ format });
  const first = await readInput(path, given);
  if (!first.ok) {
    io.err(`nianbao：上年报告 ${path} 无法读取：${first.error}\n`);
    return undefined;
  }
  let read = first;
  if (year !== undefined && read.report.meta.year !== year - 1) {
    if (!read.yearGuessed) {
      throw new UsageError(`上年报告 ${path} 是 ${read.report.meta.year} 年度的，接续它的是 ${read.report.meta.year + 1} 年度报告，与 --year ${year} 不符。请去掉 --year 或换用 ${year - 1} 年度的报告`);
    }
    const again = await readInput(path, { ...given, year: year - 1 });
    if (!again.ok) {
      io.err(`nianbao：上年报告 ${path} 无法读取：${again.error}\n`);
      return undefined;
    }
    read = again;
  } else if (year === undefined && read.yearGuessed) {
    throw new UsageError(`上年报告 ${path} 中没有找到报告年度。请用 --year 写明新报告的年度（如上年报告是 2024 年度的，写 --year 2025）`);
  }
  const shown: Finding[] = read.readingFindings.filter((f) => f.severity !== 'info');
  if (shown.length) io.err(`读取上年报告时发现的问题（请核对新报告中的上年结转）：\n${formatFindings(shown, reportFormat(read.report)).join('\n')}\n`);
  return read.report;
}
