import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMATS } from '../../templates';
import { confirmAction, groupByPart, isNamedRule, partTitle, ruleName } from '../../src/core/findings-wording';
import { repoPath } from '../support/examples';

/** Every rule id a finding is made with in src/ (`rule: '…'`). */
function ruleIdsInSource(): Set<string> {
  const ids = new Set<string>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(e.name)) for (const m of readFileSync(full, 'utf8').matchAll(/\brule: '([^']+)'/g)) ids.add(m[1]!);
    }
  };
  walk(repoPath('src'));
  return ids;
}

describe('findings in words', () => {
  it('names every rule of every format in words, never by its tag', () => {
    const ids = new Set([...FORMATS.flatMap((f) => f.rules.map((r) => r.id)), '跨年', '空白', '数值', '单位', '内容', '叙述一致', '收费', '期限', '格式', '结构', '规章权限', '读取', '雷同', '粘贴合计']);
    for (const id of ids) {
      const name = ruleName(id);
      expect(name, id).not.toContain('-');
      expect(name, id).not.toBe('');
    }
    expect(ruleName('三-行合计')).toBe('表三 行合计');
    expect(ruleName('四-合计')).toBe('表四 总计');
    expect(ruleName('跨年')).toBe('与上年衔接');
    expect(ruleName('跨年-结转')).toBe('与上年衔接（上年结转）');
    expect(ruleName('现行有效')).toBe('表二 现行有效件数');
  });

  it('has a name for every rule a finding is made with, in the checker, the reader and the summary', () => {
    const ids = [...ruleIdsInSource(), ...FORMATS.flatMap((f) => f.rules.map((r) => r.id))];
    expect(ids.length).toBeGreaterThan(15);
    expect(ids.filter((id) => !isNamedRule(id))).toEqual([]);
  });

  it('asks the clerk to confirm what the warning is about', () => {
    expect(confirmAction({ rule: '内容' })).toBe('内容无误，确认此警告…');
    expect(confirmAction({ rule: '跨年-结转' })).toBe('数字无误，确认此警告…');
    expect(confirmAction({ rule: '期限' })).toBe('日期无误，确认此警告…');
  });

  it('titles groups by the format’s part headings, the whole document first', () => {
    const f = (part: '三' | '一' | null) => ({ part });
    const groups = groupByPart([f('三'), f(null), f('一')], FORMATS[1]);
    expect(groups.map((g) => g.title)).toEqual(['报告整体', '一、总体情况', '三、收到和处理政府信息公开申请情况']);
    expect(partTitle('五')).toBe('第五部分');
  });
});
