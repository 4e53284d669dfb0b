import { useEffect } from 'react';
import type { TableDef } from '../../../../templates';
import type { Finding } from '../../../core/checker';
import { cellDomId } from '../../findings/focus-cell';
import type { ReportStore } from '../../store/report-store';

// The cells a broken sum most likely comes from, marked with a data attribute (dashed outline in app.css).
// Several cells may be marked at once (a whole column); setting an attribute on each is far cheaper on a
// keystroke than re-rendering each cell, so the marks are kept outside React.

export const SUSPECT_ATTRIBUTE = 'data-suspect';

/**
 * Cells of `table` named as suspects by open errors, apart from the cell the error is shown at: the culprit the
 * evidence points at, or the one suspect.
 */
export function suspectKeys(findings: readonly Finding[], table: TableDef): Set<string> {
  const keys = new Set<string>();
  const prefix = `${table.id}.`;
  for (const f of findings) {
    if (f.severity !== 'error' || f.acknowledged || !f.suspects || (f.suspects.length < 2 && !f.culprit)) continue;
    for (const key of f.suspects) if (key !== f.culprit && key.startsWith(prefix)) keys.add(key);
  }
  return keys;
}

export function useSuspectMarks(store: ReportStore, table: TableDef): void {
  useEffect(() => {
    let marked = new Set<string>();
    let seen: readonly Finding[] | undefined;
    const update = () => {
      const findings = store.getFindings();
      if (findings === seen) return;
      seen = findings;
      const next = suspectKeys(findings, table);
      for (const key of marked) if (!next.has(key)) document.getElementById(cellDomId(key))?.removeAttribute(SUSPECT_ATTRIBUTE);
      for (const key of next) if (!marked.has(key)) document.getElementById(cellDomId(key))?.setAttribute(SUSPECT_ATTRIBUTE, '');
      marked = next;
    };
    update();
    const unsubscribe = store.subscribe(update);
    return () => {
      unsubscribe();
      for (const key of marked) document.getElementById(cellDomId(key))?.removeAttribute(SUSPECT_ATTRIBUTE);
    };
  }, [store, table]);
}
