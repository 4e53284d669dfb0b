import type { Report } from '../../core/report';

// The Word renderer pulls in the docx library; load it only when a clerk asks for a .docx.
export async function wordBytes(report: Report): Promise<Uint8Array> {
  const { renderDocx } = await import('../../render/docx');
  return renderDocx(report);
}
