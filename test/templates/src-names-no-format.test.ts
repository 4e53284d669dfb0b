import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMATS } from '../../templates';
import { repoPath } from '../support/examples';

// Everything that differs between formats is in templates/: src/ names no format id and compares no format with one.

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.(ts|tsx|css)$/.test(name) ? [path] : [];
  });
}

describe('src/ reads formats from templates/', () => {
  it('names no format id and never compares format.id with a literal', () => {
    const ids = FORMATS.map((f) => f.id);
    expect(ids.length).toBeGreaterThanOrEqual(2);
    const literal = new RegExp(`['"\`](?:${ids.join('|')})['"\`]|format\\.id\\s*[!=]==?\\s*['"\`]`);
    const offending = sourceFiles(repoPath('src')).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => (literal.test(line) ? [`${relative(repoPath('.'), file)}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(offending).toEqual([]);
  });
});
