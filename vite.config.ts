/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  build: {
    // Office PCs run Chromium-based browsers (360, Chrome, Edge) from 2021 on.
    target: 'chrome89',
  },
  server: { port: 5173, strictPort: true },
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 20000,
  },
});
