import type { Summary } from '../../summary';
import type { EngineRequest, EngineResponse } from './engine-protocol';
import type { EngineOptions, FileEntry, FileToRead } from './summary-engine';

// The page's handle on the summary engine: in a Web Worker where the browser makes one (reading and
// checking 300 files then never blocks the page), else in the page itself (old browsers, tests).

export type EngineClient = {
  read(file: FileToRead): Promise<FileEntry>;
  put(entries: readonly FileEntry[]): void;
  remove(ids: readonly string[]): void;
  build(order: readonly string[], options: EngineOptions): Promise<Summary | undefined>;
  /** Where the work runs: said in tests and in the bench. */
  readonly where: 'worker' | 'page';
  dispose(): void;
};

function workerClient(worker: Worker): EngineClient {
  let seq = 0;
  const waiting = new Map<number, { resolve: (r: EngineResponse) => void; reject: (e: Error) => void }>();
  const rows = new Map<number, Summary['units']>();
  worker.onmessage = (event: MessageEvent<EngineResponse>) => {
    const message = event.data;
    if (message.kind === 'rows') {
      rows.set(message.seq, [...(rows.get(message.seq) ?? []), ...message.rows]);
      return;
    }
    if (message.kind === 'built' && message.summary) message.summary.units = rows.get(message.seq) ?? [];
    rows.delete(message.seq);
    const w = waiting.get(event.data.seq);
    waiting.delete(event.data.seq);
    w?.resolve(event.data);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    const error = new Error(event.message || '后台读取出错');
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
  };
  const ask = (request: EngineRequest & { seq: number }) =>
    new Promise<EngineResponse>((resolve, reject) => {
      waiting.set(request.seq, { resolve, reject });
      worker.postMessage(request);
    });
  return {
    where: 'worker',
    async read(file) {
      const r = await ask({ kind: 'read', seq: ++seq, file });
      if (r.kind !== 'read') throw new Error('后台读取出错');
      return r.entry;
    },
    put(entries) {
      // In slices: cloning hundreds of reports in one message would hold the page up.
      for (let i = 0; i < entries.length; i += 20) worker.postMessage({ kind: 'put', entries: entries.slice(i, i + 20) } satisfies EngineRequest);
    },
    remove(ids) {
      worker.postMessage({ kind: 'remove', ids: [...ids] } satisfies EngineRequest);
    },
    async build(order, options) {
      const r = await ask({ kind: 'build', seq: ++seq, order: [...order], options });
      if (r.kind === 'failed') throw new Error(r.message);
      if (r.kind !== 'built') throw new Error('后台汇总出错');
      return r.summary;
    },
    dispose: () => worker.terminate(),
  };
}

async function pageClient(): Promise<EngineClient> {
  const { SummaryEngine } = await import('./summary-engine');
  const engine = new SummaryEngine();
  // Yield between steps so the page can paint its progress.
  const breathe = () => new Promise<void>((r) => setTimeout(r, 0));
  return {
    where: 'page',
    read: async (file) => {
      await breathe();
      return engine.read(file);
    },
    put: (entries) => engine.put(entries),
    remove: (ids) => engine.remove(ids),
    build: async (order, options) => {
      await breathe();
      return engine.build(order, options);
    },
    dispose: () => undefined,
  };
}

async function makeWorker(): Promise<Worker | undefined> {
  // nianbao.html runs the engine in the page (reading still yields between files): a worker there would carry
  // a second copy of the reader and pdf.js inside the one file, past its size budget.
  if (typeof Worker === 'undefined' || import.meta.env.NIANBAO_SINGLE_FILE) return undefined;
  try {
    const { default: SummaryWorker } = await import('./summary.worker?worker');
    return new SummaryWorker({ name: 'summary' });
  } catch {
    // A browser that refuses module workers (or a page opened from a file it may not spawn from).
    return undefined;
  }
}

/** The engine in a worker when one starts and answers (within 15 s), else in the page. */
export async function createEngine(options: { worker?: boolean } = {}): Promise<EngineClient> {
  const worker = options.worker === false ? undefined : await makeWorker();
  if (!worker) return pageClient();
  const client = workerClient(worker);
  const answered = await Promise.race([
    client.build([], {}).then(() => true, () => false),
    new Promise<boolean>((r) => setTimeout(() => r(false), 15_000)),
  ]);
  if (answered) return client;
  client.dispose();
  return pageClient();
}
