import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ReadOptions } from '../import';
import { readInput, type InputResult } from './input';
import { readWorkerUrl } from './worker-location';

// Reads many files in order. By default on the main thread: measured on a 2-core machine shared with other
// work (docs/performance.md), worker threads cost 35-45 % more CPU (each thread loads and warms up the
// reader and its caches, and every report is copied back) and were 30-45 % slower from start to exit.
// NIANBAO_THREADS=N (N ≥ 2) asks the compiled command for N reader threads, for a machine with idle
// cores; the main thread then checks what has been read while a bounded window of files is in flight.

/** Below this, starting workers costs more than it saves. */
const PARALLEL_FROM = 40;
const MAX_WORKERS = 4;
const IN_FLIGHT_PER_WORKER = 8;

/** What the user said of every file (--year, --format). */
export type GivenOptions = Omit<ReadOptions, 'fileName'>;

type PoolWorker = { worker: Worker; pending: Map<number, { file: string; resolve: (r: InputResult) => void }>; broken: boolean };

export async function* readInputs(files: readonly string[], given: GivenOptions = {}): AsyncGenerator<InputResult> {
  const url = readWorkerUrl();
  // Unset or 1: all on the main thread. More: that many reader threads, at most one per core.
  const asked = Math.floor(Number(process.env.NIANBAO_THREADS)) || 1;
  const count = Math.min(asked, MAX_WORKERS, availableParallelism());
  if (!url || files.length < PARALLEL_FROM || count < 2) {
    for (const file of files) yield await readInput(file, given);
    return;
  }
  const pool: PoolWorker[] = Array.from({ length: count }, () => {
    const entry: PoolWorker = { worker: new Worker(url), pending: new Map(), broken: false };
    entry.worker.on('message', (m: { id: number; result: InputResult }) => {
      entry.pending.get(m.id)?.resolve(m.result);
      entry.pending.delete(m.id);
    });
    // A worker that dies hands its files back to the main thread.
    const fail = () => {
      entry.broken = true;
      for (const { file, resolve } of entry.pending.values()) void readInput(file, given).then(resolve);
      entry.pending.clear();
    };
    entry.worker.on('error', fail);
    entry.worker.on('exit', fail);
    return entry;
  });
  const request = (id: number, file: string): Promise<InputResult> => {
    const healthy = pool.filter((p) => !p.broken);
    if (healthy.length === 0) return readInput(file, given);
    const target = healthy.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
    return new Promise((resolve) => {
      target.pending.set(id, { file, resolve });
      target.worker.postMessage({ id, file, given });
    });
  };
  const window = count * IN_FLIGHT_PER_WORKER;
  const inFlight = new Map<number, Promise<InputResult>>();
  let next = 0;
  try {
    for (let i = 0; i < files.length; i++) {
      while (next < files.length && next < i + window) {
        inFlight.set(next, request(next, files[next]!));
        next++;
      }
      const result = await inFlight.get(i)!;
      inFlight.delete(i);
      yield result;
    }
  } finally {
    for (const p of pool) {
      p.worker.removeAllListeners('exit');
      p.broken = true;
    }
    await Promise.all(pool.map((p) => p.worker.terminate()));
  }
}
