import { countBySeverity, publicFinding } from '../../core/checker';
import type { CheckedFile } from '../../core/checked-file';
import { reportFormat, type Report } from '../../core/report';
import { checkImported, unreadableFinding } from '../../import';
import { parse, READ_OPTIONS, readOptions, UsageError, type Io } from '../args';
import { expandInputs, readInput, type InputResult } from '../input';
import { readInputs } from '../read-pool';
import { displayWidth, formatFindings } from '../output';

// `nianbao check`: report files and reports drafted elsewhere, files and folders, in any mix.
// One unreadable or hostile file never stops the batch. Exit: 0 fine, 1 error findings, 2 a file could not be read at all.

const PROGRESS_FROM = 20;

export async function runCheck(args: string[], io: Io, progress: ProgressSink = stderrProgress()): Promise<number> {
  const { values, positionals } = parse(args, { previous: { type: 'string' }, json: { type: 'boolean' }, ...READ_OPTIONS });
  const given = readOptions(values);
  if (positionals.length === 0) throw new UsageError('请给出要检查的报告文件或文件夹');
  let previous: Report | undefined;
  if (values.previous) {
    const prev = await readInput(values.previous as string);
    if (!prev.ok) {
      io.err(`nianbao：上年报告 ${values.previous as string} 无法读取：${prev.error}\n`);
      return 2;
    }
    previous = prev.report;
  }
  const files = await expandInputs(positionals);
  if (files.length === 0) {
    io.err('nianbao：给出的文件夹中没有可检查的文件（.json、.docx、.txt、.html、.htm、.pdf）\n');
    return 2;
  }
  const results: CheckedFile[] = [];
  const showProgress = files.length > PROGRESS_FROM && progress.active;
  // Files are read in order (read ahead in worker threads when NIANBAO_THREADS asks for them) and checked as they come.
  let i = 0;
  for await (const input of readInputs(files, given)) {
    const file = files[i]!;
    if (showProgress) progress.update(i, files.length, file);
    results.push(checkRead(file, input, previous));
    i++;
  }
  if (showProgress) progress.done();
  if (values.json) {
    io.out(`${JSON.stringify(results.map(toJson), null, 2)}\n`);
    for (const r of results) if (r.error) io.err(`nianbao：${r.file} 无法读取：${r.error}\n`);
    if (files.length > PROGRESS_FROM) io.err(`${summaryTable(results)}\n`);
  } else {
    for (const r of results) {
      if (r.error) {
        io.out(`${r.file}：无法读取 — ${r.error}\n\n`);
        continue;
      }
      const m = r.report!.meta;
      io.out(`${r.file} — ${m.agency || '（未写机关名称）'} ${m.year}年度（${r.report!.format}年格式）\n${formatFindings(r.findings, reportFormat(r.report!)).join('\n')}\n\n`);
    }
    if (files.length > PROGRESS_FROM) io.out(`${summaryTable(results)}\n`);
  }
  if (results.some((r) => r.error)) return 2;
  return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

function checkRead(file: string, input: InputResult, previous: Report | undefined): CheckedFile {
  try {
    if (!input.ok) return { file, findings: [unreadableFinding(input.error)], error: input.error };
    const findings = checkImported(input.report, input.readingFindings, previous, input.unseen);
    return { file, report: input.report, source: input.source, findings };
  } catch (e) {
    // A reader bug must not end the batch either.
    const error = `读取时出错（${(e as Error).message || String(e)}）`;
    return { file, findings: [unreadableFinding(error)], error };
  }
}

function toJson(r: CheckedFile) {
  if (r.error) return { file: r.file, format: null, year: null, agency: null, error: r.error, findings: r.findings.map(publicFinding) };
  return {
    file: r.file,
    format: r.report!.format,
    year: r.report!.meta.year,
    agency: r.report!.meta.agency,
    findings: r.findings.map(publicFinding),
  };
}

/** Files, errors and warnings, in total and by format (“无法读取” for files that could not be read). */
export function summaryTable(results: readonly CheckedFile[]): string {
  const groups = new Map<string, CheckedFile[]>();
  for (const r of results) {
    const key = r.error ? '无法读取' : `${r.report!.format}年格式`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const row = (name: string, rs: readonly CheckedFile[]) => {
    const counts = countBySeverity(rs.flatMap((r) => r.findings));
    const withErrors = rs.filter((r) => r.findings.some((f) => f.severity === 'error')).length;
    return [name, String(rs.length), String(withErrors), String(counts.error), String(counts.warning)];
  };
  const rows = [['', '文件', '有错误的文件', '错误', '警告'], ...[...groups].sort().map(([k, rs]) => row(k, rs)), row('合计', results)];
  const cols = rows[0]!.map((_, i) => Math.max(...rows.map((r) => displayWidth(r[i]!))));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c + ' '.repeat(cols[i]! - displayWidth(c)) : ' '.repeat(cols[i]! - displayWidth(c)) + c)).join('  ');
  return ['汇总', ...rows.map(line)].join('\n');
}

export type ProgressSink = { active: boolean; update: (done: number, total: number, file: string) => void; done: () => void };

/** A one-line progress bar on stderr, only when stderr is a terminal. */
function stderrProgress(): ProgressSink {
  const tty = process.stderr.isTTY === true;
  return {
    active: tty,
    update(done, total, file) {
      const width = 30;
      const filled = Math.round((done / total) * width);
      const name = file.length > 40 ? `…${file.slice(-39)}` : file;
      process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${name}\x1b[K`);
    },
    done() {
      process.stderr.write('\r\x1b[K');
    },
  };
}
