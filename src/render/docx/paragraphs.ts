import { AlignmentType, Paragraph, TextRun, type IFontAttributesProperties } from 'docx';
import { FONT } from './fonts';
import { BODY_CHARACTER_SPACING, chars, SIZE } from './page';
import { paragraphsOf, textWidth, xmlSafe } from './text';

// The paragraph kinds of a 公文 (GB/T 9704 §7.3): title, level-1 and level-2 headings, body, ending.

/**
 * A hyphen between digits (0000-1234567) held to them by word joiners (U+2060, invisible), so that a phone number
 * never breaks at its hyphen (Word and LibreOffice break after a hyphen, LibreOffice even after a non-breaking one).
 */
const unbrokenNumbers = (text: string): string => text.replace(/(?<=\d)-(?=\d)/g, '\u2060-\u2060');

const run = (text: string, font: IFontAttributesProperties, size: number, bold = false): TextRun =>
  new TextRun({
    text: unbrokenNumbers(xmlSafe(text)),
    font,
    size,
    sizeComplexScript: size,
    ...(size === SIZE.三号 ? { characterSpacing: BODY_CHARACTER_SPACING } : {}),
    ...(bold ? { bold: true, boldComplexScript: true } : {}),
  });

/** 2-character first-line indent, in characters for Word and WPS and in twips for the rest. */
const FIRST_LINE = { firstLineChars: 200, firstLine: chars(2) } as const;

export const titleLine = (text: string): Paragraph =>
  new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, children: [run(text, FONT.title, SIZE.二号)] });

export const blankLine = (keepNext = false): Paragraph => new Paragraph({ children: [], ...(keepNext ? { keepNext: true } : {}) });

/** `一、…` in 黑体; kept with what follows so a heading never ends a page. */
export const partHeading = (text: string): Paragraph =>
  new Paragraph({ indent: FIRST_LINE, keepNext: true, outlineLevel: 0, children: [run(text, FONT.heading1, SIZE.三号)] });

const LEVEL2 = /^[（(][一二三四五六七八九十]+[）)]/;
const LEVEL3 = /^\d+[.．]/;

/** A narrative sub-heading: `（一）…` in 楷体, `1.…` in bold 仿宋, anything else as a `（一）`-level heading. */
export function subHeading(text: string): Paragraph[] {
  return paragraphsOf(text).map((line) => {
    const numbered = LEVEL3.test(line) && !LEVEL2.test(line);
    return new Paragraph({
      indent: FIRST_LINE,
      keepNext: true,
      outlineLevel: numbered ? 2 : 1,
      children: [numbered ? run(line, FONT.body, SIZE.三号, true) : run(line, FONT.heading2, SIZE.三号)],
    });
  });
}

/** Body paragraphs; `keepNext` keeps the last one on the page of what follows (the text before the signature). */
export const body = (text: string, keepNext = false): Paragraph[] =>
  paragraphsOf(text).map(
    (line, i, lines) =>
      new Paragraph({
        indent: FIRST_LINE,
        alignment: AlignmentType.BOTH,
        ...(keepNext && i === lines.length - 1 ? { keepNext: true } : {}),
        children: [run(line, FONT.body, SIZE.三号)],
      }),
  );

/**
 * Signature and date at the right, 2 characters from the margin, centred on each other
 * (GB/T 9704 §7.3.5: 署名以成文日期为准居中).
 */
export function ending(agency: string, date: string): Paragraph[] {
  const a = textWidth(agency);
  const d = date ? textWidth(date) : a;
  const line = (text: string, rightChars: number) =>
    new Paragraph({ alignment: AlignmentType.RIGHT, keepNext: true, indent: { right: chars(rightChars) }, children: [run(text, FONT.body, SIZE.三号)] });
  const paragraphs = [line(agency, 2 + Math.max(0, (d - a) / 2))];
  if (date) paragraphs.push(line(date, 2 + Math.max(0, (a - d) / 2)));
  return paragraphs;
}
