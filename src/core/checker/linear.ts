import type { FormatDef, LinearRule, Term } from '../../../templates';
import { cellIndex, type Report } from '../report';
import { numberIn, type CellLookup, type CellStates } from './cell-states';
import { ruleName } from '../findings-wording';
import { atCell, notAtCell, type Finding } from './finding';
import { findCulprits, type Judged } from './culprit';
import { leadWords } from './culprit-evidence';
import { computedCells } from '../totals';

// Sums and equalities declared in the format, evaluated over cell values.

/** `narrative`: last year's text, when known (continued from last year, or last year's report given). */
export type PreviousData = { year: number; format: FormatDef; states: CellLookup; narrative?: Report['narrative'] };

type Context = {
  format: FormatDef;
  year: number;
  states: CellStates;
  previous: PreviousData | undefined;
  /** The cell changed last (the form passes it): evidence for where a broken equation comes from. */
  lastEdited?: string | undefined;
};

export type Evaluation = { status: 'ok' } | { status: 'violated'; left: number; right: number } | { status: 'pending'; missing: string[] } | { status: 'skip' };

export function ruleApplies(rule: LinearRule, year: number): boolean {
  return (rule.years?.from === undefined || year >= rule.years.from) && (rule.years?.to === undefined || year <= rule.years.to);
}

// Whether a rule reads last year's report, worked out once per rule (the checker runs on every keystroke).
const readsPrevious = new WeakMap<LinearRule, boolean>();
export function usesPrevious(rule: LinearRule): boolean {
  let uses = readsPrevious.get(rule);
  if (uses === undefined) {
    uses = rule.left.some((t) => t.previous === true) || rule.right.some((t) => t.previous === true);
    readsPrevious.set(rule, uses);
  }
  return uses;
}

/** What a report of `year` checks against last year's report, in a clerk's words, each once (上年结转、现行有效件数). */
export function crossYearTopics(format: FormatDef, year: number): string[] {
  const topics = format.rules.filter((r) => usesPrevious(r) && ruleApplies(r, year)).map((r) => r.topic ?? r.statement);
  return [...new Set(topics)];
}

/** Blank cells met while summing: this year's (the rule waits for them) and last year's (the rule cannot be decided). */
type Gaps = { missing: string[]; previousBlank: boolean };

/** Σ sign·value over one side. Plain loops: no closures per rule. */
function sideSum(terms: readonly Term[], states: CellStates, previous: CellLookup | undefined, gaps: Gaps): number {
  let total = 0;
  for (const t of terms) {
    const v = numberIn(t.previous ? previous! : states, t.key);
    if (v === undefined) {
      // A blank in last year's report is not a 0 either.
      if (t.previous) gaps.previousBlank = true;
      else gaps.missing.push(t.key);
      continue;
    }
    total += (t.sign ?? 1) * v;
  }
  return total;
}

function previousHasCells(rule: LinearRule, prevIndex: ReadonlyMap<string, unknown>): boolean {
  for (const t of rule.left) if (t.previous && !prevIndex.has(t.key)) return false;
  for (const t of rule.right) if (t.previous && !prevIndex.has(t.key)) return false;
  return true;
}

function evaluate(rule: LinearRule, ctx: Context): Evaluation {
  if (!ruleApplies(rule, ctx.year)) return { status: 'skip' };
  const prev = ctx.previous;
  if (usesPrevious(rule)) {
    if (!prev || prev.year !== ctx.year - 1) return { status: 'skip' };
    // A cross-year rule needs last year's report in a format that has those cells.
    if (!previousHasCells(rule, cellIndex(prev.format))) return { status: 'skip' };
  }
  const gaps: Gaps = { missing: [], previousBlank: false };
  const left = sideSum(rule.left, ctx.states, prev?.states, gaps);
  const right = sideSum(rule.right, ctx.states, prev?.states, gaps);
  if (gaps.previousBlank) return { status: 'skip' };
  if (gaps.missing.length > 0) return { status: 'pending', missing: gaps.missing };
  const holds = rule.op === '=' ? left === right : rule.op === '<=' ? left <= right : left >= right;
  return holds ? { status: 'ok' } : { status: 'violated', left, right };
}

function message(rule: LinearRule, left: number, right: number): string {
  if (rule.sides) {
    return `${rule.statement}：${rule.sides.left}为 ${left}，${rule.sides.right}为 ${right}，相差 ${Math.abs(left - right)}。请核对本列各项数字。`;
  }
  if (rule.op === '=') {
    const prevNote = usesPrevious(rule) ? '按上年报告推算' : '按各项之和';
    const fix = rule.severity === 'error' ? '请核对本格及相加的各格。' : '如数字无误（例如机构调整或更正），可确认此提示并写明理由。';
    return `${rule.statement}。本格${prevNote}应为 ${right}，实际为 ${left}，相差 ${Math.abs(left - right)}。${fix}`;
  }
  return `${rule.statement}。本格为 ${left}，对照数为 ${right}。如数字无误，可确认此提示并写明理由。`;
}

export function checkLinearRules(ctx: Context): Finding[] {
  const index = cellIndex(ctx.format);
  const findings: Finding[] = [];
  const judged: Judged[] = [];
  const pending = new Map<string, { count: number; first: string; missing: Set<string> }>();
  for (const rule of ctx.format.rules) {
    const result = evaluate(rule, ctx);
    if (result.status === 'violated' || result.status === 'ok') judged.push({ rule, result });
    if (result.status === 'pending') {
      const p = pending.get(rule.id) ?? { count: 0, first: rule.at, missing: new Set<string>() };
      p.count++;
      for (const k of result.missing) p.missing.add(k);
      pending.set(rule.id, p);
    }
  }
  if (judged.some((j) => j.result.status === 'violated')) {
    const culprits = findCulprits(judged, {
      index,
      states: ctx.states,
      // Typed totals too: one that agrees with its parts stands for them, so a figure carried into its row total
      // (totals typed after the figure, or switched to typing) is still found; a disagreeing total stands alone.
      computed: computedCells(ctx.format),
      totals: computedCells(ctx.format),
      previous: ctx.previous?.format === ctx.format ? ctx.previous.states : undefined,
      lastEdited: ctx.lastEdited,
    });
    for (const j of judged) {
      if (j.result.status !== 'violated') continue;
      const { left, right } = j.result;
      const blame = culprits.get(j);
      const cells = thisYearCells(j.rule);
      const base: Finding = {
        severity: j.rule.severity,
        rule: j.rule.id,
        ...atCell(index.get(j.rule.at)!),
        message: message(j.rule, left, right),
        ...(cells.length > 1 ? { cells } : {}),
      };
      if (!blame) {
        findings.push(base);
        continue;
      }
      const place = blame.place;
      if (blame.followsFrom) {
        // Fixing the other difference fixes this one too: say so rather than stand as a second error.
        findings.push({
          ...base,
          severity: 'info',
          suspects: blame.suspects,
          ...(blame.lead ? { culprit: blame.lead.key } : {}),
          message: `${j.rule.statement}：相差 ${Math.abs(left - right)}。这是${place.words || '另一处'}的差额带来的（见“${ruleName(blame.followsFrom.id)}”），改正那里后这里随之相符，不必改动本格。`,
        });
        continue;
      }
      // Shown at the suspects rather than at its own cell, the message names its cell instead of saying 本格.
      const at = index.get(j.rule.at)!;
      const lead = blame.lead;
      const own = (lead ? lead.key === j.rule.at : blame.suspects.includes(j.rule.at)) ? base.message : base.message.replaceAll('本格', `“${at.row} · ${at.column}”`);
      if (lead) {
        const def = index.get(lead.key)!;
        findings.push({ ...base, row: def.row, column: def.column, suspects: blame.suspects, culprit: lead.key, message: `${own}最可能出错的一格：${leadWords(lead, def)}` });
        continue;
      }
      // The rule's own column needs no naming again.
      const words = place.column !== undefined && place.row === null && place.column === at.column ? '' : place.words;
      findings.push({
        ...base,
        ...(place.row !== undefined ? { row: place.row } : {}),
        ...(place.column !== undefined ? { column: place.column } : {}),
        suspects: blame.suspects,
        message: `${own}${words ? `差额最可能出在${words}。` : ''}`,
      });
    }
  }
  // A rule whose cells are not filled yet is reported once, as info.
  for (const [id, p] of pending) {
    const def = index.get(p.first)!;
    findings.push({
      severity: 'info',
      rule: id,
      ...notAtCell(def.part),
      cells: [...p.missing],
      message: `“${ruleName(id)}”有 ${p.count} 处暂时无法检查：涉及的 ${p.missing.size} 个单元格尚未填写数字。`,
    });
  }
  return findings;
}


/** The cells of this year's report a rule reads, each once. */
function thisYearCells(rule: LinearRule): string[] {
  const keys = new Set<string>();
  for (const t of rule.left) if (!t.previous) keys.add(t.key);
  for (const t of rule.right) if (!t.previous) keys.add(t.key);
  return [...keys];
}
