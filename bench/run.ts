import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// `npm run bench [-- --quick]`: runs every bench/*.bench.ts and prints one table.
// Each bench module exports `run({ quick })` returning its figures.

export type BenchFigure = {
  figure: string;
  median?: number;
  p95?: number;
  unit: string;
  budget?: string;
  note?: string;
};
export type BenchModule = { run: (options: { quick: boolean }) => Promise<BenchFigure[]> };

const here = dirname(fileURLToPath(import.meta.url));
const quick = process.argv.includes('--quick');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);

const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !only || f.includes(only))
  .sort();
const rows: BenchFigure[] = [];
let failed = false;
for (const file of files) {
  const mod = (await import(join(here, file))) as BenchModule;
  try {
    rows.push(...(await mod.run({ quick })));
  } catch (e) {
    failed = true;
    console.error(`${file} failed: ${(e as Error).stack ?? String(e)}`);
  }
}
const fmt = (n: number | undefined) => (n === undefined ? '' : n < 1 ? n.toFixed(4) : n < 100 ? n.toFixed(2) : n.toFixed(0));
console.table(rows.map((r) => ({ figure: r.figure, median: fmt(r.median), p95: fmt(r.p95), unit: r.unit, budget: r.budget ?? '', note: r.note ?? '' })));
if (failed) process.exitCode = 1;
