import { describe, expect, it } from 'vitest';
import { agencyKindEffects, proposedAgencyKind } from '../../src/core/agency-kind';

describe('the kind of agency', () => {
  it('is proposed from the name', () => {
    expect(proposedAgencyKind('青禾县城关镇人民政府')).toBe('乡镇街道');
    expect(proposedAgencyKind('青禾县白水乡人民政府')).toBe('乡镇街道');
    expect(proposedAgencyKind('青禾区东湖街道办事处')).toBe('乡镇街道');
    expect(proposedAgencyKind('青禾区东湖街道')).toBe('乡镇街道');
    expect(proposedAgencyKind('青禾市人民政府')).toBe('人民政府');
    expect(proposedAgencyKind('青禾市人民政府办公室')).toBe('政府部门');
    expect(proposedAgencyKind('青禾市生态环境局')).toBe('政府部门');
    expect(proposedAgencyKind('  ')).toBeUndefined();
  });

  it('says what the choice changes: the deadline and the 规章 row', () => {
    expect(agencyKindEffects('人民政府', 2024)).toContain('2025年3月31日');
    expect(agencyKindEffects('政府部门', 2024)).toContain('2025年1月31日');
    expect(agencyKindEffects('乡镇街道', 2024)).toMatch(/2025年1月31日.*规章/);
  });
});
