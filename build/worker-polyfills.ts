import { detectPolyfills } from '@vitejs/plugin-legacy';
import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';

// @vitejs/plugin-legacy polyfills the page, not its workers. For the pdf.js worker the same detection
// (babel's core-js usage analysis for the given browsers) runs on each module of the worker bundle, and the
// core-js modules it names are imported at the top of that module, so the worker carries its own polyfills.

// Both builds (dist/ and nianbao.html) bundle the same worker in one process: detect once per module text.
const detected = new Map<string, string[]>();

export function workerPolyfills(targets: string[]): Plugin {
  return {
    name: 'nianbao-worker-polyfills',
    async transform(code, id) {
      // Only files of the worker's own graph: not core-js itself, nor the bundler's runtime helpers (\0 ids).
      if (id.startsWith('\0') || !/\.[cm]?[jt]s$/.test(id.split('?')[0]!) || id.includes('/node_modules/core-js/')) return null;
      const key = `${targets.join()}\n${createHash('sha256').update(code).digest('hex')}`;
      let polyfills = detected.get(key);
      if (!polyfills) {
        const found = new Set<string>();
        await detectPolyfills(code, targets, {}, found);
        polyfills = [...found];
        detected.set(key, polyfills);
      }
      if (polyfills.length === 0) return null;
      return { code: `${polyfills.map((m) => `import ${JSON.stringify(m)};`).join('\n')}\n${code}`, map: null };
    },
  };
}
