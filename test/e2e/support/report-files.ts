import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { Report } from '../../../src/core/report';
import { renderDocx } from '../../../src/render/docx';
import { renderText } from '../../../src/render/text';
import { asHtmlPage } from '../../import/layouts';
import { loadExample, repoPath } from '../../support/examples';
import { madeOnce } from './made-once';

// The files a reviewer gets from units, made from the 2024 example by the app's own renderers: Word, a saved
// web page, text, and the PDF LibreOffice prints of the Word file. LibreOffice is slow, so the set is kept in
// node_modules/.cache under a hash of its content and made again only when the renderers' output changes.

export type ReportFiles = { docx: string; pdf: string; html: string; txt: string };
export type SummaryFiles = readonly string[];

/** The units of the few-files 汇总: the example under other agencies' names, each in another format. */
export const SUMMARY_UNITS = ['青禾市教育局', '青禾市财政局', '青禾市民政局'] as const;

const CACHE = repoPath('node_modules/.cache/nianbao-report-files');

function renamed(agency: string): Report {
  const report = loadExample('2024');
  report.meta.agency = agency;
  return report;
}

async function documentXml(docx: Uint8Array): Promise<string> {
  return (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
}

/** Makes (or finds made) the four files of the 2024 example and three more units for the 汇总. */
export async function reportFiles(): Promise<{ check: ReportFiles; summary: SummaryFiles; agency: string }> {
  const example = loadExample('2024');
  const docx = await renderDocx(example);
  const units = SUMMARY_UNITS.map(renamed);
  const contents: [string, Uint8Array | string][] = [
    ['qinghe-2024.docx', docx],
    ['qinghe-2024.html', asHtmlPage(example)],
    ['qinghe-2024.txt', renderText(example)],
    [`${SUMMARY_UNITS[0]}.docx`, await renderDocx(units[0]!)],
    [`${SUMMARY_UNITS[1]}.txt`, renderText(units[1]!)],
    [`${SUMMARY_UNITS[2]}.html`, asHtmlPage(units[2]!)],
  ];
  // Word files carry their time of making: the hash takes their document part instead.
  const hash = createHash('sha256');
  for (const [name, bytes] of contents) hash.update(name).update(name.endsWith('.docx') ? await documentXml(bytes as Uint8Array) : bytes);
  const folder = join(CACHE, hash.digest('hex').slice(0, 16));
  await madeOnce(folder, async (staging) => {
    for (const [name, bytes] of contents) writeFileSync(join(staging, name), bytes);
    // A private LibreOffice profile: parallel runs and a running LibreOffice do not clash.
    execFileSync('soffice', [`-env:UserInstallation=file://${join(staging, '.profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', staging, join(staging, 'qinghe-2024.docx')], {
      stdio: 'pipe',
      timeout: 120_000,
    });
    rmSync(join(staging, '.profile'), { recursive: true, force: true });
  });
  const at = (name: string) => join(folder, name);
  return {
    agency: example.meta.agency,
    check: { docx: at('qinghe-2024.docx'), pdf: at('qinghe-2024.pdf'), html: at('qinghe-2024.html'), txt: at('qinghe-2024.txt') },
    summary: [at(`${SUMMARY_UNITS[0]}.docx`), at(`${SUMMARY_UNITS[1]}.txt`), at(`${SUMMARY_UNITS[2]}.html`)],
  };
}
