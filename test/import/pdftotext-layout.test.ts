import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importText } from '../../src/import';
import { renderDocx } from '../../src/render/docx';
import { loadExample } from '../support/examples';
import { haveTools } from '../support/system-tools';

// A Word report printed to PDF by LibreOffice and turned into text by `pdftotext -layout`: labels in narrow
// columns are cut around their numbers, group labels stand vertically, headers repeat after page breaks.
// Every number reads back into its cell.

describe.runIf(haveTools('libreoffice', 'pdftotext'))('pdftotext -layout of a Word report', () => {
  it('reads every number of both formats back into its cell, and the paragraphs whole', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-layout-'));
    const names = ['2024', '2020'] as const;
    for (const which of names) writeFileSync(join(dir, `${which}.docx`), await renderDocx(loadExample(which)));
    execFileSync('libreoffice', ['--headless', `-env:UserInstallation=file://${join(dir, 'profile')}`, '--convert-to', 'pdf', '--outdir', dir, ...names.map((n) => join(dir, `${n}.docx`))], { stdio: 'ignore', timeout: 120_000 });
    for (const which of names) {
      const text = execFileSync('pdftotext', ['-layout', join(dir, `${which}.pdf`), '-'], { encoding: 'utf8' });
      // The labels really are cut around the numbers in this text.
      expect(text).toMatch(/^\s*\d+(\s+\d+){6}\s*$/m);
      const read = importText(text);
      if (!read.ok) throw new Error(read.error);
      const example = loadExample(which);
      expect(read.report.values, which).toEqual(example.values);
      expect(read.findings.filter((f) => f.severity !== 'info'), which).toEqual([]);
      expect(read.report.meta.agency).toBe(example.meta.agency);
      // Paragraphs broken at the print width are whole again, without the printer's spacing around digits.
      expect(read.report.narrative.一, which).toEqual(example.narrative.一);
      expect(read.report.narrative.五, which).toEqual(example.narrative.五);
    }
    expect(readFileSync(join(dir, '2024.pdf')).length).toBeGreaterThan(1000);
  }, 180_000);
});
