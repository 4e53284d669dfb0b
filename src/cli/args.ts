import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';

// What every command shares: usage errors, option parsing, safe file output.

export class UsageError extends Error {}

export type Io = { out: (s: string) => void; err: (s: string) => void };

export function parse(args: string[], options: ParseArgsOptionsConfig) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/^Unknown option '(.+)'.*$/s, '未知的选项 $1').replace(/^Option '(.+?)' argument missing.*$/s, '选项 $1 缺少取值'));
  }
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

