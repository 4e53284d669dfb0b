import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ReadOptions } from '../import';
import { readInput, type InputResult } from './input';
import { readWorkerUrl } from './worker-location';

// Reads many files in order. The compiled command reads them in worker threads, one per core, while the
// main thread checks what has been read; a bounded window of files is in flight, so memory stays bounded.

/** Below this, starting workers costs more than it saves. */
const PARALLEL_FROM = 40;
const MAX_WORKERS = 4;
const IN_FLIGHT_PER_WORKER = 8;

/** What the user said of every file (--year, --format). */
export type GivenOptions = Omit<ReadOptions, 'fileName'>;

async function readSafely(file: string, given: GivenOptions): Promise<InputResult> {
  try {
    return await readInput(file, given);
  } catch (e) {
    // A reader bug must not end the batch.
    return { ok: false, error: `读取时出错（${(e as Error).message || String(e)}）` };
  }
}

type PoolWorker = { worker: Worker; pending: Map<number, { file: string; resolve: (r: InputResult) => void }>; broken: boolean };

export async function* readInputs(files: readonly string[], given: GivenOptions = {}): AsyncGenerator<InputResult> {
  const url = readWorkerUrl();
  // NIANBAO_THREADS caps the readers (1: all on the main thread), for a server shared with others.
  const cap = Number(process.env.NIANBAO_THREADS) || MAX_WORKERS;
  const count = Math.min(cap, MAX_WORKERS, availableParallelism());
  if (!url || files.length < PARALLEL_FROM || count < 2) {
    for (const file of files) yield await readSafely(file, given);
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
      for (const { file, resolve } of entry.pending.values()) void readSafely(file, given).then(resolve);
      entry.pending.clear();
    };
    entry.worker.on('error', fail);
    entry.worker.on('exit', fail);
    return entry;
  });
  const request = (id: number, file: string): Promise<InputResult> => {
    const healthy = pool.filter((p) => !p.broken);
    if (healthy.length === 0) return readSafely(file, given);
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
