import { formatById, type FormatDef, type FormatId } from '../../templates';
import { checkReport, type Finding } from '../core/checker';
import { readCells, type CellStates } from '../core/checker/cell-states';
import { addDecimals } from '../core/decimal';
import { newReport } from '../core/new-report';
import { reportFormat, type Report, type Values } from '../core/report';

// Tables 二/三/四 summed over the units of one format and year, as running sums (a province's files are
// never all in memory). Money is added as exact decimal strings. The sum is a report of its own, checked
// with the same rules as any unit's, and saved as the start of the government's own report.

type Group = { format: FormatDef; year: number; units: number; counts: Map<string, number>; money: Map<string, string> };

export type TotalGroup = {
  format: FormatId;
  year: number;
  units: number;
  values: Values;
  /** The sum as a report file: tables filled, text, agency and date left to the office. */
  report: Report;
  /** The checker's findings on the summed tables. */
  findings: Finding[];
};

// The table rules of the format, and the checks of single cells; rules comparing tables with text do not apply to a sum.
const tableRules = (format: FormatDef) => new Set<string>([...format.rules.map((r) => r.id), '空白', '数值']);

const groupKey = (format: string, year: number) => `${year}|${format}`;

export class TableSums {
  private readonly groups = new Map<string, Group>();

  /** `states`: the report's cells as already read (each report's cells are parsed once). */
  add(report: Report, states: CellStates = readCells(reportFormat(report), report)): void {
    const format = reportFormat(report);
    const key = groupKey(format.id, report.meta.year);
    let group = this.groups.get(key);
    if (!group) {
      group = { format, year: report.meta.year, units: 0, counts: new Map(), money: new Map() };
      this.groups.set(key, group);
    }
    group.units++;
    for (const cell of format.cells) {
      const state = states.get(cell.key);
      if (state?.state !== 'value') continue;
      if (typeof state.value === 'string') group.money.set(cell.key, addDecimals([group.money.get(cell.key) ?? '0', state.value]));
      else group.counts.set(cell.key, (group.counts.get(cell.key) ?? 0) + state.value);
    }
  }

  private valuesOf(group: Group): Values {
    const values: Values = {};
    for (const cell of group.format.cells) {
      const v = group.counts.get(cell.key) ?? group.money.get(cell.key);
      if (v !== undefined) values[cell.key] = v;
    }
    return values;
  }

  /** One summed report per format and year, most units first; `previous` supplies last year's sums for the cross-year rules. */
  results(previous?: TableSums): TotalGroup[] {
    return [...this.groups.values()]
      .sort((a, b) => b.units - a.units || b.year - a.year)
      .map((group) => {
        const values = this.valuesOf(group);
        const report = newReport({ agency: '', year: group.year, agencyKind: '人民政府' });
        report.format = group.format.id;
        report.values = values;
        // The sums are typed figures, not totals for the form to recompute: the rules check them as they are.
        report.typedTotals = true;
        const last = previous?.groupFor(group.year - 1);
        if (last) report.previous = { year: group.year - 1, format: last.format.id, values: previous!.valuesOf(last) };
        const findings = checkReport(report).filter((f) => tableRules(group.format).has(f.rule));
        return { format: group.format.id, year: group.year, units: group.units, values, report, findings };
      });
  }

  private groupFor(year: number): Group | undefined {
    return [...this.groups.values()].filter((g) => g.year === year).sort((a, b) => b.units - a.units)[0];
  }
}

export const formatOfTotal = (t: Pick<TotalGroup, 'format'>): FormatDef => formatById(t.format);
