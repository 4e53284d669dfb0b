import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

// Builds the app once into a temporary folder (never touching the repo's dist/).

const root = fileURLToPath(new URL('../../..', import.meta.url));

export async function buildApp(): Promise<string> {
  const outDir = join(mkdtempSync(join(tmpdir(), 'nianbao-dist-')), 'dist');
  await build({ root, configFile: join(root, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  return outDir;
}
