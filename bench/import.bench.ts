import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { runCheck } from '../src/cli/commands/check';
import type { BenchFigure } from './figure';
import { writeReports, type Folder } from './support/generated';
import { percentile } from './stats';

// Reports per second through the real `nianbao check <folder> --json` batch (in this process, one core):
// read each file, import it, check it, print the findings. Text and Word documents as nianbao writes them.
// The .docx floor is what any reader has to do: read the file, unzip it and decode word/document.xml
// (the fastest way: inflated bytes through TextDecoder).

const SILENT = { out: () => {}, err: () => {} };
const NO_PROGRESS = { active: false, update: () => {}, done: () => {} };

async function batchSeconds(folder: Folder): Promise<number> {
  const t0 = performance.now();
  const code = await runCheck([folder.dir, '--json'], SILENT, NO_PROGRESS);
  const seconds = (performance.now() - t0) / 1000;
  // 0 or 1 (warnings and errors are findings); 2 would mean a file could not be read.
  if (code === 2) throw new Error(`nianbao check could not read some of ${folder.dir}`);
  return seconds;
}

async function floorSeconds(folder: Folder): Promise<number> {
  const utf8 = new TextDecoder();
  const t0 = performance.now();
  for (const file of folder.files) {
    const zip = await JSZip.loadAsync(await readFile(file));
    const body = await zip.file('word/document.xml')?.async('uint8array');
    if (!body || utf8.decode(body).length === 0) throw new Error(`${file}: no word/document.xml`);
  }
  return (performance.now() - t0) / 1000;
}

const PEAK_RSS = fileURLToPath(new URL('./support/check-peak-rss.ts', import.meta.url));
const REPO = fileURLToPath(new URL('..', import.meta.url));

/** Peak RSS of `nianbao check <folder> --json` in a process of its own, in MB. */
async function checkPeakRssMB(folder: Folder): Promise<number> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', PEAK_RSS, 'check', folder.dir, '--json'], {
    cwd: REPO,
    maxBuffer: 1024 * 1024,
  });
  const { code, maxRssKiB } = JSON.parse(stdout) as { code: number; maxRssKiB: number };
  if (code === 2) throw new Error(`nianbao check could not read some of ${folder.dir}`);
  return maxRssKiB / 1024;
}

const rates = (folder: Folder, seconds: number[]) => seconds.map((s) => folder.files.length / s);

export async function run({ quick }: { quick: boolean }): Promise<BenchFigure[]> {
  const rounds = quick ? 1 : 5;
  const text = await writeReports('txt', quick ? 200 : 1000);
  const docx = await writeReports('docx', quick ? 60 : 500);
  try {
    await batchSeconds(text); // warm-up: module loading and JIT
    const textRuns: number[] = [];
    for (let i = 0; i < rounds; i++) textRuns.push(await batchSeconds(text));

    await batchSeconds(docx);
    const docxRuns: number[] = [];
    const floorRuns: number[] = [];
    for (let i = 0; i < rounds; i++) {
      docxRuns.push(await batchSeconds(docx));
      floorRuns.push(await floorSeconds(docx));
    }
    const rss = await checkPeakRssMB(text);
    const docxTime = percentile(docxRuns, 50);
    const floorTime = percentile(floorRuns, 50);
    return [
      {
        figure: `检查文字报告（nianbao check 文件夹，${text.files.length} 份）`,
        median: percentile(rates(text, textRuns), 50),
        unit: '份/秒',
        budget: { on: 'median', min: 1000 },
        note: `${rounds} 轮的中位数；含读文件、读取、检查、输出`,
      },
      {
        figure: `检查 Word 报告（nianbao check 文件夹，${docx.files.length} 份）`,
        median: percentile(rates(docx, docxRuns), 50),
        unit: '份/秒',
        budget: { on: 'median', min: 200 },
        floor: {
          what: '解压并读出 document.xml',
          median: (floorTime / docx.files.length) * 1000,
          unit: 'ms/份',
          ratio: docxTime / floorTime,
          maxRatio: 3,
        },
        note: `${rounds} 轮的中位数；每份 ${((docxTime / docx.files.length) * 1000).toFixed(2)} ms`,
      },
      {
        figure: `nianbao check 内存峰值（RSS，${text.files.length} 份文字报告）`,
        median: rss,
        unit: 'MB',
        budget: { on: 'median', max: 250 },
        note: '独立进程，/proc/self/status 的 VmHWM',
      },
    ];
  } finally {
    text.remove();
    docx.remove();
  }
}
