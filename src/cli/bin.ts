import { main } from './main';

// Entry point of the compiled command (dist-cli/bin.js), run by bin/nianbao.mjs.
process.exitCode = await main(process.argv.slice(2));
