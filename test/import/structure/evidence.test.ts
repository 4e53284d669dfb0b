import { describe, expect, it } from 'vitest';
import { agencyFromText, agencyKindFromText, isAgencyName, titleEvidence, weighYear, yearEvidence } from '../../../src/import/structure/evidence';

describe('the year by evidence', () => {
  it('weighs the statistics period over a year’s work mentioned in passing', () => {
    const found = weighYear(yearEvidence(['本报告所列数据的统计期限为2024年1月1日至2024年12月31日。', '2025年，我局将继续推进政务公开工作。']));
    expect(found).toMatchObject({ year: 2024, sources: ['统计期限'], disagreeing: [] });
  });

  it('reads “YYYY年度”, a sentence on the year’s work, the date line (a year before it) and the file name', () => {
    expect(weighYear(yearEvidence(['现将我办2022年度政府信息公开情况报告如下：']))?.year).toBe(2022);
    expect(weighYear(yearEvidence(['2020年，我街按照全区要求推进公开。']))?.year).toBe(2020);
    expect(weighYear(yearEvidence(['2021年1月20日']))).toMatchObject({ year: 2020, sources: ['落款日期'] });
    expect(weighYear(yearEvidence([], '17-wendeng-zhujianju-2019.txt'))).toMatchObject({ year: 2019, sources: ['文件名'] });
  });

  it('has no answer where nothing states a year (and ignores years before the formats)', () => {
    expect(weighYear(yearEvidence(['本单位无其他需要报告的事项。', '2008年5月1日起施行的条例。']))).toBeUndefined();
  });

  it('the consistent majority wins: the title above a lone period sentence, two kinds together above the title', () => {
    const period = yearEvidence(['本报告统计期限自2020年1月1日至2020年12月31日止。']);
    const titled = weighYear([...period, titleEvidence(2021, '某某局2021年政府信息公开工作年度报告')]);
    expect(titled).toMatchObject({ year: 2021, sources: ['标题'] });
    expect(titled!.disagreeing.map((e) => [e.source, e.year, e.text])).toEqual([['统计期限', 2020, '本报告统计期限自2020年1月1日至2020年12月31日止。']]);
    const outvoted = weighYear([...period, ...yearEvidence(['现将2020年度工作报告如下：', '2020年，我局推进政务公开。']), titleEvidence(2021, '某某局2021年政府信息公开工作年度报告')]);
    expect(outvoted?.year).toBe(2020);
    expect(outvoted!.disagreeing.map((e) => e.source)).toEqual(['标题']);
  });

  it('the file name only where the text states no year; a publication date of the page counts as the year before it', () => {
    expect(weighYear(yearEvidence(['2022年以来，我镇持续推进公开。'], '报告-2019.txt'))).toMatchObject({ year: 2022, sources: ['正文所写的年度工作'] });
    expect(weighYear(yearEvidence(['本单位无其他需要报告的事项。'], '报告-2019.txt'))).toMatchObject({ year: 2019, sources: ['文件名'] });
    expect(weighYear(yearEvidence([], '', ['发布时间:2024-01-31 10:00']))).toMatchObject({ year: 2023, sources: ['网页的发布日期'] });
  });

  it('a sentence with full-width digits and spaces still counts', () => {
    expect(weighYear(yearEvidence(['统计期限自 ２０２３ 年 1 月 1 日起']))?.year).toBe(2023);
  });
});

describe('the agency by evidence', () => {
  it('the kind from how the report speaks of itself', () => {
    expect(agencyKindFromText(['现结合我镇实际汇报工作。'])).toBe('乡镇街道');
    expect(agencyKindFromText(['本局严格执行条例。'])).toBe('政府部门');
    expect(agencyKindFromText(['全市推进政务公开。'])).toBeUndefined();
  });

  it('a signature line is a short name ending as agencies’ names do', () => {
    expect(isAgencyName('长沙市天心区桂花坪街道办事处')).toBe(true);
    expect(isAgencyName('青禾市人民政府')).toBe(true);
    expect(isAgencyName('本单位无其他需要报告的事项。')).toBe(false);
    expect(isAgencyName('2021年1月20日')).toBe(false);
  });
});

describe('the agency from the opening sentences', () => {
  it('reads “编制…年度某某政府信息公开工作年度报告” and a first sentence led by the name', () => {
    expect(agencyFromText(['根据《条例》，特编制2020年度青禾市生态环境局政府信息公开工作年度报告。'])).toBe('青禾市生态环境局');
    expect(agencyFromText(['临江区住建局高度重视政府信息公开工作，及时调整领导小组。'])).toBe('临江区住建局');
    expect(agencyFromText(['按照区委、区政府有关要求，进一步完善公开制度。'])).toBeUndefined();
  });
});
