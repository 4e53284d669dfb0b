// Text as an older Windows (or an old government site) saves it: GB18030/GBK bytes. Node has no GBK encoder,
// so the table is built once from the decoder every supported platform has.

let table: Map<string, number[]> | undefined;

function gbkTable(): Map<string, number[]> {
  if (table) return table;
  table = new Map();
  const decoder = new TextDecoder('gb18030');
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  return table;
}

/** GBK bytes of a text made of ASCII and the characters GBK has (throws on any other). */
export function encodeGbk(text: string): Uint8Array {
  const map = gbkTable();
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const bytes = map.get(ch);
      if (!bytes) throw new Error(`not in GBK: ${ch}`);
      out.push(...bytes);
    }
  }
  return new Uint8Array(out);
}
