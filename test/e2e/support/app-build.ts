import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

// Builds the app once into a temporary folder (never touching the repo's dist/).

const root = fileURLToPath(new URL('../../..', import.meta.url));

export async function buildApp(): Promise<string> {
  const outDir = join(mkdtempSync(join(tmpdir(), 'nianbao-dist-')), 'dist');
  // vite build sets NODE_ENV=production for the whole process; put it back, so React imported later in the
  // same process (the bench's grid-state figures) is its development build, with act().
  const nodeEnv = process.env.NODE_ENV;
  try {
    await build({ root, configFile: join(root, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  return outDir;
}
