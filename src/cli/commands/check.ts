import { checkReport, publicFinding, type Finding } from '../../core/checker';
import type { Report } from '../../core/report';
import { parse, UsageError, type Io } from '../args';
import { readInput } from '../input';
import { formatFindings } from '../output';

type CheckedFile = { file: string; report?: Report; findings: Finding[]; error?: string };

export async function runCheck(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, { previous: { type: 'string' }, json: { type: 'boolean' } });
  if (positionals.length === 0) throw new UsageError('请给出要检查的报告文件');
  let previous: Report | undefined;
  if (values.previous) {
    const prev = await readInput(values.previous as string);
    if (!prev.ok) {
      io.err(`nianbao：上年报告 ${values.previous as string} 无法读取：${prev.error}\n`);
      return 2;
    }
    previous = prev.report;
  }
  const results: CheckedFile[] = [];
  for (const file of positionals) {
    const input = await readInput(file);
    if (!input.ok) {
      results.push({ file, findings: [], error: input.error });
      continue;
    }
    const findings = [...input.readingFindings, ...checkReport(input.report, previous ? { previous } : {})];
    results.push({ file, report: input.report, findings });
  }
  if (values.json) {
    io.out(`${JSON.stringify(results.map(toJson), null, 2)}\n`);
  } else {
    for (const r of results) {
      if (r.error) {
        io.out(`${r.file}：无法读取 — ${r.error}\n\n`);
        continue;
      }
      const m = r.report!.meta;
      io.out(`${r.file} — ${m.agency || '（未写机关名称）'} ${m.year}年度（${r.report!.format}年格式）\n${formatFindings(r.findings).join('\n')}\n\n`);
    }
  }
  for (const r of results) if (r.error && values.json) io.err(`nianbao：${r.file} 无法读取：${r.error}\n`);
  if (results.some((r) => r.error)) return 2;
  return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

function toJson(r: CheckedFile) {
  if (r.error) return { file: r.file, format: null, year: null, agency: null, error: r.error, findings: [] };
  return {
    file: r.file,
    format: r.report!.format,
    year: r.report!.meta.year,
    agency: r.report!.meta.agency,
    findings: r.findings.map(publicFinding),
  };
}

