import { documentOf, pieceText } from '../../core/document';
import { rowPieces, tableGrid } from '../../core/layout';
import type { Report } from '../../core/report';

/**
 * The report as it will print: title, opening, six parts, tables with their merged headers, signature. It walks
 * the same document model (and table layout grid) as the Word and text renderers, paragraph for paragraph.
 */
export function DocumentPreview({ report }: { report: Report }) {
  const doc = documentOf(report);
  return (
    <article className="paper" aria-label="报告预览">
      <h2 className="paper-title">
        {doc.titleLines[0]}
        <br />
        {doc.titleLines[1]}
      </h2>
      {doc.intro.map((p, i) => (
        <p key={i} className="paper-p">
          {p}
        </p>
      ))}
      {doc.sections.map((section) => (
        <section key={section.part.id}>
          <h3 className="paper-h1">{section.part.heading}</h3>
          {section.kind === 'narrative' ? (
            section.blocks.map((b, i) =>
                b.type === 'heading' ? (
                  <h4 key={i} className="paper-h2">
                    {b.text}
                  </h4>
                ) : (
                  <p key={i} className="paper-p">
                    {b.text}
                  </p>
                ),
              )
          ) : (
            <table className={`paper-table paper-${section.table.id}`}>
              <tbody>
                {Array.from({ length: tableGrid(section.table).rowCount }, (_, r) => (
                  <tr key={r}>
                    {rowPieces(tableGrid(section.table), r)
                      .filter((p) => p.starts)
                      .map((piece) => {
                        const { anchor } = piece;
                        return (
                          <td key={anchor.col} colSpan={anchor.colSpan} rowSpan={anchor.rowSpan} className={anchor.cell.type === 'value' ? 'num' : 'lbl'}>
                            {pieceText(report, piece)}
                          </td>
                        );
                      })}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ))}
      <p className="paper-sign">
        {doc.ending.agency}
        {doc.ending.date && (
          <>
            <br />
            {doc.ending.date}
          </>
        )}
      </p>
    </article>
  );
}
