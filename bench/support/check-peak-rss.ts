import { readFileSync } from 'node:fs';
import { main } from '../../src/cli/main';

// Runs `nianbao check <args>` as the command does (in its own process, through tsx) and prints the
// process's peak resident set size afterwards. Output is discarded: only the memory is of interest.
//
// The peak is VmHWM of /proc/self/status: getrusage's ru_maxrss would also count the benchmark
// process this one was forked from (Linux carries the parent's peak over the exec).

function peakKiB(): number {
  try {
    const hwm = /^VmHWM:\s+(\d+)\s+kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (hwm) return Number(hwm);
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS;
}

const code = await main(process.argv.slice(2), { out: () => {}, err: () => {} });
process.stdout.write(`${JSON.stringify({ code, maxRssKiB: peakKiB() })}\n`);
