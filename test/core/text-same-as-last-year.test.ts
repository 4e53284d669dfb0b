import { describe, expect, it } from 'vitest';
import { checkReport } from '../../src/core/checker';
import { continueFromLastYear } from '../../src/core/new-report';
import { loadExample } from '../support/examples';

// Carrying last year's text over is a starting point; a paragraph left as it was is flagged.

const textFindings = (r: ReturnType<typeof loadExample>) => checkReport(r).filter((f) => f.rule === '文字雷同');

describe('文字雷同: paragraphs left as last year wrote them', () => {
  it('carries last year\'s parts 一、五、六 only when asked, and keeps them for the check either way', () => {
    const last = loadExample('2024');
    const plain = continueFromLastYear(last);
    expect(plain.narrative).toEqual({ 一: [], 五: [], 六: [] });
    expect(plain.previous?.narrative).toEqual(last.narrative);
    const carried = continueFromLastYear(last, { text: true });
    expect(carried.narrative).toEqual(last.narrative);
    expect(carried.narrative.一).not.toBe(last.narrative.一);
  });

  it('flags each part with paragraphs unchanged, and stops once they are rewritten', () => {
    const last = loadExample('2024');
    const report = continueFromLastYear(last, { text: true });
    const parts = textFindings(report).map((f) => f.part);
    const long = (blocks: typeof last.narrative.一) => blocks.some((b) => b.text.replace(/\s/g, '').length >= 20);
    expect(parts).toEqual((['一', '五', '六'] as const).filter((p) => long(last.narrative[p])));
    expect(parts.length).toBeGreaterThan(0);
    for (const part of ['一', '五', '六'] as const) report.narrative[part] = report.narrative[part].map((b) => ({ ...b, text: `${report.meta.year}年，${b.text}` }));
    expect(textFindings(report)).toEqual([]);
  });
});
