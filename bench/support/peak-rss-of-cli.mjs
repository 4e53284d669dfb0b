// Runs the compiled `nianbao` (dist-cli/) with the given arguments and, on exit, writes the process's peak
// resident set size (VmHWM; getrusage would count the parent's peak too) to the file named by NIANBAO_PEAK_FILE.
import { readFileSync, writeFileSync } from 'node:fs';

process.on('exit', () => {
  const hwm = /^VmHWM:\s+(\d+)\s+kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
  writeFileSync(process.env.NIANBAO_PEAK_FILE, String(hwm ?? process.resourceUsage().maxRSS));
});
await import('../../dist-cli/bin.js');
