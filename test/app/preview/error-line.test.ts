import { describe, expect, it } from 'vitest';
import { alignedTextFileName, errorLine } from '../../../src/app/preview/PreviewPage';
import { loadExample } from '../../support/examples';

describe('the errors listed before a Word export', () => {
  it('names the place when there is one, and starts with the message when the error is about the whole report', () => {
    expect(errorLine({ part: '三', row: '（七）总计', column: '自然人', message: '总计不对。' })).toBe('第三部分 （七）总计 自然人：总计不对。');
    expect(errorLine({ part: null, row: null, column: null, message: '缺少机关名称。' })).toBe('缺少机关名称。');
  });

  it('names the aligned text so it is not taken for the one to paste', () => {
    expect(alignedTextFileName(loadExample('2024'))).toMatch(/年政府信息公开工作年度报告\.对齐\.txt$/);
  });
});
