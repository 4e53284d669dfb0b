import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Report } from '../../src/core/report';
import { renderDocx } from '../../src/render/docx';
import { renderText } from '../../src/render/text';
import { COUNTY, type UnitSet } from './unit-set';

// Many counties' files from one generated county set: each copy renames the county in every agency and
// paragraph, and writes each report in the kind its original was (.txt, .docx; PDFs and the scan are copied
// as they are, so they are versions of the first county's units). Used for the page's 300-file test.

const COUNTIES = ['松岭县', '梅江县', '石渠县', '桐乡县', '云溪县', '白河县', '青峰县', '丹霞县', '兰溪县', '竹山县'];

const renamed = (r: Report, county: string): Report => JSON.parse(JSON.stringify(r).replaceAll(COUNTY, county)) as Report;

/** Writes `count` files into `dir`: the set's own files first, then other counties' copies. Returns the paths. */
export async function writeScaledSet(set: UnitSet, dir: string, count: number): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const sources = [...set.reports.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  const out: string[] = [];
  for (let copy = 0; out.length < count; copy++) {
    const county = copy === 0 ? COUNTY : COUNTIES[(copy - 1) % COUNTIES.length]! + (copy > COUNTIES.length ? String(copy) : '');
    for (const [file, report] of sources) {
      if (out.length >= count) break;
      const name = `${county}-${basename(file)}`;
      const target = join(dir, name);
      if (file.endsWith('.pdf')) copyFileSync(file, target);
      else if (file.endsWith('.docx')) writeFileSync(target, await renderDocx(renamed(report, county)));
      else writeFileSync(target, renderText(renamed(report, county)));
      out.push(target);
    }
  }
  return out;
}
