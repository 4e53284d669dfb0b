/// <reference lib="webworker" />
import { SummaryEngine } from './summary-engine';
import type { EngineRequest, EngineResponse } from './engine-protocol';

// The 汇总 page's worker: reading (pdf.js, docx, text), checking and summing happen here, so the page stays
// responsive with hundreds of files. One entry file; created by engine-client.ts through Vite's
// `?worker` import (so the single-file build can hold it as a Blob worker, as it does pdf.js's).

// pdf.js parses in this thread, already off the page's: loading its worker module sets the global pdf.js then
// uses instead of starting a nested worker (one copy of its worker code per bundle).
const engine = new SummaryEngine(() => import('../shared/pdf.worker'));
const ROWS_PER_MESSAGE = 40;
const scope = self as unknown as DedicatedWorkerGlobalScope;
const reply = (message: EngineResponse) => scope.postMessage(message);

scope.onmessage = (event: MessageEvent<EngineRequest>) => {
  const request = event.data;
  switch (request.kind) {
    case 'read':
      void engine.read(request.file).then((entry) => reply({ kind: 'read', seq: request.seq, entry }));
      return;
    case 'put':
      engine.put(request.entries);
      return;
    case 'remove':
      engine.remove(request.ids);
      return;
    case 'build':
      try {
        const summary = engine.build(request.order, request.options);
        if (!summary) return reply({ kind: 'built', seq: request.seq, summary });
        for (let i = 0; i < summary.units.length; i += ROWS_PER_MESSAGE) reply({ kind: 'rows', seq: request.seq, rows: summary.units.slice(i, i + ROWS_PER_MESSAGE) });
        reply({ kind: 'built', seq: request.seq, summary: { ...summary, units: [] } });
      } catch (e) {
        reply({ kind: 'failed', seq: request.seq, message: (e as Error).message || String(e) });
      }
      return;
  }
};
