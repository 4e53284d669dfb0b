import { readFile } from 'node:fs/promises';
import { parseReport, type Report } from '../core/report';
import type { Finding } from '../core/checker';

// Reads one input file of `nianbao check` into the report model. Never throws for a user's bad file.

export type InputResult = { ok: true; report: Report; readingFindings: Finding[] } | { ok: false; error: string };

export async function readInput(path: string): Promise<InputResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, error: code === 'ENOENT' ? '文件不存在' : code === 'EISDIR' ? '这是一个文件夹，不是文件' : `无法读取文件（${code ?? (e as Error).message}）` };
  }
  const loaded = parseReport(text);
  return loaded.ok ? { ok: true, report: loaded.report, readingFindings: [] } : loaded;
}
