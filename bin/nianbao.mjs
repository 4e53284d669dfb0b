#!/usr/bin/env node
// The `nianbao` command: the compiled JavaScript in dist-cli/ (built by `npm ci` through the `prepare`
// script, or `npm run build:cli`). In a checkout that was never built, the TypeScript sources run through tsx.
try {
  await import('../dist-cli/bin.js');
} catch (e) {
  if (e?.code !== 'ERR_MODULE_NOT_FOUND' || !String(e.message).includes('dist-cli')) throw e;
  const { register } = await import('tsx/esm/api');
  register();
  const { main } = await import('../src/cli/main.ts');
  process.exitCode = await main(process.argv.slice(2));
}
