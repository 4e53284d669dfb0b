import { Packer } from 'docx';
import { reportTitle } from '../core/document';
import type { Report } from '../core/report';
import { buildDocx } from './docx/build';

// Word export. No Node APIs: the web app loads this module on demand, the CLI imports it directly.

export { buildDocx } from './docx/build';

export async function renderDocx(report: Report): Promise<Uint8Array> {
  return Packer.pack(buildDocx(report), 'uint8array');
}

/** `<机关名称><年份>年政府信息公开工作年度报告.docx`, without the characters Windows forbids in file names. */
export const docxFileName = (report: Report): string => `${reportTitle(report).replace(/[\\/:*?"<>|\u0000-\u001F]/g, '_').trim()}.docx`;
