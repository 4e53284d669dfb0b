import { existsSync, readdirSync, readFileSync } from 'node:fs';

// The real reports beside the repository (../shared/corpus, ../shared/corpus-web). A test that needs them
// fails loudly in CI when they are missing, and skips with a printed reason elsewhere.

export type SharedCorpus = { present: boolean; files: string[]; read: (name: string) => Uint8Array; dir: URL };

export function sharedCorpus(name: 'corpus' | 'corpus-web'): SharedCorpus {
  const dir = new URL(`../../../shared/${name}/`, import.meta.url);
  const present = existsSync(dir);
  if (!present) {
    if (process.env.CI === 'true') throw new Error(`../shared/${name} is missing (required in CI)`);
    console.warn(`SKIPPED: ../shared/${name} not found beside the repository`);
  }
  const files = present ? readdirSync(dir).filter((f) => /\.(txt|html?|docx|pdf)$/i.test(f)).sort() : [];
  return { present, files, dir, read: (file) => new Uint8Array(readFileSync(new URL(file, dir))) };
}
