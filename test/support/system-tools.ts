import { execFileSync } from 'node:child_process';

// Tests that need a system program (Chromium, LibreOffice, poppler) fail loudly in CI when it is missing,
// and skip with a printed reason elsewhere.

const found = new Map<string, boolean>();

function onPath(command: string): boolean {
  if (!found.has(command)) {
    try {
      execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
      found.set(command, true);
    } catch {
      found.set(command, false);
    }
  }
  return found.get(command)!;
}

/** True when every command is installed. In CI a missing one throws; elsewhere it prints why tests are skipped. */
export function haveTools(...commands: string[]): boolean {
  const missing = commands.filter((c) => !onPath(c));
  if (missing.length === 0) return true;
  const message = `missing ${missing.join(', ')}: install with apt-get install -y chromium libreoffice-writer libreoffice-calc poppler-utils fonts-noto-cjk`;
  if (process.env.CI === 'true') throw new Error(`${message} (required in CI)`);
  console.warn(`SKIPPED: ${message}`);
  return false;
}
