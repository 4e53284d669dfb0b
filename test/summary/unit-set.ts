import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Report } from '../../src/core/report';
import { renderDocx } from '../../src/render/docx';
import { renderText } from '../../src/render/text';
import { loadExample, repoPath } from '../support/examples';

// A county's reports for the summary tests: ~40 fictional units (this year, mixed .txt/.docx/.pdf) and their
// last year's reports, with exactly the faults the tests look for. Figures come from the 2024 example scaled
// per unit (so every table adds up); the text is made per unit from a pool of our own fictional sentences.

export const COUNTY = '柏川县';
const DEPARTMENTS = [
  '发展和改革局', '教育局', '科学技术局', '工业和信息化局', '公安局', '民政局', '司法局', '财政局', '人力资源和社会保障局', '自然资源局',
  '生态环境局', '住房和城乡建设局', '交通运输局', '水利局', '农业农村局', '商务局', '文化和旅游局', '卫生健康委员会', '退役军人事务局', '应急管理局',
  '审计局', '市场监督管理局', '统计局', '医疗保障局', '林业局', '城市管理局', '信访局', '数据资源局',
];
const TOWNS = ['云岭镇', '石门镇', '青溪镇', '白沙镇', '东湖街道', '西山街道', '南桥乡', '北塘乡', '临水镇', '梅林街道', '桂花乡', '枫桥镇'];

/** 40 agencies on the list, as written in 单位名单.txt. */
export const LISTED = [
  ...DEPARTMENTS.map((d) => `${COUNTY}${d}`),
  ...TOWNS.map((t) => `${COUNTY}${t}${t.endsWith('街道') ? '办事处' : '人民政府'}`),
];

export const SCENARIO = {
  /** On the list, no file this year. */
  missing: LISTED[39]!,
  /** A file whose agency is not on the list. */
  unlisted: `${COUNTY}气象局`,
  /** Table 三 does not add up. */
  faultyTable3: LISTED[3]!,
  /** Table 四 总计 wrong. */
  faultyTable4: LISTED[4]!,
  /** Two files: the report, then a 修改稿 dated later with one more request (新收 +1), whose name sorts after the original's. */
  duplicate: LISTED[5]!,
  /** Published 2025-02-20, after 1月31日. */
  late: LISTED[6]!,
  /** Share one paragraph (part 五). */
  sharing: [LISTED[10]!, LISTED[11]!] as const,
  /** Same figures and text as last year. */
  sameAsLastYear: LISTED[12]!,
  /** Sixteen times this unit's usual figures (about ×8 on last year). */
  jump: LISTED[13]!,
  /** Written in the town hall's short name this year (“云岭镇政府”): matched to the list and last year all the same. */
  shortName: LISTED[28]!,
  /** Sent last year's report again: of another year, not counted, so the unit is missing. */
  wrongYear: LISTED[14]!,
  /** The text ends in the middle of table 三 (a web page captured in part): not counted. */
  incomplete: LISTED[15]!,
};

/** The list as a county office writes it: names without the county (教育局, 云岭镇人民政府). */
export const SHORT_LISTED = LISTED.map((name) => name.slice(COUNTY.length));

/** One more request, answered 予以公开: every total of table 三 still adds up. */
export function oneMoreRequest(r: Report): Report {
  const out = structuredClone(r);
  for (const key of ['t3.new.natural', 't3.new.total', 't3.r1.natural', 't3.r1.total', 't3.r7.natural', 't3.r7.total']) out.values[key] = (out.values[key] as number) + 1;
  return out;
}

const SHARED_PARAGRAPH =
  '下一步将建立政务公开事项动态更新台账，对照标准目录逐项核对栏目内容，每季度开展一次自查，发现栏目空白、链接失效和内容滞后的问题当月整改到位，并将整改情况纳入年度考评。';

// Fragments of our own: any five make a paragraph; units differ in which five and in order.
const FRAGMENTS = [
  '围绕重点领域信息公开调整门户网站栏目设置',
  '对政策文件同步发布图文解读和问答',
  '组织机关工作人员参加政务公开业务轮训',
  '建立依申请公开办理台账和会商机制',
  '清理过期失效的规范性文件并集中公布目录',
  '在办事大厅设置政府信息查阅点方便群众查询',
  '完善政务新媒体账号的内容审核和值班制度',
  '把政务公开工作纳入年度综合考核并细化评分',
  '邀请群众代表列席部门办公会议听取意见建议',
  '对涉及群众切身利益的事项提前公开征求意见',
  '加强公开前保密审查防止泄露个人隐私',
  '按季度通报各股室信息报送和更新情况',
  '推动基层公开标准目录与办事指南同步更新',
  '梳理权责清单和公共服务事项清单并动态调整',
  '开展政府开放日活动介绍重点工作推进情况',
  '优化依申请公开答复文书格式统一救济途径告知',
  '对网站链接和附件开展常态化检测及时修复错链',
  '编制年度政务公开工作要点并分解到责任股室',
  '利用宣传栏和村居公开栏公开惠民补贴发放情况',
  '落实政策解读与文件同步起草同步审签同步发布',
  '对照上级通报逐条整改并建立整改销号清单',
  '规范重大行政决策预公开程序和意见反馈',
  '完善信息发布协调机制统一对外口径',
  '做好人大建议和政协提案办理结果公开',
  '在乡村振兴专栏集中发布项目资金安排',
  '对行政执法结果实行公示并接受社会监督',
  '推行办事指南标准化减少群众跑腿次数',
  '健全新闻发言人制度及时回应社会关切',
  '整理历年文件形成可检索的政策文件库',
  '把财政预决算和三公经费按时在专栏公开',
  '围绕民生实事项目定期发布进展情况',
  '为老年人提供线下查阅和代办帮办服务',
  '组织政策明白人进社区宣讲惠企政策',
  '对依申请公开答复开展案卷评查',
  '在招标采购领域公开中标结果和合同信息',
  '建立舆情监测和回应工作台账',
  '做好安全生产领域行政处罚信息公开',
  '统一规范网站信息发布审核流程',
  '设立意见箱收集群众对公开工作的评价',
  '结合双随机检查结果更新监管信息',
];

function prng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function paragraph(name: string, seed: number): string {
  const next = prng(seed);
  const picked = new Set<number>();
  while (picked.size < 5) picked.add(Math.floor(next() * FRAGMENTS.length));
  return `${name}${[...picked].map((i) => FRAGMENTS[i]).join('，')}。`;
}

function narrative(name: string, seed: number, extraFive?: string): Report['narrative'] {
  const headings = ['（一）主动公开', '（二）依申请公开', '（三）政府信息管理', '（四）政府信息公开平台建设', '（五）监督保障'];
  return {
    一: headings.flatMap((text, i) => [
      { type: 'heading' as const, text },
      { type: 'paragraph' as const, text: paragraph(i === 0 ? `本年度${name}` : '', seed * 31 + i) },
    ]),
    五: [
      { type: 'paragraph', text: `存在的问题：${paragraph('', seed * 31 + 7)}改进措施：${paragraph('', seed * 31 + 8)}` },
      ...(extraFive ? [{ type: 'paragraph' as const, text: extraFive }] : []),
    ],
    六: [{ type: 'paragraph', text: '本年度未收取信息处理费。' }],
  };
}

const scaled = (values: Report['values'], k: number): Report['values'] =>
  Object.fromEntries(Object.entries(values).map(([key, v]) => [key, typeof v === 'number' ? v * k : v]));

/** This year's report of a unit: the example's figures × k, its own fee (exact cents) and text. */
function thisYear(agency: string, i: number, k: number): Report {
  const r = loadExample('2024');
  r.meta = { ...r.meta, agency, agencyKind: /(镇|乡|街道)/.test(agency) ? '乡镇街道' : '政府部门', publicationDate: '2025-01-20', contact: '' };
  delete r.meta.intro;
  delete r.previous;
  r.values = scaled(r.values, k);
  // County departments and towns make no 规章.
  for (const col of ['issued', 'repealed', 'inForce']) r.values[`t2.regulations.${col}`] = 0;
  r.values['t2.fees.amount'] = `${i}.${String((i * 37) % 100).padStart(2, '0')}`;
  r.narrative = narrative(agency, i + 1);
  return r;
}

/** Last year's report, consistent with this year's: its 结转下年度 is this year's 上年结转, its 现行有效 leads to this year's. */
function lastYear(current: Report, i: number, k: number): Report {
  const r = loadExample('2024');
  r.meta = { ...current.meta, year: 2023, publicationDate: '2024-01-18' };
  delete r.previous;
  r.values = scaled(r.values, k);
  for (const col of ['issued', 'repealed', 'inForce']) r.values[`t2.regulations.${col}`] = 0;
  for (const key of Object.keys(r.values)) {
    const m = /^t3\.next\.(\w+)$/.exec(key);
    if (!m) continue;
    const col = m[1]!;
    r.values[key] = current.values[`t3.carried.${col}`]!;
    r.values[`t3.new.${col}`] = (r.values[`t3.r7.${col}`] as number) + (r.values[key] as number) - (r.values[`t3.carried.${col}`] as number);
  }
  for (const doc of ['regulations', 'normativeDocs']) {
    const v = (key: string) => current.values[`t2.${doc}.${key}`] as number;
    r.values[`t2.${doc}.inForce`] = v('inForce') - v('issued') + v('repealed');
  }
  r.values['t2.fees.amount'] = `${i}.5`;
  r.narrative = narrative(current.meta.agency, 1000 + i);
  return r;
}

// Units printed to PDF. (The PDF reader, not this test's subject, joins some printed titles to the next
// paragraph and then misses the agency; these four read well.)
const PDF_AT = new Set([8, 18, 30, 38]);

export type UnitSet = {
  dir: string;
  current: string;
  previous: string;
  unitsFile: string;
  /** The same list in short names. */
  shortUnitsFile: string;
  /** Every file written this year and its report. */
  reports: Map<string, Report>;
  /** Each agency's first file. */
  files: Map<string, string>;
  /** The report that must count for each agency (the 修改稿 for the resubmitting one); none for the wrong-year and incomplete units. */
  counted: Map<string, Report>;
  /** The 修改稿's file. */
  revision: string;
};

/** Writes the set under `dir`: 本年/ (reports), 上年/ (last year's), 单位名单.txt. `pdf` writes three units as PDF (needs a browser). */
export async function writeUnitSet(dir: string, toPdf?: (html: Report) => Promise<Uint8Array>): Promise<UnitSet> {
  const current = join(dir, '本年');
  const previous = join(dir, '上年');
  mkdirSync(current, { recursive: true });
  mkdirSync(previous, { recursive: true });
  const unitsFile = join(dir, '单位名单.txt');
  writeFileSync(unitsFile, `# ${COUNTY}2024年度政府信息公开工作年度报告报送单位\n${LISTED.join('\n')}\n`);
  const shortUnitsFile = join(dir, '单位名单-简称.txt');
  writeFileSync(shortUnitsFile, `${SHORT_LISTED.join('\n')}\n`);
  const reports = new Map<string, Report>();
  const files = new Map<string, string>();
  const counted = new Map<string, Report>();
  let revision = '';
  const agencies = [...LISTED.filter((a) => a !== SCENARIO.missing), SCENARIO.unlisted];
  for (const [i, agency] of agencies.entries()) {
    const k = 1 + (i % 3);
    let report = thisYear(agency, i, agency === SCENARIO.jump ? 16 : k);
    const last = lastYear(thisYear(agency, i, k), i, k);
    if (agency === SCENARIO.sameAsLastYear) report = { ...structuredClone(last), meta: { ...last.meta, year: 2024, publicationDate: '2025-01-20' } };
    if (agency === SCENARIO.late) report.meta.publicationDate = '2025-02-20';
    if (agency === SCENARIO.faultyTable3) report.values['t3.new.natural'] = (report.values['t3.new.natural'] as number) + 3;
    if (agency === SCENARIO.faultyTable4) report.values['t4.review.total'] = (report.values['t4.review.total'] as number) + 2;
    if (agency === SCENARIO.sharing[0] || agency === SCENARIO.sharing[1]) report.narrative.五.push({ type: 'paragraph', text: SHARED_PARAGRAPH });
    if (agency === SCENARIO.shortName) report.meta.agency = agency.replace('人民政府', '政府');
    if (agency === SCENARIO.wrongYear) report = structuredClone(last);
    const name = `${String(i + 1).padStart(2, '0')}-${agency.slice(COUNTY.length)}`;
    const kind = agency === SCENARIO.incomplete ? 'txt' : PDF_AT.has(i) && toPdf ? 'pdf' : i % 3 === 1 ? 'docx' : 'txt';
    const file = join(current, `${name}.${kind}`);
    const text = kind === 'txt' ? renderText(report) : '';
    // Cut in the middle of table 三, as a page saved before it finished loading.
    const written = agency === SCENARIO.incomplete ? text.slice(0, text.indexOf('（四）无法提供')) : text;
    writeFileSync(file, kind === 'txt' ? written : kind === 'docx' ? await renderDocx(report) : await toPdf!(report));
    reports.set(file, report);
    files.set(agency, file);
    if (agency !== SCENARIO.wrongYear && agency !== SCENARIO.incomplete) counted.set(agency, report);
    if (agency === SCENARIO.duplicate) {
      revision = join(current, `${name}（修改稿）.txt`);
      const revised = oneMoreRequest(report);
      revised.meta.publicationDate = '2025-01-25';
      writeFileSync(revision, renderText(revised));
      reports.set(revision, revised);
      counted.set(agency, revised);
    }
    if (agency !== SCENARIO.unlisted) writeFileSync(join(previous, `${name}-2023.txt`), renderText(last));
  }
  writeFileSync(join(previous, `40-${SCENARIO.missing.slice(COUNTY.length)}-2023.txt`), renderText(lastYear(thisYear(SCENARIO.missing, 39, 1), 39, 1)));
  // A scanned report: no text to read.
  copyFileSync(repoPath('test/fixtures/import/scan-no-text.pdf'), join(current, '99-扫描件.pdf'));
  return { dir, current, previous, unitsFile, shortUnitsFile, reports, files, counted, revision };
}
