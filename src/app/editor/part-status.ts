import type { PartState } from '../store/nav-summary';

// The words the side navigation shows for a part's state (the state itself is computed in the store's nav-summary).

export const PART_STATE_LABEL: Record<PartState, string> = {
  empty: '未开始',
  partial: '填写中',
  carried: '待修改',
  complete: '已完成',
  errors: '有错误',
  warnings: '有警告',
};
