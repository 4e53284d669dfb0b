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

export default defineConfig({
  // Relative asset paths: dist/ works from any folder of an intranet web server.
  base: './',
  plugins: [react(), devWithoutCsp()],
  build: {
    // Office PCs run Chromium-based browsers (360, Chrome, Edge) from 2021 on.
    target: 'chrome89',
    rollupOptions: {
      output: {
        // Intranet servers (IIS above all) refuse unknown extensions such as .mjs: ship pdf.js's worker as .js.
        assetFileNames: (asset) =>
          asset.names.some((n) => n.endsWith('.mjs')) ? 'assets/[name]-[hash].js' : 'assets/[name]-[hash][extname]',
      },
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
