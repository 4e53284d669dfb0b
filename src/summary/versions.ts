import { chineseDate } from '../core/document';

// Several files of one unit and year are versions of its report (a resubmission, a corrected copy, the same
// file sent twice). The one that counts: the reviewer's choice; else the latest 落款 date; else the name that
// marks a later revision (修改稿, 修订, 更正, 第N版, v2); else the later file time; else the first file.

export type VersionCandidate = { file: string; fileName: string; publicationDate: string; modified: number | null; chosen: boolean; fingerprint: string };

/** How late a revision the file name says it is: 0 for none, 1 for 修改稿/修订/更正/终稿, N for 第N版/vN/（N）. */
export function revisionRank(fileName: string): number {
  const name = fileName.normalize('NFKC').replace(/\.[^.]+$/, '');
  const numbered = /第\s*([0-9一二三四五六七八九十]+)\s*(?:版|稿|次修改)|(?:^|[^a-z])v\s*(\d+)(?![0-9])|[（(]\s*(\d+)\s*[)）]\s*$/i.exec(name);
  if (numbered) {
    const raw = numbered[1] ?? numbered[2] ?? numbered[3]!;
    const n = /^\d+$/.test(raw) ? Number(raw) : chineseNumber(raw);
    if (n > 0) return n + (/(修改|修订|更正)/.test(name) ? 1 : 0);
  }
  return /(修改稿|修改版|修订|更正|改正|终稿|定稿|最终版|重新报送|补正)/.test(name) ? 1 : 0;
}

function chineseNumber(s: string): number {
  const digits = '一二三四五六七八九';
  if (s === '十') return 10;
  const tens = s.indexOf('十');
  if (tens < 0) return digits.indexOf(s) + 1;
  const before = tens === 0 ? 1 : digits.indexOf(s[0]!) + 1;
  const after = tens === s.length - 1 ? 0 : digits.indexOf(s[tens + 1]!) + 1;
  return before * 10 + after;
}

export type VersionChoice = { counted: number; why: string; chosen: boolean };

/** Which decides between two versions: > 0 when `b` is later, < 0 when `a` is, with the step that decided. */
function compareVersions(a: VersionCandidate, b: VersionCandidate): { order: number; step: 0 | 1 | 2 | 3 } {
  const date = compareDate(b.publicationDate, a.publicationDate);
  if (date !== 0) return { order: date, step: 0 };
  const rank = revisionRank(b.fileName) - revisionRank(a.fileName);
  if (rank !== 0) return { order: rank, step: 1 };
  if (a.modified !== null && b.modified !== null && a.modified !== b.modified) return { order: b.modified - a.modified, step: 2 };
  return { order: 0, step: 3 };
}

const WHY = [
  (w: VersionCandidate) => `落款日期最晚，为${chineseDate(w.publicationDate)}`,
  () => '落款日期相同或未写，文件名标明为修改后的版本',
  () => '落款日期和文件名分不出先后，文件时间较晚',
] as const;

/** Which of a unit's files counts (index into `files`, which are in input order) and why, in words. */
export function chooseVersion(files: readonly VersionCandidate[]): VersionChoice {
  const chosen = files.findIndex((f) => f.chosen);
  if (chosen >= 0) return { counted: chosen, why: '由您指定计入这一份', chosen: true };
  // Copies of one file (sent twice, collected twice): the first, whatever their file times.
  if (files.every((f) => f.fingerprint === files[0]!.fingerprint && f.publicationDate === files[0]!.publicationDate && revisionRank(f.fileName) === revisionRank(files[0]!.fileName))) {
    return { counted: 0, why: '各文件内容相同，取第一份', chosen: false };
  }
  let best = 0;
  for (let i = 1; i < files.length; i++) if (compareVersions(files[best]!, files[i]!).order > 0) best = i;
  const winner = files[best]!;
  // The reason is the weakest step needed against any other file.
  let step = 0;
  for (const [i, other] of files.entries()) if (i !== best) step = Math.max(step, compareVersions(other, winner).step);
  if (step < 3) return { counted: best, why: WHY[step as 0 | 1 | 2](winner), chosen: false };
  return { counted: best, why: '落款日期、文件名和文件时间都分不出先后，取第一份；如不对，请删去不用的文件或指定计入的文件', chosen: false };
}

/** Later date first; a written date is later than none. */
function compareDate(a: string, b: string): number {
  if (a === b) return 0;
  if (!a) return -1;
  if (!b) return 1;
  return a < b ? -1 : 1;
}
