import { memo, useId } from 'react';
import type { Summary } from '../../summary';
import { STATUSES, statusOf, type Tracking, type UnitStatus } from './tracking';

// 收文和退改: each unit's files with the dates received, its status (已收/退回/已改/合格, set here; 退回 also
// when letters are made, 已改 when a new version comes to count) and how many rounds of changes it had.

const day = (iso: string) => iso.slice(0, 10);

export const TrackingCard = memo(function TrackingCard({ summary, received, tracking, onStatus }: { summary: Summary; received: ReadonlyMap<string, string>; tracking: Tracking; onStatus: (unit: string, s: UnitStatus['status']) => void }) {
  const id = useId();
  const units = new Map<string, typeof summary.units>();
  for (const u of summary.units) if (u.read) units.set(u.unit, [...(units.get(u.unit) ?? []), u]);
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>收文和退改情况</h2>
      <p className="hint">每个单位收到的文件和收到日期；状态可在此改，下载退回通知时有问题的单位记为“退回”，退回后收到新版本记为“已改”。记录保存在本机浏览器中，刷新或关闭后仍在。</p>
      <div className="grid-scroll" tabIndex={0} role="region" aria-label="收文和退改情况（可左右滚动）">
        <table className="units-table tracking-table">
          <thead>
            <tr>
              <th scope="col">单位</th>
              <th scope="col">状态</th>
              <th scope="col">收到的文件（收到日期，落款日期）</th>
              <th scope="col">修改次数</th>
            </tr>
          </thead>
          <tbody>
            {[...units].map(([unit, rows]) => (
              <tr key={unit}>
                <th scope="row">{unit}</th>
                <td>
                  <select aria-label={`${unit}的状态`} value={statusOf(tracking, unit)} onChange={(e) => onStatus(unit, e.target.value as UnitStatus['status'])}>
                    {STATUSES.map((s) => (
                      <option key={s}>{s}</option>
                    ))}
                  </select>
                </td>
                <td>
                  {rows.map((r) => (
                    <span key={r.file} className={`tracked-file${r.counted ? ' counted-yes' : ''}`} title={r.excluded?.text}>
                      {r.fileName}（{day(received.get(r.file) ?? '')}收到{r.publicationDate ? `，落款${r.publicationDate}` : ''}）{r.counted ? '计入' : ''}
                    </span>
                  ))}
                </td>
                <td className="number">{tracking.rounds[unit]?.length ?? 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
});
