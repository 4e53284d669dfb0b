import { parentPort } from 'node:worker_threads';
import { readInput, type InputResult } from './input';
import type { GivenOptions } from './read-pool';

// A worker thread of the compiled command: reads the files it is sent, one at a time, and posts back what
// the main thread needs (plain data). Built as dist-cli/read-worker.js.

type Request = { id: number; file: string; given: GivenOptions };

let queue: Promise<void> = Promise.resolve();
parentPort!.on('message', (m: Request) => {
  queue = queue.then(async () => {
    // readInput never throws: a file it cannot read is an error result (importFile's promise).
    const result: InputResult = await readInput(m.file, m.given);
    parentPort!.postMessage({ id: m.id, result });
  });
});
