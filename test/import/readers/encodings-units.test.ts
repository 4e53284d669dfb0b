import { describe, expect, it } from 'vitest';
import { importFile, importText } from '../../../src/import';
import { NO_RULINGS, pageRulings, rulingsOf } from '../../../src/import/readers/pdf';
import { renderText } from '../../../src/render/text';
import { loadExample } from '../../support/examples';
import { encodeGbk } from '../../support/gbk';
import { asHtmlPage } from '../layouts';

const example = loadExample('2024');
const text = renderText(example);

describe('files in GBK / GB18030', () => {
  it('a .txt saved by an older Windows reads like its UTF-8 original', async () => {
    const bytes = encodeGbk(text);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const read = await importFile('报告.txt', bytes);
    if (!read.ok) throw new Error(read.error);
    expect(read.report.values).toEqual(example.values);
    expect(read.report.meta.agency).toBe(example.meta.agency);
    expect(read.report.narrative).toEqual(example.narrative);
  });

  it('a web page declaring charset=gb2312 reads like the UTF-8 page', async () => {
    const page = asHtmlPage(example).replace('<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">');
    expect(page).toContain('charset=gb2312');
    const read = await importFile('报告.html', encodeGbk(page));
    if (!read.ok) throw new Error(read.error);
    expect(read.report.values).toEqual(example.values);
    expect(read.report.narrative.五).toEqual(example.narrative.五);
  });
});

describe('money columns headed in 元', () => {
  it('are converted to 万元 on import, each with a warning naming the cell', () => {
    const yuan = text.replace('本年收费金额（单位：万元）', '本年收费金额（单位：元）').replace(/^(行政事业性收费\t)[^\n]*$/m, '$1964500');
    expect(yuan).toContain('（单位：元）');
    const read = importText(yuan);
    if (!read.ok) throw new Error(read.error);
    expect(read.report.values['t2.fees.amount']).toBe('96.45');
    const unit = read.findings.filter((f) => f.rule === '单位');
    expect(unit).toHaveLength(1);
    expect(unit[0]).toMatchObject({ part: '二', cell: 't2.fees.amount' });
    expect(unit[0]!.message).toContain('已换算为 96.45 万元');
  });

  it('a header in 万元 converts nothing', () => {
    const read = importText(text);
    expect(read.ok && read.report.values['t2.fees.amount']).toBe(example.values['t2.fees.amount']);
  });
});

describe('a PDF whose drawing stream is damaged', () => {
  const ops = { save: 10, restore: 11, transform: 12, constructPath: 91, endPath: 28 };

  it('costs only the table borders: a failing operator list gives no rulings, not an error', async () => {
    const page = { getOperatorList: () => Promise.reject(new Error('bad XRef entry')) };
    await expect(pageRulings(page, ops)).resolves.toBe(NO_RULINGS);
  });

  it('skips null or malformed paths and keeps the good ones', () => {
    const line = [0, 10, 100, 1, 200, 100];
    const list = { fnArray: [ops.constructPath, ops.constructPath, ops.constructPath], argsArray: [[1, [null, line]], [1, 'not paths'], null] };
    const rulings = rulingsOf(list, ops);
    expect(rulings.h).toEqual([{ at: 100, from: 10, to: 200 }]);
    expect(rulings.v).toEqual([]);
  });
});
