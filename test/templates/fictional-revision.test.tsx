// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FORMATS, formatForYear, registerFormat } from '../../templates';
import { checkReport } from '../../src/core/checker';
import { documentOf } from '../../src/core/document';
import { tableGrid } from '../../src/core/layout';
import { continueFromLastYear, newReport } from '../../src/core/new-report';
import { cellIndex, parseReport, reportFormat, serializeReport, type Report } from '../../src/core/report';
import { renderDocx } from '../../src/render/docx';
import { renderText } from '../../src/render/text';
import { importDocx, importText } from '../../src/import';
import { arbitraryReport } from '../import/arbitrary-report';
import { renderEditor } from '../app/support/render-editor';
import { all, bodyChildren, openDocx, tableAnchors, textOf } from '../render/docx/ooxml';
import { FORMAT_2031, NEW_T2_COLUMN, NEW_T3_ITEM, NEW_T3_ROW, NEW_T3_ROW_ID, REVISION_YEAR } from './fictional-revision';

// A revision of the statutory format is one more definition in templates/. This registers a fictional one
// (one more row in table 三, one more column in table 二) and runs the pipeline on it with src/ unchanged.

let unregister: () => void;
beforeAll(() => {
  unregister = registerFormat(FORMAT_2031);
});
afterAll(() => unregister());
afterEach(cleanup);

const SEED = 2031;
/** A report of the revision's year with every cell filled and tables that add up (totals typed, as read from a file). */
function filledReport(seed = SEED): Report {
  console.info(`fictional-revision: random report seed ${seed}`);
  const full = arbitraryReport({ min: REVISION_YEAR, max: REVISION_YEAR }).filter((r) => Object.keys(r.values).length === FORMAT_2031.cells.length);
  return fc.sample(full, { seed, numRuns: 1 })[0]!;
}

describe('a fictional revision registered from a test', () => {
  it('is the format of its years; earlier years keep theirs', () => {
    expect(FORMATS.at(-1)).toBe(FORMAT_2031);
    expect(formatForYear(REVISION_YEAR)).toBe(FORMAT_2031);
    expect(formatForYear(REVISION_YEAR + 5)).toBe(FORMAT_2031);
    expect(formatForYear(REVISION_YEAR - 1).id).toBe('2021');
    expect(formatForYear(2020).id).toBe('2019');
  });

  it('makes new reports for its year, which the report file schema accepts with the new cells', () => {
    const report = newReport({ agency: '虚构市测试局', year: REVISION_YEAR });
    expect(report.format).toBe(FORMAT_2031.id);
    report.values[`t3.${NEW_T3_ROW_ID}.natural`] = 2;
    report.values['t2.regulations.revised'] = 1;
    const loaded = parseReport(serializeReport(report));
    expect(loaded).toEqual({ ok: true, report });
    // The same cells are unknown to its predecessor.
    const asOld = parseReport(serializeReport({ ...report, format: '2021' }));
    expect(asOld.ok).toBe(false);
    expect(!asOld.ok && asOld.error).toMatch(/t3\.r5_6\.natural|t2\.regulations\.revised/);
  });

  it('continues from a 2030 report: 结转 carried over into the new format', () => {
    const last = newReport({ agency: '虚构市测试局', year: REVISION_YEAR - 1 });
    last.values['t3.next.natural'] = 4;
    const next = continueFromLastYear(last);
    expect(next.format).toBe(FORMAT_2031.id);
    expect(next.values['t3.carried.natural']).toBe(4);
  });

  it('lays out its tables: the new row and column on the grid, the document in its parts', () => {
    const t3 = tableGrid(FORMAT_2031.tables.t3);
    const t3Before = tableGrid(formatForYear(REVISION_YEAR - 1).tables.t3);
    expect(t3.rowCount).toBe(t3Before.rowCount + 1);
    expect(tableGrid(FORMAT_2031.tables.t2).columns).toBe(5);
    const doc = documentOf(newReport({ agency: '虚构市测试局', year: REVISION_YEAR }));
    expect(doc.intro[0]).toContain(FORMAT_2031.notice);
    expect(doc.sections.map((s) => s.part.id)).toEqual(['一', '二', '三', '四', '五', '六']);
  });

  it('checks its rules: the new row counts in its row total and in （七）总计', () => {
    const report = filledReport();
    const errors = (r: Report) => checkReport(r).filter((f) => f.severity === 'error');
    expect(errors(report)).toEqual([]);
    report.values[`t3.${NEW_T3_ROW_ID}.natural`] = Number(report.values[`t3.${NEW_T3_ROW_ID}.natural`]) + 1;
    const found = errors(report).map((f) => [f.rule, f.row, f.column]);
    expect(found).toContainEqual(['三-行合计', NEW_T3_ROW, '总计']);
    // The column's （七）总计 breaks too; it follows from the same cell, so it is told as a knock-on note.
    const column = checkReport(report).filter((f) => f.rule === '三-总计' && f.column === '自然人');
    expect(column.map((f) => [f.row, f.severity])).toEqual([['（七）总计', 'info']]);
  });

  it('runs its own cross-year rule from the year after it starts, and says so in 基本信息', () => {
    const first = filledReport();
    first.previous = { year: REVISION_YEAR - 1, format: '2021', values: {} };
    expect(checkReport(first).some((f) => f.rule === '跨年-现行有效')).toBe(false);
    const next = continueFromLastYear(first);
    Object.assign(next.values, first.values, { 't3.carried.natural': first.values['t3.next.natural'] });
    for (const row of ['regulations', 'normativeDocs']) {
      Object.assign(next.values, { [`t2.${row}.issued`]: 3, [`t2.${row}.repealed`]: 1, [`t2.${row}.inForce`]: Number(first.values[`t2.${row}.inForce`]) + 2 });
    }
    next.values['t2.regulations.inForce'] = Number(next.values['t2.regulations.inForce']) + 1;
    expect(checkReport(next).filter((f) => f.rule === '跨年-现行有效').map((f) => f.cell)).toEqual(['t2.regulations.inForce']);
    renderEditor(next, 'meta');
    expect(screen.getByText(/已保存2031年度报告的数据/).textContent).toContain('用于核对现行有效件数和上年结转');
  });

  it('shows the grid with an input for every cell, named by its row and column, and the table’s hint', () => {
    const report = newReport({ agency: '虚构市测试局', year: REVISION_YEAR });
    for (const part of ['二', '三', '四'] as const) {
      const { unmount } = renderEditor(report, part);
      const names = screen.getAllByRole('textbox').map((el) => el.getAttribute('aria-label'));
      expect(names.sort()).toEqual(FORMAT_2031.cells.filter((c) => c.part === part).map((c) => `${c.row} ${c.column}`).sort());
      unmount();
    }
    renderEditor(report, '三');
    expect(screen.getByRole('textbox', { name: `${NEW_T3_ROW} 自然人` }).tagName).toBe('INPUT');
    cleanup();
    renderEditor(report, '二');
    expect(screen.getByRole('textbox', { name: `规章 ${NEW_T2_COLUMN}` }).tagName).toBe('INPUT');
    expect(document.body.textContent).toContain('收费金额以万元为单位');
  });

  it('writes the text with the new row and a five-column table 二', () => {
    const report = filledReport();
    const lines = renderText(report).split(/\r?\n/);
    const row = lines.find((l) => l.split('\t').includes(NEW_T3_ITEM));
    expect(row?.split('\t').slice(-7)).toEqual(['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other', 'total'].map((c) => String(report.values[`t3.${NEW_T3_ROW_ID}.${c}`])));
    const header = lines.find((l) => l.split('\t').includes(NEW_T2_COLUMN));
    expect(header?.split('\t')).toEqual(['信息内容', '本年制发件数', NEW_T2_COLUMN, '本年废止件数', '现行有效件数']);
  });

  it('writes Word tables with the new row and column', async () => {
    const report = filledReport();
    const { document } = await openDocx(await renderDocx(report));
    const tables = bodyChildren(document).filter((el) => el.localName === 'tbl');
    expect(tables).toHaveLength(3);
    const [t2, t3] = tables.map((t) => tableAnchors(t));
    expect(all(tables[0]!, 'gridCol')).toHaveLength(5);
    expect(t2!.anchors.some((a) => a.text === NEW_T2_COLUMN)).toBe(true);
    expect(t3!.rows).toHaveLength(tableGrid(FORMAT_2031.tables.t3).rowCount);
    const label = t3!.anchors.find((a) => a.text === NEW_T3_ITEM)!;
    const rowCells = t3!.anchors.filter((a) => a.row === label.row && a.col > label.col).map((a) => a.text);
    expect(rowCells).toEqual(['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other', 'total'].map((c) => String(report.values[`t3.${NEW_T3_ROW_ID}.${c}`])));
    expect(textOf(tables[1]!)).toContain(NEW_T3_ITEM);
  });

  it('reads its own text and Word output back to the same values, detected as its format', async () => {
    const report = filledReport();
    const text = importText(renderText(report));
    const word = await importDocx(await renderDocx(report));
    for (const result of [text, word]) {
      expect(result.ok && result.report.format).toBe(FORMAT_2031.id);
      expect(result.ok && result.report.values).toEqual(report.values);
    }
  });

  it('still reads a 2021-format report of an earlier year as 2021', () => {
    const [old] = fc.sample(arbitraryReport({ min: REVISION_YEAR - 1, max: REVISION_YEAR - 1 }), { seed: SEED, numRuns: 1 });
    const result = importText(renderText(old!));
    expect(result.ok && result.report.format).toBe('2021');
    expect(result.ok && result.report.values).toEqual(old!.values);
  });

  it('keeps its definition consistent with the checker’s index', () => {
    const index = cellIndex(reportFormat({ format: FORMAT_2031.id }));
    expect(index.get(`t3.${NEW_T3_ROW_ID}.total`)?.row).toBe(NEW_T3_ROW);
    expect(index.get('t2.normativeDocs.revised')?.column).toBe(NEW_T2_COLUMN);
  });
});
