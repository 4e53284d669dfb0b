import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/checker';
import type { Block, Report } from '../../src/core/report';
import { decodeText, importFile, importText, type ImportResult } from '../../src/import';
import { renderText } from '../../src/render/text';
import { loadExample } from '../support/examples';
import { fuzzRun } from '../support/fuzz';
import { sharedCorpus } from '../support/shared-corpus';
import { simplifiedText } from '../../src/import/normalise/traditional';
import { arbitraryReport } from './arbitrary-report';
import { inLayout, type Layout } from './layouts';

// Text conservation: every sentence of the source outside the tables lands in the report (title, opening,
// narrative, signature) or in a finding that quotes it. A sentence is what ends in 。 — no statutory table
// cell does — with at least 8 Chinese characters; a sentence with "|" or a tab in it is still a sentence.

/** Letters and digits only, after NFKC: line breaks, spacing, punctuation, markdown markers and converter marks ("[bookmark: _GoBack]") do not count. */
const key = (s: string) =>
  s
    .replace(/\[(?:bookmark|image):[^\]]*\]/g, '')
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}]/gu, '');

function sentencesOf(source: string): string[] {
  const out: string[] = [];
  for (const line of source.split(/\r\n|\r|\n|\f/)) {
    for (const m of line.matchAll(/[^。！？]*[。！？]/g)) {
      const s = m[0].trim();
      if ((s.match(/[\u4e00-\u9fff]/g)?.length ?? 0) >= 8) out.push(s);
    }
  }
  return out;
}

/** The sentences of the source that the model and the findings do not hold. */
function lost(source: string, report: Report, findings: readonly Finding[]): string[] {
  const held = key([renderText(report), ...findings.map((f) => f.message)].join('\n'));
  return sentencesOf(source).filter((s) => !held.includes(key(s)));
}

function expectConserved(source: string, read: ImportResult, name: string): void {
  if (!read.ok) throw new Error(`${name}: ${read.error}`);
  expect(lost(source, read.report, read.findings), name).toEqual([]);
}

describe('the property itself', () => {
  it('finds a sentence the reader dropped', () => {
    const report = loadExample('2024');
    const text = renderText(report);
    const read = importText(text);
    if (!read.ok) throw new Error(read.error);
    const dropped = { ...read.report, narrative: { ...read.report.narrative, 五: [] as Block[] } };
    expect(lost(text, dropped, read.findings).length).toBeGreaterThan(0);
    expect(lost(text, read.report, read.findings)).toEqual([]);
  });
});

for (const name of ['corpus', 'corpus-web', 'corpus-web2'] as const) {
  const corpus = sharedCorpus(name);
  describe.runIf(corpus.present)(`every sentence of ../shared/${name}`, () => {
    it.each(corpus.files)('%s', async (file) => {
      const bytes = corpus.read(file);
      // A traditional-character text is held as the simplified text it is read as (and said so).
      expectConserved(simplifiedText(decodeText(bytes)).text, await importFile(file, bytes), file);
    });
  });
}

describe('every sentence of the fixtures, in every text layout', () => {
  const layouts: Layout[] = ['tab-rows', 'one-cell-per-line', 'one-cell-per-line-blanks-dropped', 'pipes', 'space-aligned', 'markdown'];
  it.each(['2024', '2020'] as const)('example %s', (which) => {
    const text = renderText(loadExample(which));
    for (const layout of layouts) {
      const source = inLayout(text, layout);
      expectConserved(source, importText(source), `${which} ${layout}`);
    }
  });
});

/** A sentence as agencies write them, sometimes with "|" or a tab inside. */
const sentence = fc
  .tuple(
    fc.array(fc.constantFrom('公开', '信息', '办理', '平台', '一图读懂', '专栏', '答复', '本年度', '网站'), { minLength: 4, maxLength: 10 }),
    fc.array(fc.constantFrom('|', '\t', '，', ' | ', '、', ''), { minLength: 3, maxLength: 9 }),
  )
  .map(([words, seps]) => `${words.map((w, i) => w + (seps[i % seps.length] ?? '')).join('')}。`);

/** Earlier counterexamples, kept so they are tried on every run. */
const REGRESSIONS: string[] = [
  // A sentence made only of "|"-separated phrases (once read as a table row inside part 一 and lost).
  '发布图解信息3条，分别为：一图读懂|本市大排查行动、一图读懂|三大战役这样打。',
  // A tab in the middle of a sentence (once a two-cell row).
  '本年度办理\t依申请公开事项12件，均已按期答复。',
];

describe('every sentence of fuzz-generated reports', () => {
  it('holds for random reports with sentences holding "|" and tabs, in every lossless layout', () => {
    fc.assert(
      fc.property(fc.tuple(arbitraryReport(), sentence, fc.constantFrom<Layout>('tab-rows', 'one-cell-per-line', 'pipes', 'markdown')), ([report, extra, layout]) => {
        // The layouts other than tab rows rewrite every line holding a tab as a table row: there the sentence's tabs are spaces.
        const text = layout === 'tab-rows' ? extra : extra.replace(/\t/g, ' ');
        const withExtra = { ...report, narrative: { ...report.narrative, 一: [...report.narrative.一, { type: 'paragraph' as const, text }] } };
        const source = inLayout(renderText(withExtra), layout);
        expectConserved(source, importText(source), layout);
      }),
      { ...fuzzRun('conservation', 60), examples: REGRESSIONS.map((s): [[Report, string, Layout]] => [[loadExample('2024'), s, 'tab-rows']]) },
    );
  });
});
