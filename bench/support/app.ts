import { buildApp } from '../../test/e2e/support/app-build';
import { serveStatic, type StaticServer } from '../../test/e2e/support/static-server';

// One production build per benchmark run, shared by the browser benchmarks, served from 127.0.0.1.

let built: Promise<string> | undefined;

/** `vite build` into a temporary folder, once per run. */
export const builtApp = (): Promise<string> => (built ??= buildApp());

export async function serveApp(): Promise<StaticServer> {
  return serveStatic(await builtApp());
}
