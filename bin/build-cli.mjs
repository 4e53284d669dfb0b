#!/usr/bin/env node
// Compiles the `nianbao` command into plain JavaScript (dist-cli/), so it starts without a TypeScript loader.
// Run by `npm ci` / `npm install` (the `prepare` script) and by `npm run build:cli`.
// Libraries stay in node_modules (loaded only by the commands that need them); the project's own code is
// bundled, one chunk per command, so `nianbao --help` reads almost nothing.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist-cli');
rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: ['src/cli/bin.ts', 'src/cli/read-worker.ts'],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  chunkNames: 'chunks/[name]-[hash]',
  legalComments: 'none',
  logLevel: 'warning',
});
