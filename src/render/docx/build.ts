import { DocumentGridType, Document, type FileChild } from 'docx';
import { documentOf } from '../../core/document';
import type { Report } from '../../core/report';
import { LINE_PITCH, PAGE } from './page';
import { pageNumberFooters } from './page-numbers';
import { blankLine, body, ending, partHeading, subHeading, titleLine } from './paragraphs';
import { EXTERNAL_STYLES, STYLES } from './styles';
import { renderTableDocx } from './table';
import { xmlSafe } from './text';

// The report as a docx document tree, in the order of the shared document model.

export function buildDocx(report: Report): Document {
  const doc = documentOf(report);
  const children: FileChild[] = [...doc.titleLines.filter((l) => l.trim()).map(titleLine), blankLine()];
  for (const p of doc.intro) children.push(...body(p));
  const lastSection = doc.sections.at(-1);
  for (const section of doc.sections) {
    children.push(partHeading(section.part.heading));
    if (section.kind === 'table') {
      children.push(renderTableDocx(report, section.table));
      continue;
    }
    // The signature never stands alone on a page (GB/T 9704 §7.3.5): the last paragraph goes with it.
    const last = section === lastSection ? section.blocks.at(-1) : undefined;
    for (const block of section.blocks) children.push(...(block.type === 'heading' ? subHeading(block.text) : body(block.text, block === last)));
  }
  children.push(blankLine(true), ...ending(doc.ending.agency, doc.ending.date));

  return new Document({
    title: xmlSafe(doc.titleLines.join('')),
    creator: xmlSafe(report.meta.agency),
    evenAndOddHeaderAndFooters: true,
    externalStyles: EXTERNAL_STYLES,
    styles: STYLES,
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { ...PAGE.margin, header: PAGE.header, footer: PAGE.footer },
          },
          // 22 lines a page; the 28 characters a line come from the body text's spacing (see page.ts).
          grid: { type: DocumentGridType.LINES, linePitch: LINE_PITCH },
        },
        footers: pageNumberFooters(),
        children,
      },
    ],
  });
}
