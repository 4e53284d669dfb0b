import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { DownloadedFile } from './driver';

// Browsers driven without a download event (old Chromium over CDP, Firefox over BiDi) save into a folder:
// the download is the file that appears there, once the browser has finished writing it.

const PARTIAL = /\.(crdownload|part)$/;

export async function downloadInto(folder: string, action: () => Promise<void>, timeoutMs = 30_000): Promise<DownloadedFile> {
  const before = new Set(readdirSync(folder));
  await action();
  const deadline = Date.now() + timeoutMs;
  let lastSize = -1;
  while (Date.now() < deadline) {
    const entries = readdirSync(folder).filter((f) => !before.has(f));
    const done = entries.filter((f) => !PARTIAL.test(f));
    if (done.length === 1 && !entries.some((f) => PARTIAL.test(f))) {
      const path = join(folder, done[0]!);
      const size = statSync(path).size;
      // No partial file left, and the size settled over one poll: the browser has finished writing.
      if (size === lastSize) return { name: done[0]!, bytes: readFileSync(path) };
      lastSize = size;
    }
    if (done.length > 1) throw new Error(`one action saved several files: ${done.join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no download arrived in ${folder} within ${timeoutMs / 1000} s`);
}
