import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { repoPath } from '../../support/examples';

// The store is a React-free module that imports no feature; store-context.ts is its only React adapter.

const dir = repoPath('src/app/store');
const imports = (file: string) => [...readFileSync(`${dir}/${file}`, 'utf8').matchAll(/^import[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1]!);

describe('the store’s imports', () => {
  const files = readdirSync(dir).filter((f) => /\.tsx?$/.test(f));

  it('has its modules, and the adapter is the only one importing React', () => {
    expect(files).toContain('report-store.ts');
    expect(files.filter((f) => imports(f).some((i) => i === 'react' || i.startsWith('react-')))).toEqual(['store-context.ts']);
  });

  it('imports only the core, the templates and itself — no app feature', () => {
    for (const file of files) {
      for (const i of imports(file)) expect({ file, import: i, ok: i === 'react' || i.startsWith('./') || i.startsWith('../../core/') || i.startsWith('../../../templates') }).toEqual({ file, import: i, ok: true });
    }
  });
});
