import { main } from '../../src/cli/main';

// Runs `nianbao check <args>` as the command does (in its own process, through tsx) and prints the
// process's peak resident set size afterwards. Output is discarded: only the memory is of interest.

const code = await main(process.argv.slice(2), { out: () => {}, err: () => {} });
process.stdout.write(`${JSON.stringify({ code, maxRssKiB: process.resourceUsage().maxRSS })}\n`);
