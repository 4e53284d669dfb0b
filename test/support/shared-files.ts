import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// Tests that read ../shared (the spec and the corpora beside the repository) fail loudly in CI when it is missing,
// and skip with a printed reason elsewhere — as tests needing a system program do (system-tools.ts).

/** The file in ../shared, or undefined (with the reason printed) when it is missing outside CI. */
export function sharedFile(relative: string): URL | undefined {
  const url = new URL(`../../../shared/${relative}`, import.meta.url);
  if (existsSync(url)) return url;
  const message = `missing ${fileURLToPath(url)}: the shared spec and corpora belong beside the repository`;
  if (process.env.CI === 'true') throw new Error(`${message} (required in CI)`);
  console.warn(`SKIPPED: ${message}`);
  return undefined;
}
