import { checkReport, type Finding } from '../../core/checker';
import { cellInputText, writeCellText } from '../../core/cell-input';
import { cellIndex, reportFormat, type Report } from '../../core/report';
import { computedCells, withComputedTotals } from '../../core/totals';
import type { CellDef, FormatDef } from '../../../templates';

// The report being edited lives outside React: a keystroke updates one cell, recomputes the totals,
// re-runs the checker, and wakes only the cells whose text or problems changed plus the report-level views.

type Listener = () => void;

const NO_FINDINGS: readonly Finding[] = [];


const findingSignature = (list: readonly Finding[]): string =>
  list.map((f) => `${f.severity}|${f.rule}|${f.message}|${f.acknowledged ?? ''}`).join('\n');

export class ReportStore {
  private report: Report;
  private format: FormatDef;
  private findings: Finding[] = [];
  private byCell = new Map<string, readonly Finding[]>();
  private readonly cellListeners = new Map<string, Set<Listener>>();
  private readonly reportListeners = new Set<Listener>();
  private readonly changeListeners = new Set<(report: Report) => void>();

  constructor(report: Report) {
    this.format = reportFormat(report);
    this.report = this.normalized(report);
    this.recheck();
  }

  getReport = (): Report => this.report;
  getFindings = (): Finding[] => this.findings;
  getFormat = (): FormatDef => this.format;

  cellText(key: string): string {
    return cellInputText(this.report, key);
  }

  cellFindings(key: string): readonly Finding[] {
    return this.byCell.get(key) ?? NO_FINDINGS;
  }

  /** True when the form computes this cell (totals not typed by hand). */
  isComputed(key: string): boolean {
    return !this.report.typedTotals && computedCells(this.format).has(key);
  }

  subscribeCell(key: string, listener: Listener): () => void {
    let set = this.cellListeners.get(key);
    if (!set) this.cellListeners.set(key, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  subscribe = (listener: Listener): (() => void) => {
    this.reportListeners.add(listener);
    return () => this.reportListeners.delete(listener);
  };

  /** Called after every change with the new report (autosave listens here). */
  onChange(listener: (report: Report) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  setCell(key: string, raw: string): void {
    this.setCells([[key, raw]]);
  }

  /** Writes several cells at once (a paste), skipping cells the form computes. */
  setCells(entries: readonly (readonly [string, string])[]): void {
    const index = cellIndex(this.format);
    const next: Report = { ...this.report, values: { ...this.report.values }, written: { ...this.report.written } };
    const touched = new Set<string>();
    for (const [key, raw] of entries) {
      const def = index.get(key);
      if (!def || this.isComputed(key)) continue;
      writeCellText(next, def, raw);
      touched.add(key);
    }
    if (touched.size === 0) return;
    this.commit(next, touched);
  }

  /** Any other change (meta, narrative, acknowledgements, the totals switch). */
  update(change: (report: Report) => Report): void {
    this.commit(this.normalized(change(this.report)), new Set(this.format.cells.map((c) => c.key)));
  }

  private normalized(report: Report): Report {
    this.format = reportFormat(report);
    if (report.typedTotals) return report;
    const computed = computedCells(this.format);
    const written = Object.fromEntries(Object.entries(report.written).filter(([k]) => !computed.has(k)));
    return { ...report, values: withComputedTotals(this.format, report.values), written };
  }

  private commit(next: Report, touched: Set<string>): void {
    const before = this.report;
    this.report = this.report.typedTotals && next.typedTotals ? next : this.normalized(next);
    const changed = new Set(touched);
    if (!this.report.typedTotals) {
      for (const key of computedCells(this.format)) {
        if (before.values[key] !== this.report.values[key]) changed.add(key);
      }
    }
    const previousByCell = this.byCell;
    this.recheck();
    for (const key of new Set([...previousByCell.keys(), ...this.byCell.keys()])) {
      if (findingSignature(previousByCell.get(key) ?? NO_FINDINGS) !== findingSignature(this.cellFindings(key))) changed.add(key);
      else if (previousByCell.has(key)) this.byCell.set(key, previousByCell.get(key)!);
    }
    for (const key of changed) this.cellListeners.get(key)?.forEach((l) => l());
    this.reportListeners.forEach((l) => l());
    this.changeListeners.forEach((l) => l(this.report));
  }

  private recheck(): void {
    this.findings = checkReport(this.report);
    const byCell = new Map<string, Finding[]>();
    for (const f of this.findings) {
      // Blank rows are listed in the panel; marking one arbitrary blank cell per row would only distract.
      if (!f.cell || f.severity === 'info' || f.rule === '空白') continue;
      const list = byCell.get(f.cell) ?? [];
      list.push(f);
      byCell.set(f.cell, list);
    }
    this.byCell = byCell;
  }
}
