import { type Dirent, readFileSync, statSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Finding } from '../core/checker';
import type { Report } from '../core/report';
import { fileSizeProblem, importFile, isImportable, type ReadOptions, type SourceKind, type Unseen } from '../import';

// Reads input files of `nianbao check` / `import` into the report model: .json report files, and
// reports drafted elsewhere (.docx, .txt, .html/.htm, .pdf). Never throws for a user's bad file.

export type InputResult =
  | { ok: true; report: Report; readingFindings: Finding[]; source: SourceKind; unseen?: Unseen; /** No year in the file: read with a provisional one. */ yearGuessed?: true }
  | { ok: false; error: string };

export async function readInput(path: string, options: Omit<ReadOptions, 'fileName'> = {}): Promise<InputResult> {
  let bytes: Uint8Array;
  try {
    // Synchronous reads: the batch handles one file at a time, and async stat+read cost ~30× more per small file.
    const info = statSync(path);
    if (info.isDirectory()) return { ok: false, error: '这是一个文件夹，不是文件' };
    // Refused before reading, so memory stays bounded whatever the file.
    const tooLarge = fileSizeProblem(info.size);
    if (tooLarge) return { ok: false, error: tooLarge };
    // A plain Uint8Array: pdf.js refuses Node's Buffer.
    bytes = new Uint8Array(readFileSync(path));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, error: code === 'ENOENT' ? '文件不存在' : code === 'EISDIR' ? '这是一个文件夹，不是文件' : `无法读取文件（${code ?? (e as Error).message}）` };
  }
  const read = await importFile(basename(path), bytes, options);
  if (!read.ok) return read;
  return { ok: true, report: read.report, readingFindings: read.findings, source: read.source, ...(read.unseen ? { unseen: read.unseen } : {}), ...(read.yearGuessed ? { yearGuessed: true as const } : {}) };
}

/** The files to check: files as given, directories searched recursively for supported files (sorted, hidden ones skipped). */
export async function expandInputs(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    let isDir = false;
    try {
      isDir = (await stat(path)).isDirectory();
    } catch {
      isDir = false;
    }
    // Appended one by one: push(...list) overflows the call stack past ~120,000 files.
    if (isDir) for (const f of await walk(path)) files.push(f);
    else files.push(path);
  }
  return files;
}

async function walk(dir: string): Promise<string[]> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (e.name.startsWith('.') || e.name.startsWith('~$')) continue;
    const full = join(dir, e.name);
    if (e.isDirectory()) for (const f of await walk(full)) out.push(f);
    else if (e.isFile() && isImportable(e.name)) out.push(full);
  }
  return out;
}
