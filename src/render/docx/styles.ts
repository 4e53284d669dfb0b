import type { IStylesOptions } from 'docx';
import { FONT } from './fonts';
import { BODY_CHARACTER_SPACING, SIZE } from './page';

// Styles. Normal carries the body font, size and spacing, so text a clerk adds in Word matches. Table and page-number paragraphs keep off the 22-line grid (w:snapToGrid 0), which
// docx's options cannot express, so those two styles are written as XML.

export const STYLE_ID = { tableText: 'NianbaoTableText', pageNumber: 'NianbaoPageNumber' } as const;

const noGrid = (id: string, name: string) =>
  `<w:style w:type="paragraph" w:customStyle="1" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="Normal"/>` +
  `<w:pPr><w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>` +
  '<w:rPr><w:spacing w:val="0"/></w:rPr></w:style>';

export const EXTERNAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
  noGrid(STYLE_ID.tableText, '表格文字') +
  noGrid(STYLE_ID.pageNumber, '页码') +
  '</w:styles>';

// Latin text and digits are marked English (East Asian text Chinese): LibreOffice breaks digits of a text marked
// Chinese anywhere, even inside a phone number.
const bodyRun = {
  font: FONT.body,
  size: SIZE.三号,
  sizeComplexScript: SIZE.三号,
  characterSpacing: BODY_CHARACTER_SPACING,
  language: { value: 'en-US', eastAsia: 'zh-CN' },
} as const;

export const STYLES: IStylesOptions = {
  default: { document: { run: bodyRun } },
  paragraphStyles: [{ id: 'Normal', name: 'Normal', quickFormat: true, run: bodyRun }],
};
