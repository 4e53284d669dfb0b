/// <reference types="vitest/config" />
import legacy from '@vitejs/plugin-legacy';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type InlineConfig, type Plugin, type PluginOption } from 'vite';
import { BROWSER_FLOOR } from './build/browser-floor.ts';
import { inlineWorkers, singleFileBuild, singleFilePlugins } from './build/single-file.ts';
import { zodFirst } from './build/zod-chunk.ts';
import { workerPolyfills } from './build/worker-polyfills.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

// The Content-Security-Policy in index.html guards the built app; the dev server injects inline
// scripts and styles for hot reload, so it serves the page without that one meta tag.
const devWithoutCsp = (): Plugin => ({
  name: 'nianbao-dev-without-csp',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>/s, ''),
});

// Intranet servers (IIS above all) refuse unknown extensions such as .mjs: ship pdf.js's worker as .js.
const assetFileNames = (asset: { names: readonly string[] }) =>
  asset.names.some((n) => n.endsWith('.mjs')) ? 'assets/[name]-[hash].js' : 'assets/[name]-[hash][extname]';

// plugin-legacy puts its polyfills script first in <head>, before the charset and the policy: it goes just
// before the app's own module script instead (module scripts run in document order, so it still runs first).
const polyfillsAfterPolicy = (): Plugin => ({
  name: 'nianbao-polyfills-after-policy',
  apply: 'build',
  transformIndexHtml: {
    order: 'post',
    handler: (html) => {
      const polyfills = /\s*(<script type="module"[^>]*src="[^"]*\/polyfills-[^"]*"><\/script>)/.exec(html);
      if (!polyfills) return html;
      const rest = html.replace(polyfills[0], '');
      return rest.replace(/(\s*)(<script type="module")/, `$1${polyfills[1]}$1$2`);
    },
  },
});

/** What both builds (dist/index.html with its assets, and dist/nianbao.html) are made with. */
const appPlugins = (): PluginOption[] => [
  react(),
  // Modern chunks only (every supported browser runs ES modules), lowered to the floor, with the core-js
  // polyfills that the app and its libraries use and those browsers lack, in one script loaded first.
  legacy({ modernTargets: BROWSER_FLOOR, modernPolyfills: true, renderLegacyChunks: false }),
  polyfillsAfterPolicy(),
];
const worker = { plugins: () => [workerPolyfills(BROWSER_FLOOR)], rollupOptions: { output: { assetFileNames } } };

const singleFileConfig = (): InlineConfig => ({
  root,
  base: './',
  plugins: [...appPlugins(), ...singleFilePlugins(root)],
  define: { 'import.meta.env.NIANBAO_SINGLE_FILE': 'true' },
  worker: { ...worker, plugins: () => [...worker.plugins(), inlineWorkers()] },
});

export default defineConfig({
  // Relative asset paths: dist/ works from any folder of an intranet web server.
  base: './',
  plugins: [...appPlugins(), devWithoutCsp(), singleFileBuild(singleFileConfig)],
  worker,
  build: {
    rolldownOptions: {
      output: { assetFileNames, codeSplitting: { groups: [zodFirst] } },
    },
  },
  server: { port: 5173, strictPort: true },
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 20000,
    setupFiles: ['test/support/testing-library-setup.ts'],
  },
});
