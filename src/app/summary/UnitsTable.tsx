import { SEVERITY_LABEL } from '../../core/checker';
import { FIGURE_LABEL, RATES, type Summary, type UnitRow } from '../../summary';
import { ruleName } from '../../core/findings-wording';

// 单位情况: one row per file, errors and late reports marked; a unit's findings open beneath its row.

const lateText = (u: UnitRow) => (u.late === null ? (u.read ? '无落款日期' : '') : u.late ? '逾期' : '按期');
const figure = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));
const percent = (v: number | null | undefined) => (v === null || v === undefined ? '' : `${v}%`);

export function UnitsTable({ summary }: { summary: Summary }) {
  return (
    <div className="grid-scroll" tabIndex={0} role="region" aria-label="单位情况（可左右滚动）">
      <table className="units-table">
        <caption className="visually-hidden">单位情况</caption>
        <thead>
          <tr>
            <th scope="col">机关名称</th>
            <th scope="col">文件</th>
            <th scope="col">年度</th>
            <th scope="col">错误</th>
            <th scope="col">警告</th>
            <th scope="col">落款日期</th>
            <th scope="col">是否逾期</th>
            <th scope="col">{FIGURE_LABEL.received}</th>
            <th scope="col">{FIGURE_LABEL.handled}</th>
            {RATES.map((r) => (
              <th scope="col" key={r.id}>
                {r.label}
                <span className="formula">＝{r.formula}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {summary.units.map((u, i) => (
            <tr key={i} className={u.errors > 0 ? 'row-error' : undefined}>
              <th scope="row">
                {u.read ? (
                  <details>
                    <summary>{u.agency || '（未写机关名称）'}</summary>
                    <ul className="unit-findings">
                      {u.findings
                        .filter((f) => f.severity !== 'info')
                        .map((f, j) => (
                          <li key={j} className={`finding finding-${f.severity}`}>
                            <span className="severity">{SEVERITY_LABEL[f.severity]}</span>
                            <span className="where">
                              {f.part ? `第${f.part}部分` : '全文'} · {ruleName(f.rule)}
                              {f.row ? ` · ${[f.row, f.column].filter(Boolean).join(' / ')}` : ''}
                            </span>
                            {f.message}
                          </li>
                        ))}
                    </ul>
                  </details>
                ) : (
                  <span className="unreadable">无法读取：{u.error}</span>
                )}
              </th>
              <td className="file-name">{u.file}</td>
              <td>{u.year ?? ''}</td>
              <td className={u.errors ? 'count-error' : undefined}>{u.errors}</td>
              <td className={u.warnings ? 'count-warning' : undefined}>{u.warnings}</td>
              <td>{u.publicationDate}</td>
              <td className={u.late ? 'late' : undefined}>{lateText(u)}</td>
              <td className="number">{figure(u.figures?.received)}</td>
              <td className="number">{figure(u.figures?.handled)}</td>
              {RATES.map((r) => (
                <td className="number" key={r.id}>
                  {percent(u.rates?.[r.id])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
