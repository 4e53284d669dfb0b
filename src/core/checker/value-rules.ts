import type { CellDef, FormatDef } from '../../../templates';
import type { CellStates } from './cell-states';
import { atCell, notAtCell, type Finding } from './finding';

// Per-cell findings: unreadable values (数值), units (单位), and blanks that are not zeros (空白).

const KIND_HINT = { count: '不小于 0 的整数', delta: '整数（减少写负数，如 -8）', money: '以万元为单位的金额，如 12.5' } as const;

/** `computed`: totals the form computes, which stay empty until their addends are filled (not for the clerk to type). */
export function checkValues(format: FormatDef, states: CellStates, computed: ReadonlySet<string> = NONE): Finding[] {
  const findings: Finding[] = [];
  for (const def of format.cells) {
    const s = states.get(def.key)!;
    if (s.state === 'invalid') {
      findings.push({
        severity: 'error',
        rule: '数值',
        ...atCell(def),
        message: `填写的“${s.raw}”无法作为数字：${s.reason}。请填写${KIND_HINT[def.kind]}。`,
      });
    } else if (s.state === 'value' && s.note) {
      findings.push({ severity: 'warning', rule: '单位', ...atCell(def), message: `${s.note.message}。请统一以万元填写金额，数量栏只填数字。` });
    }
  }
  findings.push(...checkBlanks(format, states, computed));
  return findings;
}

const MAX_BLANK_ROWS_LISTED = 5;
const NONE: ReadonlySet<string> = new Set();

/** Names what was written instead of a number ("无", "/"), which is not counted as 0. */
function markerNote(defs: readonly CellDef[], states: CellStates): string {
  const markers = [...new Set(defs.map((d) => (states.get(d.key) as { marker: string }).marker).filter((m) => m !== ''))];
  return markers.length ? `（写作${markers.map((m) => `“${m}”`).join('、')}的格子不计为 0）` : '';
}

function checkBlanks(format: FormatDef, states: CellStates, computed: ReadonlySet<string>): Finding[] {
  const findings: Finding[] = [];
  for (const table of format.parts.flatMap((p) => (p.table ? [p.table] : []))) {
    const cells = format.cells.filter((c) => c.table === table);
    const fillable = cells.filter((c) => !computed.has(c.key));
    const blank = fillable.filter((c) => states.get(c.key)?.state === 'blank');
    if (blank.length === 0) continue;
    const part = cells[0]!.part;
    if (blank.length === fillable.length && blank.every((c) => (states.get(c.key) as { marker: string }).marker === '')) {
      findings.push({ severity: 'info', rule: '空白', incomplete: true, ...notAtCell(part), cells: blank.map((c) => c.key), message: `第${part}部分的表格尚未填写。` });
      continue;
    }
    const byRow = new Map<string, CellDef[]>();
    for (const c of blank) byRow.set(c.row, [...(byRow.get(c.row) ?? []), c]);
    if (byRow.size > MAX_BLANK_ROWS_LISTED) {
      // A table left mostly blank is one problem, not dozens: say it once, naming the first rows.
      const rows = [...byRow.keys()];
      findings.push({
        severity: 'warning',
        rule: '空白',
        incomplete: true,
        ...atCell(blank[0]!),
        row: null,
        column: null,
        cells: blank.map((d) => d.key),
        message: `表格有 ${rows.length} 行共 ${blank.length} 格未填写数字（如${rows.slice(0, 3).map((r) => `“${r}”`).join('、')}等）${markerNote(blank, states)}。空白不等于 0，如为 0 请填写 0。`,
      });
      continue;
    }
    for (const [row, defs] of byRow) {
      const columns = defs.map((d) => d.column).join('、');
      findings.push({
        severity: 'warning',
        rule: '空白',
        incomplete: true,
        ...atCell(defs[0]!),
        row,
        column: defs.length === 1 ? defs[0]!.column : null,
        cells: defs.map((d) => d.key),
        message: `本行有 ${defs.length} 格未填写数字：${columns}${markerNote(defs, states)}。空白不等于 0，如为 0 请填写 0。`,
      });
    }
  }
  return findings;
}
