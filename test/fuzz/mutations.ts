import fc from 'fast-check';

// Damage as it happens to real files: lines lost, repeated or swapped while copying, a file cut off
// mid-transfer, bytes overwritten on a bad disk or by a careless converter.

export type LineEdit =
  | { kind: 'delete'; at: number; count: number }
  | { kind: 'duplicate'; at: number; count: number }
  | { kind: 'swap'; at: number; with: number }
  | { kind: 'truncate'; at: number };

export const lineEdits: fc.Arbitrary<LineEdit[]> = fc.array(
  fc.oneof(
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 8 }) }),
    fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 8 }) }),
    fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
    fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  ),
  { minLength: 1, maxLength: 6 },
);

/** Applies the edits to the lines (positions taken modulo the current length). */
export function mutateLines(lines: readonly string[], edits: readonly LineEdit[]): string[] {
  let out = [...lines];
  for (const e of edits) {
    if (out.length === 0) break;
    const at = e.at % out.length;
    switch (e.kind) {
      case 'delete':
        out.splice(at, e.count);
        break;
      case 'duplicate':
        out.splice(at, 0, ...out.slice(at, at + e.count));
        break;
      case 'swap': {
        const other = e.with % out.length;
        [out[at], out[other]] = [out[other]!, out[at]!];
        break;
      }
      case 'truncate':
        out = out.slice(0, at);
        break;
    }
  }
  return out;
}

export type ByteEdit = { at: number; bytes: Uint8Array };

/** Overwrites, inserts or cuts bytes. */
export const byteEdits: fc.Arbitrary<{ overwrite: ByteEdit[]; cutAt: number | undefined }> = fc.record({
  overwrite: fc.array(fc.record({ at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }) }), { minLength: 1, maxLength: 8 }),
  cutAt: fc.option(fc.nat(), { nil: undefined }),
});

export function mutateBytes(input: Uint8Array, edits: { overwrite: ByteEdit[]; cutAt: number | undefined }): Uint8Array {
  const out = input.slice();
  for (const { at, bytes } of edits.overwrite) out.set(bytes.subarray(0, Math.max(0, out.length - (at % out.length))), at % out.length);
  return edits.cutAt === undefined ? out : out.subarray(0, edits.cutAt % (out.length + 1));
}
