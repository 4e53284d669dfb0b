import { AlignmentType, Footer, PageNumber, Paragraph, TextRun } from 'docx';
import { FONT } from './fonts';
import { SIZE } from './page';
import { STYLE_ID } from './styles';

// "— N —" in 4号宋体: odd pages at the right, even pages at the left, one character in from the margin
// (GB/T 9704 §7.5). Word shows the `even` footer only when the document sets evenAndOddHeaders.

const ONE_CHAR = SIZE.四号 * 10; // 14 pt in twips

function pageNumber(side: 'odd' | 'even'): Footer {
  return new Footer({
    children: [
      new Paragraph({
        style: STYLE_ID.pageNumber,
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: ONE_CHAR } : { left: ONE_CHAR },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: FONT.pageNumber, size: SIZE.四号, sizeComplexScript: SIZE.四号 })],
      }),
    ],
  });
}

export const pageNumberFooters = (): { default: Footer; even: Footer } => ({ default: pageNumber('odd'), even: pageNumber('even') });
