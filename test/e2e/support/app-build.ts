import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

// The built app (dist/index.html with its assets, and dist/nianbao.html) in a folder of the system's temp
// directory, never the repo's dist/. A build lowers and polyfills for old browsers and makes the single file:
// minutes on a busy machine. So it is made once per state of its sources and shared by every browser test
// file and benchmark (vitest runs files in parallel processes: one builds, the others wait for it), and
// reused by later runs while no source changed.

const root = fileURLToPath(new URL('../../..', import.meta.url));
const SOURCES = ['src', 'templates', 'public', 'build', 'index.html', 'vite.config.ts', 'package-lock.json', 'tsconfig.json'];
/** How long a test may wait for the build (its own or another process's): hooks that call buildApp use it. */
export const BUILD_WAIT_MS = 15 * 60_000;

function sourcesHash(): string {
  const hash = createHash('sha256');
  const add = (path: string): void => {
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort()) add(join(path, name));
      return;
    }
    hash.update(relative(root, path)).update('\0').update(readFileSync(path)).update('\0');
  };
  for (const source of SOURCES) if (existsSync(join(root, source))) add(join(root, source));
  return hash.digest('hex').slice(0, 16);
}

export async function buildApp(): Promise<string> {
  const folder = join(tmpdir(), `nianbao-app-${sourcesHash()}`);
  const outDir = join(folder, 'dist');
  const done = join(folder, 'built');
  const lock = join(folder, 'building');
  mkdirSync(folder, { recursive: true });
  const started = Date.now();
  while (!existsSync(done)) {
    if (takeLock(lock)) {
      try {
        if (!existsSync(done)) {
          await viteBuild(outDir);
          writeFileSync(done, new Date().toISOString());
        }
      } finally {
        rmSync(lock, { recursive: true, force: true });
      }
      break;
    }
    if (Date.now() - started > BUILD_WAIT_MS) throw new Error(`waited ${BUILD_WAIT_MS / 60_000} minutes for another process to build the app in ${folder}`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return outDir;
}

/** mkdir is atomic: one process gets the lock. A lock older than the longest build is from a killed run. */
function takeLock(lock: string): boolean {
  try {
    mkdirSync(lock);
    return true;
  } catch {
    try {
      if (Date.now() - statSync(lock).mtimeMs > BUILD_WAIT_MS) rmSync(lock, { recursive: true, force: true });
    } catch {
      // Removed meanwhile by its owner.
    }
    return false;
  }
}

async function viteBuild(outDir: string): Promise<void> {
  // What ships is built with NODE_ENV=production (React's production build); vitest has set it to 'test',
  // which vite would keep. Put it back afterwards, so React imported later in the same process (the bench's
  // grid-state figures) is its development build, with act().
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root, configFile: join(root, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}
