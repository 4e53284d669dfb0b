import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { importText } from '../../../src/import';
import { isTraditional, simplifiedText, toSimplified } from '../../../src/import/normalise/traditional';
import { renderText } from '../../../src/render/text';
import { loadExample } from '../../support/examples';

const toTaiwan = OpenCC.Converter({ from: 'cn', to: 'tw' });

describe('traditional characters', () => {
  it('tells a traditional text from a simplified one that quotes a traditional word or two', () => {
    expect(isTraditional('本機關全年主動公開政府資訊，處理申請並按時答覆，統計數據如下。')).toBe(true);
    expect(isTraditional('本机关全年主动公开政府信息，处理申请并按时答复，统计数据如下。')).toBe(false);
    expect(isTraditional('我局与“臺灣同胞”联谊会开展交流，本年度主动公开信息120条。')).toBe(false);
    expect(simplifiedText('本机关全年主动公开政府信息。')).toEqual({ text: '本机关全年主动公开政府信息。', traditional: false });
  });

  it('converts the labels’ regional words and keeps mainland words written in traditional characters', () => {
    expect(toSimplified('規範性檔案')).toBe('规范性文件');
    expect(toSimplified('行政規範性文件')).toBe('行政规范性文件');
    expect(toSimplified('行政強製')).toBe('行政强制');
    expect(toSimplified('本年收費金額（萬元）')).toBe('本年收费金额（万元）');
    expect(toSimplified('行政複議')).toBe('行政复议');
    expect(toSimplified('檔案館')).toBe('档案馆');
  });

  it('a report converted to traditional characters (opencc cn→tw) reads to the same report, said once', () => {
    const example = loadExample('2024');
    const read = importText(toTaiwan(renderText(example)));
    if (!read.ok) throw new Error(read.error);
    expect(read.report.values).toEqual(example.values);
    expect(read.report.meta.year).toBe(example.meta.year);
    expect(read.report.format).toBe(example.format);
    expect(read.findings.map((f) => `${f.severity} ${f.rule}`)).toEqual(['info 读取']);
    expect(read.findings[0]!.message).toContain('繁体字');
  });
});
