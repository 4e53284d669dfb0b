import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

// Something slow to make (an unpacked browser, files printed by LibreOffice) that every browser test file
// needs: vitest runs files in parallel processes, so the first one makes it and the others wait for it.

const STALE_MS = 10 * 60_000;

/**
 * Returns `folder` once it exists. The first caller makes it by filling a staging folder with `make`, which
 * is renamed into place when complete, so nobody ever sees it half made.
 */
export async function madeOnce(folder: string, make: (staging: string) => Promise<void>): Promise<string> {
  const lock = `${folder}.making`;
  mkdirSync(dirname(folder), { recursive: true });
  for (;;) {
    if (existsSync(folder)) return folder;
    try {
      mkdirSync(lock);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      // Another process is making it; a lock older than any making is from a killed run.
      const since = statSync(lock, { throwIfNoEntry: false })?.mtimeMs;
      if (since !== undefined && Date.now() - since > STALE_MS) rmSync(lock, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 500));
      continue;
    }
    try {
      const staging = `${lock}/staging`;
      mkdirSync(staging);
      await make(staging);
      renameSync(staging, folder);
      return folder;
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}
