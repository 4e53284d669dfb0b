import { main } from './main';
import { setReadWorker } from './worker-location';

// Entry point of the compiled command (dist-cli/bin.js), run by bin/nianbao.mjs.
setReadWorker(new URL('./read-worker.js', import.meta.url));
process.exitCode = await main(process.argv.slice(2));
