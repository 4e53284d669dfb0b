import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchFigure } from './figure';
import { writeProvince } from './support/province';

// `nianbao summary` over a province: 2,000 distinct units of 334 counties sharing boilerplate (a statutory
// opening, a province template, each county's own template paragraph) and 1,000 exact copies of their files,
// --json to a file. The compiled command in its own process: time start to exit, peak memory (VmHWM) and
// the size of the JSON. Budgets (issue 17): ≤ 60 s and ≤ 1 GB on a 2-core machine, JSON ≤ 50 MB.

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function run({ quick }: { quick: boolean }): Promise<BenchFigure[]> {
  execFileSync(process.execPath, [join(root, 'bin', 'build-cli.mjs')], { stdio: 'inherit' });
  const [units, copies] = quick ? [400, 200] : [2000, 1000];
  const province = writeProvince(units, copies);
  const work = mkdtempSync(join(tmpdir(), 'nianbao-summary-bench-'));
  const peakFile = join(work, 'peak');
  const jsonFile = join(work, 'summary.json');
  try {
    const t0 = performance.now();
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${join(root, 'bench', 'support', 'peak-rss-of-cli.mjs')}" summary "${province.dir}" --json > "${jsonFile}"`], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, NIANBAO_PEAK_FILE: peakFile },
      maxBuffer: 64 * 1024 * 1024,
    });
    const seconds = (performance.now() - t0) / 1000;
    if (r.status !== 0 && r.status !== 1) throw new Error(`nianbao summary exited ${r.status}: ${r.stderr.toString().slice(-2000)}`);
    const peakMiB = Number(readFileSync(peakFile, 'utf8')) / 1024;
    const jsonMB = statSync(jsonFile).size / 1e6;
    const json = JSON.parse(readFileSync(jsonFile, 'utf8')) as { counted: { units: number }; copied: unknown[]; boilerplate: unknown[]; versions: unknown[] };
    const what = `${province.files} 个文件：${units} 个单位（共有模板段落）＋ ${copies} 份重复文件`;
    const note = `计入 ${json.counted.units} 个单位，雷同 ${json.copied.length} 组，通用表述 ${json.boilerplate.length} 段，多版本 ${json.versions.length} 组`;
    return [
      { figure: `nianbao summary 全省（${what}），整个进程用时`, median: seconds, unit: '秒', budget: { on: 'median', max: 60 }, note },
      { figure: `nianbao summary 全省（${what}），内存峰值`, median: peakMiB, unit: 'MiB', budget: { on: 'median', max: 1024 } },
      { figure: `nianbao summary 全省（${what}），--json 输出大小`, median: jsonMB, unit: 'MB', budget: { on: 'median', max: 50 } },
    ];
  } finally {
    province.remove();
    rmSync(work, { recursive: true, force: true });
  }
}
