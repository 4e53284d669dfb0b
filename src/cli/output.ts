import type { PartId } from '../../templates';
import { countBySeverity, type Finding } from '../core/checker';

// Human-readable findings for the terminal, grouped by part.

const SEVERITY_TEXT = { error: '错误', warning: '警告', info: '提示' } as const;

export function formatFindings(findings: readonly Finding[]): string[] {
  const lines: string[] = [];
  const counts = countBySeverity(findings);
  lines.push(`  错误 ${counts.error} · 警告 ${counts.warning} · 提示 ${counts.info}`);
  let current: PartId | null | undefined;
  for (const f of findings) {
    if (f.part !== current) {
      current = f.part;
      lines.push(f.part ? `  第${f.part}部分` : '  全文');
    }
    const where = [f.row, f.column].filter(Boolean).join(' / ');
    const ack = f.acknowledged ? `（已确认：${f.acknowledged}）` : '';
    lines.push(`    ${SEVERITY_TEXT[f.severity]} [${f.rule}]${where ? ` ${where}` : ''}：${f.message}${ack}`);
  }
  return lines;
}
