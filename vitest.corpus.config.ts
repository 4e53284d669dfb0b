import { defineConfig } from 'vitest/config';

// `npm run test:corpus`: the readers and the checker over real published reports in ../shared/corpus,
// ../shared/corpus-web and ../shared/corpus-web2 (the web-capture, property and conservation tests also run
// with `npm test`).
export default defineConfig({
  test: {
    include: ['test/corpus/*.corpus.ts', 'test/import/corpus-web.test.ts', 'test/import/corpus-web2.test.ts', 'test/import/corpus-properties.test.ts', 'test/import/conservation.test.ts'],
    environment: 'node',
    testTimeout: 60000,
  },
});
