import { defineConfig } from 'vitest/config';

// `npm run test:corpus`: the readers and the checker over real published reports in ../shared/corpus and
// ../shared/corpus-web (the web-capture and conservation tests also run with `npm test`).
export default defineConfig({
  test: {
    include: ['test/corpus/*.corpus.ts', 'test/import/corpus-web.test.ts', 'test/import/conservation.test.ts'],
    environment: 'node',
    testTimeout: 60000,
  },
});
