import { existsSync, readdirSync, readFileSync } from 'node:fs';

// The real reports beside the repository (../shared/corpus, ../shared/corpus-web, ../shared/corpus-web2). A test that needs them
// fails loudly in CI when they are missing, and skips with a printed reason elsewhere.

export type SharedCorpus = { present: boolean; files: string[]; read: (name: string) => Uint8Array; dir: URL };

export type CorpusName = 'corpus' | 'corpus-web' | 'corpus-web2';

export function sharedCorpus(name: CorpusName): SharedCorpus {
  const dir = new URL(`../../../shared/${name}/`, import.meta.url);
  const present = existsSync(dir);
  if (!present) {
    if (process.env.CI === 'true') throw new Error(`../shared/${name} is missing (required in CI)`);
    console.warn(`SKIPPED: ../shared/${name} not found beside the repository`);
  }
  const files = present ? readdirSync(dir).filter((f) => /\.(txt|html?|docx|pdf)$/i.test(f)).sort() : [];
  return { present, files, dir, read: (file) => new Uint8Array(readFileSync(new URL(file, dir))) };
}
