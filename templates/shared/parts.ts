import type { PartDef, PartId } from '../types';

// The six parts are identical in both formats (spec §1).
export const PART_IDS: readonly PartId[] = ['一', '二', '三', '四', '五', '六'];
/** The parts written as text (the others are tables); a literal tuple so the report schema can key on it. */
export const NARRATIVE_PART_IDS = ['一', '五', '六'] as const satisfies readonly PartId[];

export const PARTS: readonly PartDef[] = [
  {
    id: '一',
    heading: '一、总体情况',
    title: '总体情况',
    kind: 'narrative',
    checklist: [
      { text: '主动公开', words: ['主动公开'] },
      { text: '依申请公开', words: ['依申请'] },
      { text: '政府信息管理', words: ['管理'] },
      { text: '政府信息公开平台建设', words: ['平台', '网站', '政务新媒体'] },
      { text: '监督保障', words: ['监督', '保障', '考核', '培训'] },
    ],
    checklistReminder: true,
    checklistHeadings: true,
    applicationSummary: true,
  },
  { id: '二', heading: '二、主动公开政府信息情况', title: '主动公开政府信息情况', kind: 'table', table: 't2' },
  {
    id: '三',
    heading: '三、收到和处理政府信息公开申请情况',
    title: '收到和处理政府信息公开申请情况',
    kind: 'table',
    table: 't3',
  },
  {
    id: '四',
    heading: '四、政府信息公开行政复议、行政诉讼情况',
    title: '政府信息公开行政复议、行政诉讼情况',
    kind: 'table',
    table: 't4',
  },
  {
    id: '五',
    heading: '五、存在的主要问题及改进情况',
    title: '存在的主要问题及改进情况',
    kind: 'narrative',
    checklist: [
      { text: '存在的主要问题', words: ['问题', '不足'] },
      { text: '改进情况或措施', words: ['改进', '措施'] },
    ],
  },
  {
    id: '六',
    heading: '六、其他需要报告的事项',
    title: '其他需要报告的事项',
    kind: 'narrative',
    checklist: [
      { text: '信息处理费收取情况（或未收取）', words: ['信息处理费'] },
      { text: '年度政务公开工作要点落实情况', words: ['工作要点'] },
      { text: '人大代表建议和政协提案办理结果公开情况', words: ['人大代表建议', '政协提案', '建议提案'] },
      { text: '如无其他事项，写“无”', words: [] },
    ],
    mayBeNone: true,
  },
];
