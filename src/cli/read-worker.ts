import { parentPort } from 'node:worker_threads';
import { readInput, type InputResult } from './input';
import type { GivenOptions } from './read-pool';

// A worker thread of the compiled command: reads the files it is sent, one at a time, and posts back what
// the main thread needs (plain data). Built as dist-cli/read-worker.js.

type Request = { id: number; file: string; given: GivenOptions };

let queue: Promise<void> = Promise.resolve();
parentPort!.on('message', (m: Request) => {
  queue = queue.then(async () => {
    let result: InputResult;
    try {
      result = await readInput(m.file, m.given);
    } catch (e) {
      result = { ok: false, error: `读取时出错（${(e as Error).message || String(e)}）` };
    }
    parentPort!.postMessage({ id: m.id, result });
  });
});
