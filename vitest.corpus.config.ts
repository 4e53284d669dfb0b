import { defineConfig } from 'vitest/config';

// `npm run test:corpus`: the readers and the checker over real published reports in ../shared/corpus.
export default defineConfig({
  test: {
    include: ['test/corpus/*.corpus.ts'],
    environment: 'node',
    testTimeout: 60000,
  },
});
