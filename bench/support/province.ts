import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Report } from '../../src/core/report';
import { renderText } from '../../src/render/text';
import { loadExample } from '../../test/support/examples';

// A province's January for `nianbao summary`: distinct units of many counties whose reports share what real
// ones share (a statutory opening, a province-wide template sentence, a county's own template paragraph),
// each with text of its own, plus exact copies of some files (sent twice, or a county set collected again).
// Written as text reports by the project's renderer into a temporary folder (removed afterwards).

const HEADS = '青白赤黄金银石玉云山河湖海松柏桃李梅兰竹菊东西南北安宁平和永昌兴隆富源长乐新华';
const TAILS = '川江岭原州阳城谷林溪泉湾沟坪塘田水峰岩台';
const UNITS = ['教育局', '民政局', '财政局', '卫生健康局', '城关镇人民政府', '人民政府办公室', '自然资源局', '农业农村局', '市场监督管理局'];

const PROVINCE_TEMPLATE = '按照省政府办公厅关于做好政府信息公开工作年度报告编制发布工作的统一部署，本机关认真梳理全年政务公开工作情况，对照年度报告格式逐项核对各类数据，确保数据真实准确。';

// Pieces of our own: a unit's paragraphs are made of its own pick of them, in its own order.
const PIECES = [
  '围绕重点领域信息公开调整门户网站栏目设置', '对政策文件同步发布图文解读和问答', '组织机关工作人员参加政务公开业务轮训', '建立依申请公开办理台账和会商机制',
  '清理过期失效的规范性文件并集中公布目录', '在办事大厅设置政府信息查阅点方便群众查询', '完善政务新媒体账号的内容审核和值班制度', '把政务公开工作纳入年度综合考核并细化评分',
  '邀请群众代表列席部门办公会议听取意见建议', '对涉及群众切身利益的事项提前公开征求意见', '加强公开前保密审查防止泄露个人隐私', '按季度通报各股室信息报送和更新情况',
  '推动基层公开标准目录与办事指南同步更新', '梳理权责清单和公共服务事项清单并动态调整', '开展政府开放日活动介绍重点工作推进情况', '优化依申请公开答复文书格式统一救济途径告知',
  '对网站链接和附件开展常态化检测及时修复错链', '编制年度政务公开工作要点并分解到责任股室', '利用宣传栏和村居公开栏公开惠民补贴发放情况', '规范重大行政决策预公开程序和意见反馈',
  '完善信息发布协调机制统一对外口径', '做好人大建议和政协提案办理结果公开', '对行政执法结果实行公示并接受社会监督', '推行办事指南标准化减少群众跑腿次数',
  '健全新闻发言人制度及时回应社会关切', '整理历年文件形成可检索的政策文件库', '围绕民生实事项目定期发布进展情况', '为老年人提供线下查阅和代办帮办服务',
];

function prng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function ownParagraph(next: () => number): string {
  const picked = new Set<number>();
  while (picked.size < 6) picked.add(Math.floor(next() * PIECES.length));
  return `${[...picked].map((i) => PIECES[i]).join('，')}。`;
}

const countyName = (i: number) => `${HEADS[i % HEADS.length]}${TAILS[Math.floor(i / HEADS.length) % TAILS.length]}${i >= HEADS.length * TAILS.length ? '新' : ''}县`;

function unitReport(county: number, unit: number, seed: number): Report {
  const r = loadExample('2024');
  const next = prng(seed);
  const name = countyName(county);
  r.meta = { ...r.meta, agency: `${name}${UNITS[unit % UNITS.length]}`, agencyKind: unit === 4 ? '乡镇街道' : unit === 5 ? '政府部门' : '政府部门', publicationDate: '2025-01-20', contact: '' };
  delete r.meta.intro;
  delete r.previous;
  const k = 1 + Math.floor(next() * 3);
  r.values = Object.fromEntries(Object.entries(r.values).map(([key, v]) => [key, typeof v === 'number' ? v * k : v]));
  for (const col of ['issued', 'repealed', 'inForce']) r.values[`t2.regulations.${col}`] = 0;
  // The county's own template paragraph: the same in its six units, different from other counties'.
  const countyTemplate = `按照${name}的统一要求，${ownParagraph(prng(county * 7919 + 13))}`;
  r.narrative = {
    一: [
      { type: 'paragraph', text: PROVINCE_TEMPLATE },
      { type: 'heading', text: '（一）主动公开' },
      { type: 'paragraph', text: ownParagraph(next) },
      { type: 'heading', text: '（二）依申请公开' },
      { type: 'paragraph', text: ownParagraph(next) },
      { type: 'heading', text: '（三）政府信息管理' },
      { type: 'paragraph', text: ownParagraph(next) },
    ],
    五: [
      { type: 'paragraph', text: `存在的问题：${ownParagraph(next)}改进措施：${ownParagraph(next)}` },
      { type: 'paragraph', text: countyTemplate },
    ],
    六: [{ type: 'paragraph', text: '本年度未收取信息处理费。' }],
  };
  return r;
}

export type Province = { dir: string; files: number; units: number; copies: number; remove: () => void };

/** `units` distinct units (six per county) and `copies` exact copies of some of their files, as .txt. */
export function writeProvince(units: number, copies: number): Province {
  const dir = join(mkdtempSync(join(tmpdir(), 'nianbao-province-')), 'reports');
  const again = join(dir, '重复报送');
  mkdirSync(again, { recursive: true });
  const texts: string[] = [];
  for (let i = 0; i < units; i++) {
    const county = Math.floor(i / 6);
    const text = renderText(unitReport(county, i % 6 === 5 ? 8 : i % 6, i + 1));
    texts.push(text);
    writeFileSync(join(dir, `${String(i).padStart(5, '0')}.txt`), text);
  }
  const next = prng(7);
  for (let c = 0; c < copies; c++) writeFileSync(join(again, `${String(c).padStart(5, '0')}.txt`), texts[Math.floor(next() * texts.length)]!);
  return { dir, files: units + copies, units, copies, remove: () => rmSync(join(dir, '..'), { recursive: true, force: true }) };
}
