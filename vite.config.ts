/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

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

export default defineConfig({
  // Relative asset paths: dist/ works from any folder of an intranet web server.
  base: './',
  plugins: [react(), devWithoutCsp()],
  build: {
    // Office PCs run Chromium-based browsers (360, Chrome, Edge) from 2021 on.
    target: 'chrome89',
    rollupOptions: {
      output: { assetFileNames },
    },
  },
  // The 汇总 page's worker (src/app/summary/summary.worker.ts) is built on its own: the same rule for its assets.
  worker: { rollupOptions: { output: { assetFileNames } } },
  server: { port: 5173, strictPort: true },
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 20000,
    setupFiles: ['test/support/testing-library-setup.ts'],
  },
});
