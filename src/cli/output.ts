import type { FormatDef } from '../../templates';
import { countBySeverity, type Finding } from '../core/checker';
import { findingPlace, groupByPart, ruleName, SEVERITY_LABEL } from '../core/findings-wording';

// Human-readable findings for the terminal, grouped by part, in the same words as the app.

// East Asian wide and fullwidth characters take two columns in a terminal.
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** Columns a string takes in a terminal: CJK characters count 2. */
export const displayWidth = (s: string): number => [...s].reduce((w, c) => w + (WIDE.test(c) ? 2 : 1), 0);

/** `format` names the parts by their headings; without it they are 第X部分. */
export function formatFindings(findings: readonly Finding[], format?: Pick<FormatDef, 'parts'>): string[] {
  const lines: string[] = [];
  const counts = countBySeverity(findings);
  lines.push(`  ${SEVERITY_LABEL.error} ${counts.error} · ${SEVERITY_LABEL.warning} ${counts.warning} · ${SEVERITY_LABEL.info} ${counts.info}`);
  for (const { title, items } of groupByPart(findings, format)) {
    lines.push(`  ${title}`);
    for (const f of items) {
      const where = findingPlace(f, ' / ');
      const ack = f.acknowledged ? `（已确认：${f.acknowledged}）` : '';
      lines.push(`    ${SEVERITY_LABEL[f.severity]} · ${ruleName(f.rule)}${where ? ` · ${where}` : ''}：${f.message}${ack}`);
    }
  }
  return lines;
}
