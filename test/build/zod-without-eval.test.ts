import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';

// Under the page's policy (no 'unsafe-eval') zod's probe for `new Function` is a violation in the console
// (Firefox shows it): the app turns zod's compiled parsers off before any schema is built.

describe('zod without eval in the web app', () => {
  it('is configured before anything else the page imports', () => {
    const main = readFileSync(resolve(import.meta.dirname, '../../src/main.tsx'), 'utf8');
    expect(main.split('\n').find((l) => l.startsWith('import '))).toBe("import './app/shell/zod-without-eval';");
  });

  it('turns the compiled parsers off', async () => {
    await import('../../src/app/shell/zod-without-eval');
    expect(z.config().jitless).toBe(true);
  });
});
