import fc from 'fast-check';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../src/import';
import { renderText } from '../../src/render/text';
import { loadExample } from '../support/examples';
import { seeded } from '../support/fuzz';
import { expectSettled } from '../support/settled-read';

// Whatever a file holds, reading it ends with a report or a clear error, never an exception or a hang.


describe('damaged and hostile files', () => {
  it('random bytes under every supported name', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), fc.constantFrom('a.txt', 'a.html', 'a.htm', 'a.docx', 'a.json'), async (bytes, name) => {
        expectSettled(await importFile(name, bytes));
      }),
      seeded('hostile bytes', 200),
    );
  });

  it('broken markup and cut-off reports', async () => {
    const text = renderText(loadExample('2024'));
    const tags = fc.constantFrom('<table>', '</table>', '<tr>', '<td colspan="99999">', '<td rowspan=-3>', '</td>', '<script>', '<!--', '<p>', '<div class="footer">', '&#99999999;', '<td rowspan="500">');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(tags, fc.string({ maxLength: 20 })), { maxLength: 60 }), fc.nat({ max: text.length }), async (parts, cut) => {
        const html = new TextEncoder().encode(parts.join('') + text.slice(0, cut));
        expectSettled(await importFile('page.html', html));
        expectSettled(await importFile('cut.txt', new TextEncoder().encode(text.slice(0, cut))));
      }),
      seeded('hostile markup', 150),
    );
  });

  it('a .docx whose document.xml is not Word XML', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', '<w:document><w:body><w:tbl><w:tr><w:tc><w:p><w:r><w:t>未闭合');
    const read = await importFile('x.docx', await zip.generateAsync({ type: 'uint8array' }));
    expect(read).toEqual({ ok: false, error: expect.stringContaining('不是政府信息公开工作年度报告') });
  });

  it('the old binary Word format is named, with what to do', async () => {
    expect(await importFile('旧报告.doc', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]))).toEqual({ ok: false, error: expect.stringContaining('另存为” .docx') });
  });
});
