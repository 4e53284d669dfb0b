import { compareUnits, unitState, type FigureChange, type Problem, type Summary, type UnitState } from '../../summary';

// Tracking a year's 汇总 across rounds: each unit's status (已收 → 退回 → 已改 → 合格) and, when a new version
// of its report comes to count, what changed (figures, problems fixed, new problems). Pure.

export const STATUSES = ['已收', '退回', '已改', '合格'] as const;
export type UnitStatus = { status: (typeof STATUSES)[number]; since: string };

/** A new version that came to count: which files, when, and the difference. */
export type UnitRound = { at: string; from: string; to: string; figures: FigureChange[]; fixed: Problem[]; added: Problem[] };

export type Tracking = {
  statuses: Record<string, UnitStatus>;
  rounds: Record<string, UnitRound[]>;
  lastCounted: Record<string, UnitState>;
};

export const emptyTracking = (): Tracking => ({ statuses: {}, rounds: {}, lastCounted: {} });


/** The tracking after a new summary: a unit whose counted file changed gets a round; 退回 becomes 已改. Unchanged tracking is returned as is. */
export function track(before: Tracking, summary: Summary, now: string): Tracking {
  let changed = false;
  const statuses = { ...before.statuses };
  const rounds = { ...before.rounds };
  const lastCounted = { ...before.lastCounted };
  for (const row of summary.units) {
    if (!row.counted) continue;
    const state = unitState(row);
    const last = lastCounted[row.unit];
    if (!last) {
      lastCounted[row.unit] = state;
      changed = true;
      continue;
    }
    if (last.file === state.file) continue;
    const diff = compareUnits(last, state);
    rounds[row.unit] = [...(rounds[row.unit] ?? []), { at: now, from: last.file, to: state.file, ...diff }];
    lastCounted[row.unit] = state;
    if (statuses[row.unit]?.status === '退回') statuses[row.unit] = { status: '已改', since: now };
    changed = true;
  }
  return changed ? { statuses, rounds, lastCounted } : before;
}

export const statusOf = (t: Tracking, unit: string): UnitStatus['status'] => t.statuses[unit]?.status ?? '已收';

/** Letters were made for these units: they are 退回 (unless already judged 合格). */
export function markReturned(t: Tracking, units: readonly string[], now: string): Tracking {
  const statuses = { ...t.statuses };
  for (const u of units) if (statuses[u]?.status !== '合格') statuses[u] = { status: '退回', since: now };
  return { ...t, statuses };
}
