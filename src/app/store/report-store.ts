import type { FormatDef, PartId } from '../../../templates';
import { checkReport, findingSignature, markedCells, sortFindings, type Finding } from '../../core/checker';
import { atCell } from '../../core/checker/finding';
import { formatValue, parseCell } from '../../core/numbers';
import { readCell } from '../../core/checker/cell-states';
import { cellInputText, writeCellText } from '../../core/cell-input';
import { cellIndex, reportFormat, type Report } from '../../core/report';
import { computedCells, withComputedTotals } from '../../core/totals';
import { History, type HistoryState } from './history';
import { navSummary, sameNavSummary, type NavSummary } from './nav-summary';

// The report being edited lives outside React: a keystroke updates one cell, recomputes the totals,
// re-runs the checker, and wakes only the cells whose text or problems changed plus the report-level views.
// Report-level snapshots (findings, navigation summary) keep their identity while their content is the same,
// so views subscribed to them skip re-rendering.
// Every change is recorded for undo and redo (see history.ts): one public call is one step, typing into the same
// field merges into one step, and `transaction` makes several calls one step.
// This module imports no React and no feature; store-context.ts is its only React adapter.

type Listener = () => void;

const NO_FINDINGS: readonly Finding[] = [];

const listSignature = (list: readonly Finding[]): string => list.map(findingSignature).join('\n');

function normalized(report: Report, format: FormatDef): Report {
  if (report.typedTotals) return report;
  const computed = computedCells(format);
  const written = Object.entries(report.written).some(([k]) => computed.has(k))
    ? Object.fromEntries(Object.entries(report.written).filter(([k]) => !computed.has(k)))
    : report.written;
  return { ...report, values: withComputedTotals(format, report.values), written };
}

export class ReportStore {
  private report: Report;
  private format: FormatDef;
  /** Everything the checker found; `findings` is what is shown now (see `shown`). */
  private checked: Finding[] = [];
  private findings: Finding[] = [];
  /** Parts the clerk has left, and whether they asked for the full check: what is not filled in yet shows from then on. */
  private readonly left = new Set<PartId>();
  private checkingAll = false;
  private byCell = new Map<string, readonly Finding[]>();
  /** Cells holding neither a number nor text, kept up to date cell by cell for the part statuses. */
  private readonly blank = new Set<string>();
  private summary: NavSummary | undefined;
  /** Totals pasted into cells the form computes, kept until they agree with their parts or are let go. */
  private readonly pastedTotals = new Map<string, number>();
  private readonly cellListeners = new Map<string, Set<Listener>>();
  private readonly reportListeners = new Set<Listener>();
  private readonly changeListeners = new Set<(report: Report) => void>();
  private readonly history = new History<Report>();
  /** Cells changed since views were last woken (see wake). */
  private readonly toWake = new Set<string>();
  private changedSinceWake = false;
  /** The cell typed into last: the checker takes it as evidence for where a broken sum comes from. */
  private lastEdited: string | undefined;

  constructor(report: Report) {
    this.format = reportFormat(report);
    this.report = normalized(report, this.format);
    this.refreshBlank(this.format.cells.map((c) => c.key));
    this.recheck();
  }

  getReport = (): Report => this.report;
  getFindings = (): Finding[] => this.findings;
  getFormat = (): FormatDef => this.format;
  getNavSummary = (): NavSummary => this.summary!;
  /** Warnings about what is not filled in yet, held back until the clerk leaves their part or asks for the full check. */
  getHeldBack = (): number => this.checked.length - this.findings.length;
  isCheckingAll = (): boolean => this.checkingAll;

  /** The clerk left `part`: its blank cells or emptiness are shown from now on. */
  leavePart(part: PartId): void {
    if (this.left.has(part)) return;
    this.left.add(part);
    if (this.checked.some((f) => f.incomplete && f.part === part)) this.reshow();
  }

  /** The full check (全面检查, the preview, an export): everything the checker finds is shown from now on. */
  checkAll(): void {
    if (this.checkingAll) return;
    this.checkingAll = true;
    this.reshow();
  }
  /** What undo and redo would do now; keeps its identity while that stays the same. */
  getHistory = (): HistoryState => this.history.state();

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

  /** Typing into a cell: consecutive keystrokes in the same cell are one undo step. */
  setCell(key: string, raw: string): void {
    const mergeKey = `cell:${key}`;
    this.lastEdited = key;
    this.record('输入', mergeKey, () => this.writeCells([[key, raw]]));
    // Typed back to what it was (Esc, say): no step to undo.
    if (this.history.dropIfUnchanged(mergeKey, (a, b) => a.values[key] === b.values[key] && a.written[key] === b.written[key])) this.reportListeners.forEach((l) => l());
  }

  /**
   * Writes several cells at once (a paste, a clearing of a block): one call is one undo step. A pasted number
   * for a cell the form computes is not written, but kept: while it disagrees with the sum of its parts it is a finding.
   */
  setCells(entries: readonly (readonly [string, string])[], label = '粘贴'): void {
    this.record(label, undefined, () => this.writeCells(entries));
  }

  /**
   * Any other change (meta, narrative, acknowledgements, the totals switch): one undo step named `label`.
   * Changes with the same `mergeKey` in a row (typing into one field) merge into one step.
   */
  update(change: (report: Report) => Report, label?: string, mergeKey?: string): void {
    const before = this.report;
    const next = change(before);
    this.record(label ?? describeChange(before, next), mergeKey, () => this.replace(next));
  }

  /**
   * Runs `fn`, and every change made through the store inside it is one undo step named `label`
   * (a paste that writes cells and then acknowledges a finding, say). Transactions nest.
   */
  transaction(label: string, fn: () => void): void {
    this.history.begin(label, this.report);
    try {
      fn();
    } finally {
      this.history.end(this.report);
      this.reportListeners.forEach((l) => l());
    }
  }

  /** Ends the current typing run: the next keystroke starts a new undo step (focus left the field). */
  checkpoint(): void {
    this.history.checkpoint();
  }

  /** Undoes the last step; returns its label, or undefined when there is nothing to undo. */
  undo(): string | undefined {
    const step = this.history.undo(this.report);
    if (step) this.replace(step.report);
    this.wake();
    return step?.label;
  }

  /** Redoes the last undone step; returns its label, or undefined when there is nothing to redo. */
  redo(): string | undefined {
    const step = this.history.redo(this.report);
    if (step) this.replace(step.report);
    this.wake();
    return step?.label;
  }

  /** `change` says whether it changed anything; only a change is an undo step. */
  private record(label: string, mergeKey: string | undefined, change: () => boolean): void {
    const before = this.report;
    if (change()) this.history.push(label, mergeKey, before, this.report);
    // Views wake after the step is recorded, so the undo buttons read the new history in the same pass.
    this.wake();
  }

  private writeCells(entries: readonly (readonly [string, string])[]): boolean {
    const index = cellIndex(this.format);
    const next: Report = { ...this.report, values: { ...this.report.values }, written: { ...this.report.written } };
    const touched = new Set<string>();
    let pasted = false;
    for (const [key, raw] of entries) {
      const def = index.get(key);
      if (!def) continue;
      if (this.isComputed(key)) {
        const parsed = entries.length > 1 ? parseCell(raw, def.kind) : undefined;
        if (parsed?.status === 'value' && typeof parsed.value === 'number') this.pastedTotals.set(key, parsed.value);
        else this.pastedTotals.delete(key);
        pasted = true;
        continue;
      }
      writeCellText(next, def, raw);
      touched.add(key);
    }
    if (touched.size === 0) {
      if (pasted) this.commit(this.report, new Set(this.pastedTotals.keys()));
      return false;
    }
    // Writing what is already there still wakes the cells (their input shows the store's text) but is no undo step.
    const changed = [...touched].some((k) => next.values[k] !== this.report.values[k] || next.written[k] !== this.report.written[k]);
    this.commit(next.typedTotals ? next : { ...next, values: withComputedTotals(this.format, next.values) }, touched);
    return changed;
  }

  /** The clerk lets a pasted total go: the form's sum stands. */
  dismissPastedTotal(key: string): void {
    if (!this.pastedTotals.delete(key)) return;
    this.commit(this.report, new Set([key]));
    this.wake();
  }

  /** Puts `next` in place of the report, waking what changed. */
  private replace(next: Report): boolean {
    const before = this.report;
    if (next === before) return false;
    const formatChanged = next.format !== before.format;
    const cellsChanged = formatChanged || next.values !== before.values || next.written !== before.written || next.typedTotals !== before.typedTotals;
    if (formatChanged) this.format = reportFormat(next);
    if (formatChanged || next.typedTotals !== before.typedTotals) this.pastedTotals.clear();
    // Only cells whose text, computed flag or problems changed wake; a meta or narrative keystroke usually wakes none.
    const touched = formatChanged
      ? new Set(this.format.cells.map((c) => c.key))
      : next.typedTotals !== before.typedTotals
        ? new Set(computedCells(this.format))
        : new Set<string>();
    this.commit(cellsChanged ? normalized(next, this.format) : next, touched, cellsChanged && !formatChanged && next.values !== before.values);
    return true;
  }

  /**
   * `touched`: cells written directly. `allValues`: the change replaced values wholesale (an import of
   * last year's figures, say), so every cell is compared.
   */
  private commit(next: Report, touched: Set<string>, allValues = false): void {
    const before = this.report;
    this.report = next;
    const changed = new Set(touched);
    if (next.values !== before.values) {
      const candidates = allValues ? this.format.cells.map((c) => c.key) : next.typedTotals ? [] : computedCells(this.format);
      for (const key of candidates) {
        if (before.values[key] !== next.values[key] || before.written[key] !== next.written[key]) changed.add(key);
      }
    }
    if (next.values !== before.values || next.written !== before.written) this.refreshBlank(changed);
    const previousByCell = this.byCell;
    this.recheck();
    this.wakeChangedMarks(previousByCell, changed);
    for (const key of changed) this.toWake.add(key);
    this.changedSinceWake = true;
  }

  /** What is shown changed while the report did not: wake the cells whose marks changed and the report views. */
  private reshow(): void {
    const previousByCell = this.byCell;
    this.show();
    const changed = new Set<string>();
    this.wakeChangedMarks(previousByCell, changed);
    for (const key of changed) this.toWake.add(key);
    this.wake();
  }

  /** Adds to `changed` the cells whose findings changed; unchanged ones keep their old list (and stay asleep). */
  private wakeChangedMarks(previousByCell: Map<string, readonly Finding[]>, changed: Set<string>): void {
    for (const key of new Set([...previousByCell.keys(), ...this.byCell.keys()])) {
      const old = previousByCell.get(key) ?? NO_FINDINGS;
      if (listSignature(old) !== listSignature(this.cellFindings(key))) changed.add(key);
      else if (previousByCell.has(key)) this.byCell.set(key, old);
    }
  }

  /** Wakes the cells and views changed since the last wake, and tells the change listeners (autosave). */
  private wake(): void {
    const cells = [...this.toWake];
    this.toWake.clear();
    for (const key of cells) this.cellListeners.get(key)?.forEach((l) => l());
    this.reportListeners.forEach((l) => l());
    if (!this.changedSinceWake) return;
    this.changedSinceWake = false;
    this.changeListeners.forEach((l) => l(this.report));
  }

  private refreshBlank(keys: Iterable<string>): void {
    const index = cellIndex(this.format);
    for (const key of keys) {
      const def = index.get(key);
      if (def && readCell(def, this.report).state !== 'blank') this.blank.delete(key);
      else if (def) this.blank.add(key);
    }
  }

  private filledByPart(): Map<PartId, number> {
    const filled = new Map<PartId, number>();
    for (const c of this.format.cells) if (!this.blank.has(c.key)) filled.set(c.part, (filled.get(c.part) ?? 0) + 1);
    return filled;
  }

  /** A pasted total the form's sum disagrees with; one that now agrees is let go. */
  private pastedTotalFindings(): Finding[] {
    const out: Finding[] = [];
    const index = cellIndex(this.format);
    for (const [key, pasted] of this.pastedTotals) {
      const sum = this.report.values[key];
      if (sum === pasted || !this.isComputed(key)) {
        this.pastedTotals.delete(key);
        continue;
      }
      if (typeof sum !== 'number') continue; // waits for the parts to be filled
      out.push({
        severity: 'warning',
        rule: '粘贴合计',
        ...atCell(index.get(key)!),
        message: `粘贴的总计为 ${formatValue(pasted)}，而各项之和为 ${formatValue(sum)}，表中按各项之和显示。请核对粘贴的各项数字；如各项无误，可采用各项之和。`,
      });
    }
    return out;
  }

  private recheck(): void {
    const checked = checkReport(this.report, this.lastEdited ? { lastEdited: this.lastEdited } : {});
    const pasted = this.pastedTotals.size ? this.pastedTotalFindings() : [];
    this.checked = pasted.length ? sortFindings([...checked, ...pasted]) : checked;
    this.show();
  }

  /** Whether a finding shows now: what is not filled in yet waits until its part is left or the full check. */
  private shown = (f: Finding): boolean => !f.incomplete || this.checkingAll || f.part === null || this.left.has(f.part);

  private show(): void {
    const findings = this.checked.filter(this.shown);
    // Same findings as before: keep the old list, so the panel and navigation see no change.
    if (listSignature(findings) !== listSignature(this.findings)) this.findings = findings;
    const byCell = new Map<string, Finding[]>();
    for (const f of this.findings) {
      for (const key of markedCells(f)) {
        const list = byCell.get(key) ?? [];
        list.push(f);
        byCell.set(key, list);
      }
    }
    this.byCell = byCell;
    const summary = navSummary(this.report, this.format, this.findings, this.filledByPart());
    if (!this.summary || !sameNavSummary(this.summary, summary)) this.summary = summary;
  }
}

/** The name of an unnamed change, for the undo button: what kind of thing changed. */
export function describeChange(before: Report, after: Report): string {
  if (before.acknowledged !== after.acknowledged) return after.acknowledged.length >= before.acknowledged.length ? '确认警告' : '撤回确认';
  if (before.typedTotals !== after.typedTotals) return after.typedTotals ? '改为手工填写合计' : '改为自动计算合计';
  if (before.previous !== after.previous) return '载入上年报告';
  if (before.meta !== after.meta) return '修改基本信息';
  if (before.narrative !== after.narrative) return '修改文字';
  return '修改表格';
}

/** A place in the report: 基本信息 or a part, and the first cell (or paragraph) that changed there. */
export type Place = { section: 'meta' | PartId; cell?: string; block?: number };

/**
 * Where two versions of a report differ first, in reading order; undefined when only acknowledgements or
 * nothing changed. Undo and redo go there, so the clerk sees what they undid.
 */
export function changedPlace(before: Report, after: Report): Place | undefined {
  if (before.meta !== after.meta || before.previous !== after.previous) return { section: 'meta' };
  const format = reportFormat(after);
  const cellsSame = before.values === after.values && before.written === after.written;
  for (const part of format.parts) {
    if (part.kind === 'narrative') {
      const id = part.id as keyof Report['narrative'];
      const was = before.narrative[id];
      const now = after.narrative[id];
      if (was !== now) {
        const block = now.findIndex((b, i) => b.type !== was[i]?.type || b.text !== was[i]?.text);
        return { section: part.id, block: Math.max(0, block === -1 ? now.length - 1 : block) };
      }
      continue;
    }
    if (cellsSame) continue;
    for (const c of format.cells) {
      if (c.part === part.id && (before.values[c.key] !== after.values[c.key] || before.written[c.key] !== after.written[c.key])) return { section: part.id, cell: c.key };
    }
  }
  // The totals switch alone: it shows on every table part, so the clerk stays where they are.
  return undefined;
}
