import { readFileSync } from 'node:fs';
import { dirname, basename, extname, join } from 'node:path';
import { FIRST_REPORT_YEAR, isReportYear } from '../../../templates';
import { serializeReport } from '../../core/report';
import { decodeText } from '../../import';
import { parseUnitsList, SummaryBuilder, summaryJson, type ReadOutcome, type Summary } from '../../summary';
import { parse, UsageError, writeOutput, type Io } from '../args';
import { expandInputs, type InputResult } from '../input';
import { readInputs } from '../read-pool';
import { stderrProgressBar, type Progress } from '../progress';

// `nianbao summary`: a folder of units' reports in, one workbook (or JSON) out. Files are read one at a
// time and reduced to a small record each, so a province's thousands of files fit in bounded memory.

export async function runSummary(args: string[], io: Io, progress: Progress = stderrProgressBar()): Promise<number> {
  const { values, positionals } = parse(args, {
    previous: { type: 'string', multiple: true },
    units: { type: 'string' },
    year: { type: 'string' },
    out: { type: 'string' },
    'out-report': { type: 'string' },
    json: { type: 'boolean' },
    force: { type: 'boolean' },
  });
  if (positionals.length === 0) throw new UsageError('请给出各单位的报告文件或所在的文件夹');
  let year: number | undefined;
  if (values.year !== undefined) {
    year = Number(values.year);
    if (!isReportYear(year)) throw new UsageError(`--year 应为 ${FIRST_REPORT_YEAR} 年以后的年份，如 --year 2024`);
  }
  const out = values.out as string | undefined;
  if (out && extname(out).toLowerCase() !== '.xlsx') throw new UsageError(`--out 应以 .xlsx 结尾（Excel 工作簿），而不是“${basename(out)}”`);
  const outReport = values['out-report'] as string | undefined;
  if (outReport && extname(outReport).toLowerCase() !== '.json') throw new UsageError(`--out-report 应以 .json 结尾（报告文件），而不是“${basename(outReport)}”`);

  let units: string[] | undefined;
  if (values.units) {
    try {
      units = parseUnitsList(decodeText(new Uint8Array(readFileSync(values.units as string))));
    } catch (e) {
      io.err(`nianbao：单位名单 ${values.units as string} 无法读取（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）\n`);
      return 2;
    }
    if (units.length === 0) {
      io.err(`nianbao：单位名单 ${values.units as string} 是空的：请一行写一个机关名称\n`);
      return 2;
    }
  }

  const files = await expandInputs(positionals);
  if (files.length === 0) {
    io.err('nianbao：给出的文件夹中没有可汇总的报告（.json、.docx、.txt、.html、.htm、.pdf）\n');
    return 2;
  }
  const previousFiles = values.previous ? await expandInputs(values.previous as string[]) : [];
  if (values.previous && previousFiles.length === 0) {
    io.err('nianbao：--previous 给出的位置没有可读取的上年报告\n');
    return 2;
  }

  const builder = new SummaryBuilder({ year, units });
  const total = previousFiles.length + files.length;
  // Files are read in order (in worker threads when NIANBAO_THREADS asks for them); each is reduced to a small record at once.
  let done = 0;
  let i = 0;
  for await (const input of readInputs(previousFiles)) {
    const file = previousFiles[i++]!;
    progress.update(done++, total, `上年 ${file}`);
    builder.addPrevious(file, outcomeOf(input));
  }
  i = 0;
  for await (const input of readInputs(files)) {
    const file = files[i++]!;
    progress.update(done++, total, file);
    builder.addUnit(file, outcomeOf(input));
  }
  progress.update(total, total, '正在核对雷同和汇总…');
  const summary = builder.finish();
  progress.done();

  if (out) {
    const { buildWorkbook } = await import('../../summary/workbook');
    const code = await writeOutput(out, await buildWorkbook(summary), Boolean(values.force), io);
    if (code !== 0) return code;
    io.err(`已存为 Excel 工作簿：${out}\n`);
  }
  if (outReport) {
    for (const [i, t] of summary.totals.entries()) {
      // The main group keeps the name asked for; other years or formats get theirs beside it.
      const path = i === 0 ? outReport : join(dirname(outReport), `${basename(outReport, extname(outReport))}-${t.year}年-${t.format}年格式.json`);
      const code = await writeOutput(path, serializeReport(t.report), Boolean(values.force), io);
      if (code !== 0) return code;
      io.err(`已存为报告文件（${t.year}年度，${t.units}个单位的表格合计）：${path}\n`);
    }
  }
  if (values.json) io.out(`${JSON.stringify(summaryJson(summary), null, 2)}\n`);
  else io.out(`${summaryText(summary)}\n`);
  for (const u of summary.units) if (!u.read && values.json) io.err(`nianbao：${u.file} 无法读取：${u.error}\n`);
  if (summary.units.some((u) => !u.read)) return 2;
  return summary.units.some((u) => u.errors > 0) || summary.missing.length > 0 ? 1 : 0;
}

const outcomeOf = (input: InputResult): ReadOutcome => (input.ok ? { ok: true, report: input.report, readingFindings: input.readingFindings } : input);

/** The terminal view: one line per unit, then what the office must act on. */
export function summaryText(s: Summary): string {
  const lines: string[] = [`${s.year ?? ''}年度报告汇总：${s.units.length} 个文件，读取 ${s.units.filter((u) => u.read).length} 个`];
  for (const u of s.units) {
    if (!u.read) {
      lines.push(`  ${u.file}：无法读取 — ${u.error}`);
      continue;
    }
    const late = u.late ? ' · 逾期' : u.late === null ? ' · 无落款日期' : '';
    lines.push(`  ${u.agency || '（未写机关名称）'}（${u.file}）：错误 ${u.errors} · 警告 ${u.warnings}${late}`);
  }
  const list = (title: string, items: readonly string[]) => {
    if (items.length) lines.push('', `${title}（${items.length}）：`, ...items.map((i) => `  ${i}`));
  };
  list('单位名单中未收到报告的单位', s.missing);
  list('不在单位名单中的文件', s.unlisted);
  list('同一单位重复的文件', s.duplicates.map((d) => d.join(' 与 ')));
  list('年度不符的文件', s.wrongYear);
  list('单位之间雷同的段落', s.copied.map((c) => `${c.units[0]} 与 ${c.units[1]}（第${c.part}部分）：“${c.text.length > 50 ? `${c.text.slice(0, 50)}…` : c.text}”`));
  for (const t of s.totals) {
    const errors = t.findings.filter((f) => f.severity === 'error');
    lines.push('', `汇总表（${t.year}年度，${t.format}年格式，${t.units} 个单位）：${errors.length ? `${errors.length} 处不符合勾稽关系` : '合计数符合表内勾稽关系'}`);
    for (const f of errors) lines.push(`  ${f.row ?? ''} ${f.column ?? ''}：${f.message}`);
  }
  lines.push('', '加 --out 汇总.xlsx 可存为 Excel 工作簿（含问题清单），加 --out-report 可存为汇总报告文件。');
  return lines.join('\n');
}
