import { agencyKey } from './agency-name';
import { FIGURES, FIGURE_LABEL, type FigureId } from './figures';
import { fileNameOf } from './summary';
import type { FigureChange, Problem, SummaryChanges, UnitChange, UnitState } from './model';

// What changed between two rounds of a 汇总 (the JSON of the last one and this one), or between two versions
// of one unit's report: who resubmitted, which figures moved, which problems were fixed and which are new.
// Pure: `nianbao summary --since` and the page's per-year workspace both use it.

/** A problem's identity across rounds: where it is and what rule, its wording without the numbers (a 相差 3 that becomes 相差 2 is the same problem, not fixed). */
const problemKey = (p: Problem) => `${p.severity}|${p.rule}|${p.part ?? ''}|${p.row ?? ''}|${p.column ?? ''}|${p.message.replace(/\d+(\.\d+)?/g, '#')}`;

function figureChanges(before: UnitState['figures'], after: UnitState['figures']): FigureChange[] {
  const out: FigureChange[] = [];
  for (const { id } of FIGURES) {
    const a = before[id] ?? null;
    const b = after[id] ?? null;
    if (a !== b) out.push({ figure: id, label: FIGURE_LABEL[id], before: a, after: b });
  }
  return out;
}

/** Figures that moved, problems fixed (in `before`, not in `after`) and problems added, between two versions of one unit's report. */
export function compareUnits(before: UnitState, after: UnitState): Pick<UnitChange, 'figures' | 'fixed' | 'added'> {
  const had = new Set(before.problems.map(problemKey));
  const has = new Set(after.problems.map(problemKey));
  return {
    figures: figureChanges(before.figures, after.figures),
    fixed: before.problems.filter((p) => !has.has(problemKey(p))),
    added: after.problems.filter((p) => !had.has(problemKey(p))),
  };
}

/** The entry that speaks for a unit in one round: its counted report, else its first read file. */
function byUnit(units: readonly UnitState[]): Map<string, UnitState> {
  const out = new Map<string, UnitState>();
  for (const u of units) {
    const key = agencyKey(u.unit) || u.unit;
    const known = out.get(key);
    if (!known || (u.counted && !known.counted)) out.set(key, u);
  }
  return out;
}

const fileOf = (u: UnitState) => ({ file: u.file, publicationDate: u.publicationDate });

/**
 * Between the last round's summary and this one (each: its units as in the JSON, and the counted figures):
 * every unit with its status, and the counted set's key figures before and after.
 */
export function compareSummaries(
  before: { units: readonly UnitState[]; counted?: { figures: Partial<Record<FigureId, number | null>> } },
  after: { units: readonly UnitState[]; counted?: { figures: Partial<Record<FigureId, number | null>> } },
): SummaryChanges {
  const was = byUnit(before.units);
  const now = byUnit(after.units);
  const units: UnitChange[] = [];
  for (const [key, b] of now) {
    const a = was.get(key);
    if (!a) {
      units.push({ unit: b.unit, status: 'new', before: null, after: fileOf(b), figures: [], fixed: [], added: [] });
      continue;
    }
    const diff = compareUnits(a, b);
    // The same file collected into another folder is the same file.
    const sameFile = fileNameOf(a.file) === fileNameOf(b.file) && a.publicationDate === b.publicationDate;
    const status = sameFile && diff.figures.length === 0 && diff.fixed.length === 0 && diff.added.length === 0 ? 'unchanged' : 'resubmitted';
    units.push({ unit: b.unit, status, before: fileOf(a), after: fileOf(b), ...diff });
  }
  for (const [key, a] of was) if (!now.has(key)) units.push({ unit: a.unit, status: 'withdrawn', before: fileOf(a), after: null, figures: [], fixed: [], added: [] });
  return { units, totals: figureChanges(before.counted?.figures ?? {}, after.counted?.figures ?? {}) };
}
