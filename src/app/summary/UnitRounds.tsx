import type { UnitRound } from './tracking';

// What each new version of a unit's report changed: figures, problems fixed, new problems.

const when = (iso: string) => new Date(iso).toLocaleString('zh-CN', { hour12: false });
const problemText = (p: UnitRound['fixed'][number]) => `${p.part ? `第${p.part}部分` : '全文'}：${p.message}`;

export function UnitRounds({ rounds }: { rounds: readonly UnitRound[] }) {
  if (rounds.length === 0) return null;
  return (
    <div className="unit-rounds">
      <h4>历次修改</h4>
      <ol>
        {rounds.map((r, i) => (
          <li key={i}>
            <p>
              {when(r.at)}：计入的文件由“{r.from}”改为“{r.to}”。
            </p>
            {r.figures.length > 0 && <p>数字变化：{r.figures.map((f) => `${f.label} ${f.before ?? '未填'} → ${f.after ?? '未填'}`).join('；')}</p>}
            {r.fixed.length > 0 && (
              <p>
                已改正（{r.fixed.length}）：{r.fixed.map(problemText).join('；')}
              </p>
            )}
            {r.added.length > 0 && (
              <p className="count-error">
                新出现的问题（{r.added.length}）：{r.added.map(problemText).join('；')}
              </p>
            )}
            {r.figures.length === 0 && r.fixed.length === 0 && r.added.length === 0 && <p>数字和问题都没有变化。</p>}
          </li>
        ))}
      </ol>
    </div>
  );
}
