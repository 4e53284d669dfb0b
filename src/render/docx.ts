import { Packer } from 'docx';
import type { Report } from '../core/report';
import { buildDocx } from './docx/build';

// Word export. No Node APIs: the web app loads this module on demand, the CLI imports it directly.

export { buildDocx } from './docx/build';

export async function renderDocx(report: Report): Promise<Uint8Array> {
  return Packer.pack(buildDocx(report), 'uint8array');
}
