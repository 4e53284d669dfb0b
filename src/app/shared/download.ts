import { decodeText } from '../../import/decode-text';
// Downloads made in the page itself (Blob + <a download>), so nothing is sent anywhere.

export function downloadBytes(data: BlobPart, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadText(text: string, fileName: string, type = 'text/plain'): void {
  downloadBytes(text, fileName, `${type};charset=utf-8`);
}

/** Reads a file the user picked, in whatever encoding Windows saved it (UTF-8, UTF-16 “Unicode”, GB18030). */
export async function readFileText(file: File): Promise<string> {
  return decodeText(new Uint8Array(await file.arrayBuffer()));
}
