import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchFigure } from './figure';
import { percentile } from './stats';
import { writeReports } from './support/generated';

// The `nianbao` command as users run it: the compiled JavaScript started by plain node, timed from outside
// (start to exit, start-up included). Start-up is compared with a bare `node -e ''`; whole-process throughput
// of `check --json` over folders of text and Word reports; `summary` over a province-sized folder with its peak memory.

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(root, 'bin', 'nianbao.mjs');

function wall(args: readonly string[], env: NodeJS.ProcessEnv = process.env): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { stdio: 'ignore', env });
  const ms = performance.now() - t0;
  if (r.status !== 0 && r.status !== 1) throw new Error(`node ${args.join(' ')} exited ${r.status}`);
  return ms;
}

export async function run({ quick }: { quick: boolean }): Promise<BenchFigure[]> {
  execFileSync(process.execPath, [join(root, 'bin', 'build-cli.mjs')], { stdio: 'inherit' });
  const figures: BenchFigure[] = [];

  // Start-up: pairs A B A B…, so drift of a shared machine hits both.
  const runs = quick ? 10 : 30;
  const cli: number[] = [];
  const bare: number[] = [];
  wall([BIN, '--version']);
  for (let i = 0; i < runs; i++) {
    cli.push(wall([BIN, '--version']));
    bare.push(wall(['-e', '']));
  }
  const ratio = percentile(cli, 50) / percentile(bare, 50);
  figures.push({
    figure: '命令启动（nianbao --version，整个进程）',
    median: percentile(cli, 50),
    p95: percentile(cli, 95),
    unit: 'ms',
    floor: { what: "node -e ''", median: percentile(bare, 50), unit: 'ms', ratio, maxRatio: 2 },
    note: `${runs} 对交替运行`,
  });

  for (const [kind, count, min] of [
    ['txt', quick ? 300 : 2000, 1000],
    ['docx', quick ? 80 : 400, 250],
  ] as const) {
    const folder = await writeReports(kind, count);
    try {
      // Default (all on the main thread) and two reader threads (NIANBAO_THREADS=2), to compare: the default
      // was chosen by these two figures (docs/performance.md), so both stay in the table.
      const { NIANBAO_THREADS: _, ...unset } = process.env;
      for (const [label, env] of [
        ['', unset],
        ['，两个读取线程', { ...unset, NIANBAO_THREADS: '2' }],
      ] as const) {
        const times = Array.from({ length: quick ? 1 : 3 }, () => wall([BIN, 'check', folder.dir, '--json'], env));
        const perSecond = times.map((ms) => (count / ms) * 1000);
        figures.push({
          figure: `nianbao check 文件夹 --json，整个进程（${count} 份 .${kind}${label}）`,
          median: percentile(perSecond, 50),
          unit: '份/秒',
          ...(label ? {} : { budget: { on: 'median' as const, min } }),
          note: `${times.length} 次，中位数用时 ${(percentile(times, 50) / 1000).toFixed(2)} 秒`,
        });
      }
    } finally {
      folder.remove();
    }
  }

  // A province: 3,000 files (text reports), bounded memory.
  const provinceCount = quick ? 500 : 3000;
  const province = await writeReports('txt', provinceCount);
  const peakFile = join(mkdtempSync(join(tmpdir(), 'nianbao-peak-')), 'peak');
  try {
    const ms = wall([join(root, 'bench', 'support', 'peak-rss-of-cli.mjs'), 'summary', province.dir, '--json'], { ...process.env, NIANBAO_PEAK_FILE: peakFile });
    const peakMiB = Number(readFileSync(peakFile, 'utf8')) / 1024;
    figures.push({ figure: `nianbao summary ${provinceCount} 份报告，整个进程用时`, median: ms / 1000, unit: '秒', note: `${((provinceCount / ms) * 1000).toFixed(0)} 份/秒` });
    figures.push({ figure: `nianbao summary ${provinceCount} 份报告，内存峰值`, median: peakMiB, unit: 'MiB', budget: { on: 'median', max: 600 } });
  } finally {
    province.remove();
    rmSync(dirname(peakFile), { recursive: true, force: true });
  }
  return figures;
}
