import { describe, expect, it } from 'vitest';
import { documentXmlToBlocks } from '../../../src/import/readers/docx';

// The Word body is walked as bytes: only text inside <w:t> is decoded, properties are passed over.

const blocks = (xml: string) => documentXmlToBlocks(new TextEncoder().encode(xml));

describe('the Word body walk', () => {
  it('decodes text in any script, with entities, and drops word joiners', () => {
    expect(blocks('<w:p><w:r><w:t>电话 0000\u2060-\u206012 &amp; &#x4e00;</w:t></w:r></w:p>')).toEqual([{ kind: 'text', text: '电话 0000-12 & 一' }]);
  });

  it('passes over paragraph and run properties (tab stops are no tabs), in any case of the tag names', () => {
    const xml =
      '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs><w:rPr><w:b/></w:rPr></w:pPr>' +
      '<w:r><w:rPr><w:rFonts w:ascii="x"/></w:rPr><w:t>规章</w:t></w:r><w:r><w:tab/><w:t>2</w:t></w:r></w:p>' +
      '<W:P><W:PPR><W:TAB/></W:PPR><W:T>大写</W:T></W:P>';
    expect(blocks(xml)).toEqual([
      { kind: 'text', text: '规章 2' },
      { kind: 'text', text: '大写' },
    ]);
  });

  it('reads a table with a vertical merge, and goes on tag by tag where a property never closes', () => {
    const xml =
      '<w:tbl><w:tblPr><w:tblW w:w="0"/></w:tblPr><w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:t>1</w:t></w:p></w:tc></w:tr>' +
      '<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p><w:t>x</w:t></w:p></w:tc></w:tr></w:tbl><w:p><w:rPr><w:t>后</w:t></w:p>';
    expect(blocks(xml)).toEqual([
      { kind: 'row', cells: [{ text: '1' }] },
      { kind: 'row', cells: [{ text: '', covered: true }] },
      { kind: 'text', text: '后' },
    ]);
  });
});
