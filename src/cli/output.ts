import { countBySeverity, groupByPart, SEVERITY_LABEL, type Finding } from '../core/checker';

// Human-readable findings for the terminal, grouped by part.

// East Asian wide and fullwidth characters take two columns in a terminal.
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** Columns a string takes in a terminal: CJK characters count 2. */
export const displayWidth = (s: string): number => [...s].reduce((w, c) => w + (WIDE.test(c) ? 2 : 1), 0);

export function formatFindings(findings: readonly Finding[]): string[] {
  const lines: string[] = [];
  const counts = countBySeverity(findings);
  lines.push(`  错误 ${counts.error} · 警告 ${counts.warning} · 提示 ${counts.info}`);
  for (const { part, items } of groupByPart(findings)) {
    lines.push(part ? `  第${part}部分` : '  全文');
    for (const f of items) {
      const where = [f.row, f.column].filter(Boolean).join(' / ');
      const ack = f.acknowledged ? `（已确认：${f.acknowledged}）` : '';
      lines.push(`    ${SEVERITY_LABEL[f.severity]} [${f.rule}]${where ? ` ${where}` : ''}：${f.message}${ack}`);
    }
  }
  return lines;
}
