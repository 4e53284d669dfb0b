import { describe, expect, it } from 'vitest';
import { checkImported, importText } from '../../src/import';
import { renderText } from '../../src/render/text';
import { loadExample } from '../support/examples';

// A page captured whole (its footer follows the last part, or the text ends on a finished sentence or table)
// lacks what it lacks: missing later parts are errors. Only a text that stops mid-sentence or mid-table is cut.

const text = renderText(loadExample('2024')).replace(/\r\n/g, '\n');
const upTo = (marker: string) => text.slice(0, text.indexOf(marker));
const read = (t: string) => {
  const r = importText(t);
  if (!r.ok) throw new Error(r.error);
  return checkImported(r.report, r.findings, undefined, r.unseen);
};
const missingParts = (findings: ReturnType<typeof read>) => findings.filter((f) => f.severity === 'error' && /没有找到第.部分/.test(f.message)).map((f) => f.part);
const cutSaid = (findings: ReturnType<typeof read>) => findings.filter((f) => /处结束/.test(f.message));

describe('complete versus truncated', () => {
  it('the site footer right after part 四: parts 五 and 六 are missing (errors), not cut', () => {
    const findings = read(`${upTo('五、存在的主要问题')}\n扫一扫在手机打开当前页\n打印本页 关闭窗口\n`);
    expect(missingParts(findings)).toEqual(['五', '六']);
    expect(cutSaid(findings)).toEqual([]);
    expect(findings.find((f) => /已略去/.test(f.message))?.message).toContain('扫一扫在手机打开当前页');
  });

  it('a text ending after a finished table 四, without a footer: the missing parts are errors too', () => {
    expect(missingParts(read(upTo('五、存在的主要问题')))).toEqual(['五', '六']);
  });

  it('a text stopping mid-sentence is a cut capture: said once, nothing after it missing', () => {
    const first = text.indexOf('。', text.indexOf('（一）主动公开'));
    const findings = read(text.slice(0, first - 4));
    expect(missingParts(findings)).toEqual([]);
    expect(cutSaid(findings)).toHaveLength(1);
  });

  it('a text stopping mid-table is a cut capture', () => {
    const findings = read(upTo('（三）不予公开'));
    expect(missingParts(findings)).toEqual([]);
    expect(cutSaid(findings)).toHaveLength(1);
  });
});
