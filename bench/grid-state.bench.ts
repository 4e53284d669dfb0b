import { createRequire } from 'node:module';
import type { BenchFigure } from './figure';
import { percentile } from './stats';

// Why the statutory grid stays on the external store rather than react-hook-form (docs/architecture.md).
// Both versions render every value cell of the 2021 format with its live problems and computed totals, in jsdom
// with React 19, and take the same edits (a digit into a table 三 cell, recheck, repaint what changed):
//  - store: ReportStore + useCell, each cell subscribed to its own slice (what the app ships);
//  - form: useForm with every cell registered; one useWatch recomputes totals and findings and hands each
//    memoised cell its problems and total (the natural way to get live cross-field checks out of a form).
// Reported: components rendered per edit, and ms per edit (React work + check, no layout or paint). A third
// version, the form without memoised cells, shows what the first attempt costs.

const require = createRequire(import.meta.url);
type JsdomModule = { JSDOM: new (html: string, options?: object) => { window: Window & typeof globalThis } };
const { JSDOM } = require('jsdom') as JsdomModule;

const EDITS_QUICK = 60;
const EDITS = 200;

export async function run({ quick }: { quick: boolean }): Promise<BenchFigure[]> {
  const dom = new JSDOM('<!doctype html><div id="root"></div>', { pretendToBeVisual: true });
  const g = globalThis as Record<string, unknown>;
  for (const key of ['window', 'document', 'navigator', 'HTMLElement', 'HTMLInputElement', 'Event', 'InputEvent', 'Node', 'MutationObserver']) {
    Object.defineProperty(g, key, { value: (dom.window as unknown as Record<string, unknown>)[key], configurable: true, writable: true });
  }
  g.IS_REACT_ACT_ENVIRONMENT = true;
  const { measure } = await import('./support/grid-state-versions');
  const edits = quick ? EDITS_QUICK : EDITS;
  const figures: BenchFigure[] = [];
  const names = { store: '外部 store（现行）', form: 'react-hook-form，单元格 memo', 'form-plain': 'react-hook-form，单元格未 memo' } as const;
  for (const version of ['store', 'form', 'form-plain'] as const) {
    const { ms, cellRenders, gridRenders, cellCount } = await measure(version, edits);
    const name = names[version];
    figures.push(
      {
        figure: `表格每次编辑重新渲染的组件数（${name}）`,
        unit: '个',
        median: percentile(cellRenders, 50) + percentile(gridRenders, 50),
        p95: percentile(cellRenders.map((c, i) => c + gridRenders[i]!), 95),
        note: percentile(gridRenders, 50) ? `其中表格级组件 ${percentile(gridRenders, 50)} 个，它每次比对全部 ${cellCount} 个单元格` : `共 ${cellCount} 个单元格，各自订阅`,
      },
      { figure: `表格每次编辑的 React 与检查用时（${name}，jsdom）`, unit: 'ms', median: percentile(ms, 50), p95: percentile(ms, 95) },
    );
  }
  return figures;
}
