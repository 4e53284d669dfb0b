import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { checkReport, publicFinding, type Finding } from '../core/checker';
import { newReport } from '../core/new-report';
import { AGENCY_KINDS, serializeReport, type AgencyKind, type Report } from '../core/report';
import { renderText } from '../render/text';
import { formatFindings } from './output';
import { readInput } from './input';

// The `nianbao` command. Returns the exit code: 0 fine, 1 error findings, 2 bad input or usage.

const USAGE = `用法：
  nianbao new --year 2024 --agency "某某局" [--kind 政府部门] [--out draft.json] [--force]
  nianbao check <报告.json>... [--previous 上年报告.json] [--json]
  nianbao generate <报告.json> [--out 报告.txt]

  new       新建某年度的空白报告（格式按年份自动选择）
  check     检查报告，按部分列出错误、警告和提示；有错误时退出码为 1，文件无法读取时为 2
  generate  生成标准格式的报告全文（.txt）`;

export class UsageError extends Error {}

type Io = { out: (s: string) => void; err: (s: string) => void };
const defaultIo: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'new':
        return await runNew(rest, io);
      case 'check':
        return await runCheck(rest, io);
      case 'generate':
        return await runGenerate(rest, io);
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        io.out(`${USAGE}\n`);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`未知的命令“${command}”`);
    }
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`nianbao：${(e as Error).message}\n\n${USAGE}\n`);
      return 2;
    }
    throw e;
  }
}

function parse(args: string[], options: ParseArgsOptionsConfig) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/^Unknown option '(.+)'.*$/s, '未知的选项 $1').replace(/^Option '(.+?)' argument missing.*$/s, '选项 $1 缺少取值'));
  }
}

async function writeOutput(path: string, content: string | Uint8Array, force: boolean, io: Io): Promise<number> {
  if (existsSync(path) && !force) {
    io.err(`nianbao：${path} 已存在，未覆盖。如需覆盖请加 --force。\n`);
    return 2;
  }
  try {
    await writeFile(path, content);
  } catch (e) {
    io.err(`nianbao：无法写入 ${path}（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）\n`);
    return 2;
  }
  return 0;
}

async function runNew(args: string[], io: Io): Promise<number> {
  const { values } = parse(args, {
    year: { type: 'string' },
    agency: { type: 'string' },
    kind: { type: 'string' },
    out: { type: 'string' },
    force: { type: 'boolean' },
  });
  const year = Number(values.year);
  if (!values.year || !Number.isInteger(year) || year < 2019 || year > 2100) throw new UsageError('--year 应为 2019 年以后的年份，如 --year 2024');
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

type CheckedFile = { file: string; report?: Report; findings: Finding[]; error?: string };

async function runCheck(args: string[], io: Io): Promise<number> {
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

async function runGenerate(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, { out: { type: 'string' }, force: { type: 'boolean' } });
  if (positionals.length !== 1) throw new UsageError('请给出一个报告文件');
  const file = positionals[0]!;
  const input = await readInput(file);
  if (!input.ok) {
    io.err(`nianbao：${file} 无法读取：${input.error}\n`);
    return 2;
  }
  const out = values.out as string | undefined;
  if (!out) {
    io.out(renderText(input.report));
    return 0;
  }
  const ext = extname(out).toLowerCase();
  if (ext !== '.txt') throw new UsageError(`不支持的输出格式“${ext || out}”：请用 .txt`);
  const code = await writeOutput(out, renderText(input.report), Boolean(values.force), io);
  if (code === 0) io.err(`已生成 ${out}\n`);
  return code;
}
