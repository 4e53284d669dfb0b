import { countBySeverity, groupByPart, SEVERITY_LABEL, type Finding } from '../core/checker';

// Human-readable findings for the terminal, grouped by part.

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
