import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { judge, toMarkdown, toRow, type BenchFigure, type Judged } from './figure';

// `npm run bench [-- --quick] [-- --only=<name>]`: runs every bench/*.bench.ts, prints one table
// (figure, median, p95, budget, floor, ratio) and writes the same to bench/results.json.
// A missed budget is reported, not fatal: timings on a shared CI machine are too noisy to gate on.
// `--strict` makes a missed budget exit 1 (for a quiet machine); `--markdown` also prints the table as Markdown.

export type { BenchFigure } from './figure';
export type BenchModule = { run: (options: { quick: boolean }) => Promise<BenchFigure[]> };

const here = dirname(fileURLToPath(import.meta.url));
const quick = process.argv.includes('--quick');
const strict = process.argv.includes('--strict');
const markdown = process.argv.includes('--markdown');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);

const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !only || only.split(',').some((o) => f.includes(o)))
  .sort();
const judged: Judged[] = [];
const failures: string[] = [];
const started = performance.now();
for (const file of files) {
  const t0 = performance.now();
  try {
    const mod = (await import(join(here, file))) as BenchModule;
    for (const figure of await mod.run({ quick })) judged.push({ ...judge(figure), file });
  } catch (e) {
    failures.push(file);
    console.error(`${file} failed: ${(e as Error).stack ?? String(e)}`);
  }
  if (process.env.BENCH_VERBOSE) console.error(`${file}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

console.table(judged.map(toRow));
if (markdown) console.log(`\n${toMarkdown(judged)}\n`);
const missed = judged.filter((j) => j.status === 'missed');
console.log(
  `${judged.length} 项指标，${judged.filter((j) => j.status === 'met').length} 项达到预算，${missed.length} 项未达到` +
    `${missed.length ? `（${missed.map((m) => m.figure).join('；')}）` : ''}；用时 ${((performance.now() - started) / 1000).toFixed(0)} 秒。`,
);

writeFileSync(
  join(here, 'results.json'),
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      quick,
      commit: gitCommit(),
      node: process.version,
      cpu: `${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}`,
      figures: judged,
      failed: failures,
    },
    null,
    2,
  )}\n`,
);

if (failures.length || (strict && missed.length)) process.exitCode = 1;

function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: here, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}
