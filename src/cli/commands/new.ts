import { FIRST_REPORT_YEAR, isReportYear } from '../../../templates';
import { newReport } from '../../core/new-report';
import { AGENCY_KINDS, serializeReport, type AgencyKind } from '../../core/report';
import { parse, UsageError, writeOutput, type Io } from '../args';

export async function runNew(args: string[], io: Io): Promise<number> {
  const { values } = parse(args, {
    year: { type: 'string' },
    agency: { type: 'string' },
    kind: { type: 'string' },
    out: { type: 'string' },
    force: { type: 'boolean' },
  });
  const year = Number(values.year);
  if (!values.year || !isReportYear(year)) throw new UsageError(`--year 应为 ${FIRST_REPORT_YEAR} 年以后的年份，如 --year 2024`);
  const agency = (values.agency as string | undefined)?.trim();
  if (!agency) throw new UsageError('请用 --agency 写明机关名称');
  const kind = values.kind as string | undefined;
  if (kind !== undefined && !(AGENCY_KINDS as readonly string[]).includes(kind)) {
    throw new UsageError(`--kind 应为 ${AGENCY_KINDS.join('、')} 之一`);
  }
  const report = newReport({ agency, year, agencyKind: kind as AgencyKind | undefined });
  const json = serializeReport(report);
  if (!values.out) {
    io.out(json);
    return 0;
  }
  const code = await writeOutput(values.out as string, json, Boolean(values.force), io);
  if (code === 0) io.err(`已新建 ${year} 年度报告（${report.format}年格式）：${values.out as string}\n`);
  return code;
}

