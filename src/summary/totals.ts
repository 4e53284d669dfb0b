import { formatById, type FormatDef, type FormatId } from '../../templates';
import { checkReport, type Finding } from '../core/checker';
import type { CellStates } from '../core/checker/cell-states';
import { addDecimals } from '../core/decimal';
import { newReport } from '../core/new-report';
import type { Values } from '../core/report';
import type { TotalFinding, TotalGroup } from './model';

// Tables 二/三/四 summed over the counted units of one format and year, as running sums (a province's files
// are never all in memory). Money is added as exact decimal strings. The sum is a report of its own, checked
// with the same rules as any unit's, and saved as the start of the government's own report. A rule the sum
// breaks is traced to the units whose own tables break it at the same place.

export type { TotalGroup } from './model';

/** A report's read cell values, in the order of its format's cells (undefined: blank or not a number). */
export type CellArray = readonly (number | string | undefined)[];

/** What a summed unit contributes besides its cells: its name, and its findings (read when the sums are checked). */
export type SummedUnit = { unit: string; findings: readonly Finding[] };

type Group = { format: FormatDef; year: number; units: SummedUnit[]; counts: Map<string, number>; money: Map<string, string[]> };

export function cellsOf(format: FormatDef, states: CellStates): CellArray {
  return format.cells.map((c) => {
    const s = states.get(c.key);
    return s?.state === 'value' ? s.value : undefined;
  });
}

// The table rules of the format, and the checks of single cells; rules comparing tables with text do not apply to a sum.
const tableRules = (format: FormatDef) => new Set<string>([...format.rules.map((r) => r.id), '空白', '数值']);

const cellsOfFinding = (f: Finding) => [...(f.cell ? [f.cell] : []), ...(f.cells ?? [])];

/** The units whose own findings break the same rule at the same place as a finding on the sum. */
function sourcesOf(f: Finding, units: readonly SummedUnit[]): string[] {
  const cells = new Set(cellsOfFinding(f));
  return units
    .filter((u) =>
      u.findings.some(
        (g) => g.rule === f.rule && g.severity !== 'info' && (cellsOfFinding(g).some((c) => cells.has(c)) || (g.row === f.row && g.column === f.column && g.part === f.part)),
      ),
    )
    .map((u) => u.unit);
}

export class TableSums {
  private readonly groups = new Map<string, Group>();

  add(formatId: FormatId, year: number, cells: CellArray, unit: SummedUnit): void {
    const key = `${year}|${formatId}`;
    let group = this.groups.get(key);
    if (!group) {
      group = { format: formatById(formatId), year, units: [], counts: new Map(), money: new Map() };
      this.groups.set(key, group);
    }
    group.units.push(unit);
    group.format.cells.forEach((cell, i) => {
      const v = cells[i];
      if (v === undefined) return;
      if (typeof v === 'string') {
        const list = group.money.get(cell.key);
        if (list) list.push(v);
        else group.money.set(cell.key, [v]);
      } else group.counts.set(cell.key, (group.counts.get(cell.key) ?? 0) + v);
    });
    // Money is added exactly when a list grows long, so the lists stay short.
    for (const [k, list] of group.money) if (list.length > 64) group.money.set(k, [addDecimals(list)]);
  }

  private valuesOf(group: Group): Values {
    const values: Values = {};
    for (const cell of group.format.cells) {
      const money = group.money.get(cell.key);
      const v = group.counts.get(cell.key) ?? (money ? addDecimals(money) : undefined);
      if (v !== undefined) values[cell.key] = v;
    }
    return values;
  }

  /** One summed report per format and year, most units first; `previous` supplies last year's sums for the cross-year rules. */
  results(previous?: TableSums): TotalGroup[] {
    return [...this.groups.values()]
      .sort((a, b) => b.units.length - a.units.length || b.year - a.year)
      .map((group) => {
        const values = this.valuesOf(group);
        const report = newReport({ agency: '', year: group.year, agencyKind: '人民政府' });
        report.format = group.format.id;
        report.values = values;
        // The sums are typed figures, not totals for the form to recompute: the rules check them as they are.
        report.typedTotals = true;
        const last = previous?.groupFor(group.year - 1);
        if (last) report.previous = { year: group.year - 1, format: last.format.id, values: previous!.valuesOf(last) };
        const rules = tableRules(group.format);
        const findings: TotalFinding[] = checkReport(report)
          .filter((f) => rules.has(f.rule))
          .map((f) => ({ ...f, from: f.severity === 'info' ? [] : sourcesOf(f, group.units) }));
        return { format: group.format.id, year: group.year, units: group.units.length, unitNames: group.units.map((u) => u.unit), values, report, findings };
      });
  }

  private groupFor(year: number): Group | undefined {
    return [...this.groups.values()].filter((g) => g.year === year).sort((a, b) => b.units.length - a.units.length)[0];
  }
}

export const formatOfTotal = (t: Pick<TotalGroup, 'format'>): FormatDef => formatById(t.format);
