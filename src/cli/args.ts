import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { FORMATS, type FormatId } from '../../templates';
import type { ReadOptions } from '../import';
import { parseReportYear } from '../core/report-year';

// What every command shares: usage errors, option parsing, safe file output.

export class UsageError extends Error {}

export type Io = { out: (s: string) => void; err: (s: string) => void };

export function parse(args: string[], options: ParseArgsOptionsConfig) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(parseErrorText(e, options));
  }
}

/** node:util's parse errors in Chinese, chosen by error code; the English text is only mined for the quoted name. */
function parseErrorText(e: unknown, options: ParseArgsOptionsConfig): string {
  const code = (e as { code?: unknown }).code;
  const quoted = /'([^']+)'/.exec((e as Error).message ?? '')?.[1]?.replace(/\s*<value>$/, '') ?? '';
  const known = Object.keys(options).map((name) => `--${name}`).join('、');
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `未知的选项 ${quoted}${known ? `（本命令可用：${known}）` : '（本命令没有选项）'}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      const option = options[quoted.replace(/^--?/, '')];
      return option?.type === 'boolean' ? `选项 ${quoted} 不带取值，请去掉“=”及其后的内容` : `选项 ${quoted} 缺少取值，请在其后空一格写上取值`;
    }
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `多余的参数 ${quoted}`;
    default:
      return '命令行参数有误，请对照下面的用法';
  }
}

/** `--year` and `--format` of the commands that read reports drafted elsewhere. */
export const READ_OPTIONS = { year: { type: 'string' }, format: { type: 'string' } } as const satisfies ParseArgsOptionsConfig;

/** The year and format the user gives for files that do not state them (or state them wrongly). */
export function readOptions(values: { year?: unknown; format?: unknown }): Omit<ReadOptions, 'fileName'> {
  const options: Omit<ReadOptions, 'fileName'> = {};
  if (values.year !== undefined) {
    const parsed = parseReportYear(String(values.year));
    if (!parsed.ok) throw new UsageError(`--year：${parsed.problem}`);
    options.year = parsed.year;
  }
  if (values.format !== undefined) {
    const format = FORMATS.find((f) => f.id === values.format);
    if (!format) throw new UsageError(`--format 应为 ${FORMATS.map((f) => f.id).join(' 或 ')}（统一格式的年份）`);
    options.format = format.id as FormatId;
  }
  return options;
}

/** Writes a result file; never overwrites an existing file unless --force. */
export async function writeOutput(path: string, content: string | Uint8Array, force: boolean, io: Io): Promise<number> {
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

