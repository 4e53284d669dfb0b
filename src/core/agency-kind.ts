import type { AgencyKind } from './report';
import { publicationDeadline } from './checker/report-rules';
import { chineseDate } from './document';

// The kind of agency, proposed from its name, and what the choice changes (deadline, the 规章 row).

/**
 * The kind a name suggests: a 镇/乡/街道 (人民政府, 办事处) is 乡镇街道, another 人民政府 is 人民政府, anything
 * else (a bureau, an office of a government) 政府部门. Undefined for an empty name. Only a proposal: the clerk chooses.
 */
export function proposedAgencyKind(name: string): AgencyKind | undefined {
  const text = name.replace(/[\s\u3000]/g, '');
  if (!text) return undefined;
  if (/(镇|乡|街道)(人民政府|政府|办事处)?$/.test(text)) return '乡镇街道';
  if (/人民政府$/.test(text)) return '人民政府';
  return '政府部门';
}

/** What choosing `kind` changes, in one line for the form. */
export function agencyKindEffects(kind: AgencyKind, year: number): string {
  const deadline = chineseDate(publicationDeadline(year, kind));
  switch (kind) {
    case '人民政府':
      return `按人民政府检查：${year}年度报告应于${deadline}前公布（条例第四十九条）；表二“规章”一行按实际填写（设区的市、自治州以上人民政府有规章制定权）。`;
    case '政府部门':
      return `按政府部门检查：${year}年度报告应于${deadline}前公布（条例第四十九条）；表二“规章”一行填了非零数字时会提示核实（政府部门一般没有规章制定权）。`;
    case '乡镇街道':
      return `按乡镇街道检查：${year}年度报告一般不晚于${deadline}公布（以当地规定为准）；表二“规章”一行填了非零数字时会提示核实（乡镇、街道没有规章制定权）。`;
    case '其他':
      return `按其他机关检查：${year}年度报告一般参照政府部门，不晚于${deadline}公布；不核对规章制定权。`;
  }
}
