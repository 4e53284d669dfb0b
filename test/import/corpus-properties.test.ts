import fc from 'fast-check';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { decodeText, importFile, importText, type ImportResult } from '../../src/import';
import { seeded } from '../support/fuzz';
import { sharedCorpus, type CorpusName } from '../support/shared-corpus';

// Properties over every real text of the three corpora: a page whose CMS stripped the newlines, and a copy
// in traditional characters, read to the same values (and year and format) as the text as captured.

const corpora = (['corpus', 'corpus-web', 'corpus-web2'] as CorpusName[]).map((name) => ({ name, corpus: sharedCorpus(name) }));
const present = corpora.every((c) => c.corpus.present);
const texts = present ? corpora.flatMap(({ name, corpus }) => corpus.files.filter((f) => f.endsWith('.txt')).map((file) => ({ id: `${name}/${file}`, file, bytes: corpus.read(file) }))) : [];

/**
 * Texts whose newlines cannot be taken out without losing what the text itself says about its cells, so the
 * one-line reading is not the same (printed, not hidden):
 */
const ONE_LINE_EXCEPTIONS: Record<string, string> = {
  'corpus/ganzhou-env-2020.txt': 'a cell line ends in spaces ("1   "): joined, the spaces read as blank lines between cells',
  'corpus-web/21-yuyang-tuofenglu-jiedao-2020.txt': 'cells written " 0" among blank-line cells: joined, the leading space reads as one more blank cell',
  'corpus-web/26-wendeng-shenjiju-2020-flipbook-p9.txt': 'a pdftotext -layout page starting inside a table: its columns are runs of spaces, gone on one line',
};

const summary = (r: ImportResult) => (r.ok ? { values: r.report.values, year: r.report.meta.year, format: r.report.format } : { refused: r.error });

describe.runIf(present)('properties over the real texts (../shared/corpus*)', () => {
  it('the text with its newlines removed (a CMS joining lines with a space) reads to the same values', async () => {
    for (const [id, why] of Object.entries(ONE_LINE_EXCEPTIONS)) console.log(`one-line property: ${id} left out — ${why}`);
    const cases = texts.filter((t) => !(t.id in ONE_LINE_EXCEPTIONS));
    expect(cases.length).toBeGreaterThanOrEqual(20);
    const expected = new Map(await Promise.all(cases.map(async (t) => [t.id, summary(await importFile(t.file, t.bytes))] as const)));
    fc.assert(
      fc.property(fc.constantFrom(...cases), fc.constantFrom(' ', '\u3000', '\u00a0'), (t, space) => {
        const joined = decodeText(t.bytes).replace(/\r\n|\r|\n/g, space);
        expect(summary(importText(joined, { fileName: t.file })), t.id).toEqual(expected.get(t.id));
      }),
      seeded('corpus texts on one line', 60),
    );
  });

  it('the text converted to traditional characters (opencc cn→tw, →hk, →tw with Taiwan phrases) reads to the same values', async () => {
    const converters = { tw: OpenCC.Converter({ from: 'cn', to: 'tw' }), hk: OpenCC.Converter({ from: 'cn', to: 'hk' }), twp: OpenCC.Converter({ from: 'cn', to: 'twp' }) };
    const expected = new Map(await Promise.all(texts.map(async (t) => [t.id, summary(await importFile(t.file, t.bytes))] as const)));
    fc.assert(
      fc.property(fc.constantFrom(...texts), fc.constantFrom('tw', 'hk', 'twp') as fc.Arbitrary<keyof typeof converters>, (t, variant) => {
        const traditional = converters[variant](decodeText(t.bytes));
        const read = importText(traditional, { fileName: t.file });
        expect(summary(read), `${t.id} (${variant})`).toEqual(expected.get(t.id));
        if (read.ok) expect(read.findings.filter((f) => /繁体字/.test(f.message))).toHaveLength(1);
      }),
      seeded('corpus texts in traditional characters', 60),
    );
  });
});
