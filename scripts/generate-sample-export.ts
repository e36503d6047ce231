/**
 * Writes the bundled sample export to data/export/ (the portal's default export folder).
 *
 *   node scripts/generate-sample-export.ts
 *
 * (Node 22 runs this file directly.) The output is deterministic: the same bytes on
 * every run, so `git diff data/export` after a run shows only intended changes. All
 * data is fictional; the manifest says so with "sample": true.
 *
 * The files deliberately show the contract's variety: commitments.csv is GB18030,
 * subjects.csv has a UTF-8 BOM, penalties.csv uses CRLF line ends, honors.csv has its
 * columns in another order, and a few dates use the accepted non-ISO formats.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ManifestFile } from '../src/lib/export/manifest.ts';
import { caseFrontMatter, type CASE_CATEGORIES } from '../src/lib/schemas/case.ts';
import {
  CodeBook,
  COLUMNS,
  commitmentRow,
  coverImage,
  createContext,
  createRng,
  csvLine,
  csvRecord,
  departmentName,
  dishonestRow,
  encodeGb18030,
  enforcementRow,
  generateSubjects,
  honorRow,
  minimalPdf,
  penaltyRow,
  REGIONS,
  subjectRow,
  writeManifest,
  type ContractFileName,
  type GeneratorContext,
  type Rgb,
  type Row,
  type Subject,
} from './lib/synthetic.ts';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'data', 'export');
const SEED = 20261127;

const SUBJECTS_PER_REGION: Record<string, number> = { 市直: 14, 泰山区: 9, 岱岳区: 10, 新泰市: 9, 肥城市: 8, 宁阳县: 8, 东平县: 8, 泰安高新区: 7 };
const COUNTS = { commitments: 340, penalties: 60, enforcement: 40, dishonest: 25, honors: 40 };

interface CsvFormat {
  encoding: 'utf-8' | 'gb18030';
  bom?: boolean;
  eol: '\n' | '\r\n';
  columns?: readonly string[];
}

function writeCsv(file: ContractFileName, rows: readonly Row[], format: CsvFormat): ManifestFile {
  const columns = format.columns ?? COLUMNS[file];
  const text = [csvLine(columns, format.eol), ...rows.map((r) => csvRecord(columns, r, format.eol))].join('');
  const bytes = format.encoding === 'gb18030' ? encodeGb18030(text) : Buffer.from((format.bom ? '\uFEFF' : '') + text, 'utf8');
  if (format.encoding === 'gb18030' && new TextDecoder('gb18030').decode(bytes) !== text) throw new Error(`${file} does not round-trip through GB18030`);
  writeFileSync(join(OUT, file), bytes);
  return { rows: rows.length, sha256: createHash('sha256').update(bytes).digest('hex'), encoding: format.encoding };
}

function rowsOf(count: number, make: (index: number) => Row): Row[] {
  return Array.from({ length: count }, (_, i) => make(i));
}

/** A fresh generator stream per file, so that changing one file leaves the others as they were. */
function context(subjects: readonly Subject[], codes: CodeBook, stream: number, idWidth: number): GeneratorContext {
  return createContext(createRng(SEED + stream), codes, subjects, 'sample', idWidth);
}

function writeAttachments(commitments: readonly Row[]): void {
  for (const row of commitments) {
    const path = row['承诺书附件'];
    if (!path) continue;
    const pdf = minimalPdf([`Commitment letter ${row['信息编号']} (sample)`, 'Scanned copy of the signed letter; the original is held by the accepting unit.', 'Fictional data generated for the integrity portal sample export.']);
    mkdirSync(dirname(join(OUT, 'attachments', path)), { recursive: true });
    writeFileSync(join(OUT, 'attachments', path), pdf);
  }
}

// ---------------------------------------------------------------------------
// Model cases

interface CaseSpec {
  slug: string;
  format: 'md' | 'mdx';
  title: string;
  date: string;
  region: string;
  category: (typeof CASE_CATEGORIES)[number];
  summary: string;
  subjects: readonly Subject[];
  source: string;
  cover?: { colours: readonly [Rgb, Rgb, Rgb]; alt: string };
  redirectFrom?: readonly string[];
  body: string;
}

type Finder = (region: string, kind: Subject['kind'], nameIncludes?: string) => Subject;

function finder(subjects: readonly Subject[]): Finder {
  return (region, kind, nameIncludes) => {
    const found = subjects.find((s) => s.region.name === region && s.kind === kind && (!nameIncludes || s.name.includes(nameIncludes)));
    if (!found) throw new Error(`the sample has no ${kind} ${nameIncludes ?? ''} in ${region}`);
    return found;
  };
}

/** The front matter as the portal reads it, to check a case against the contract before writing it. */
function frontMatterFields(c: CaseSpec): Record<string, unknown> {
  return {
    title: c.title,
    date: c.date,
    region: c.region,
    category: c.category,
    summary: c.summary,
    subjects: c.subjects.map((s) => s.code),
    source: c.source,
    ...(c.cover ? { cover: `cases/${c.slug}.png`, cover_alt: c.cover.alt } : {}),
    ...(c.redirectFrom ? { redirect_from: c.redirectFrom } : {}),
  };
}

function frontMatter(c: CaseSpec): string {
  const q = (s: string) => JSON.stringify(s);
  const lines = [
    '---',
    `title: ${q(c.title)}`,
    `date: ${q(c.date)}`,
    `region: ${q(c.region)}`,
    `category: ${q(c.category)}`,
    `summary: ${q(c.summary)}`,
    'subjects:',
    ...c.subjects.map((s) => `  - ${q(s.code)}`),
    `source: ${q(c.source)}`,
  ];
  if (c.cover) lines.push(`cover: ${q(`cases/${c.slug}.png`)}`, `cover_alt: ${q(c.cover.alt)}`);
  if (c.redirectFrom) lines.push('redirect_from:', ...c.redirectFrom.map((r) => `  - ${q(r)}`));
  lines.push('---', '');
  return lines.join('\n');
}

function writeCases(cases: readonly CaseSpec[]): void {
  mkdirSync(join(OUT, 'cases'), { recursive: true });
  for (const c of cases) {
    const checked = caseFrontMatter.safeParse(frontMatterFields(c));
    if (!checked.success) throw new Error(`case ${c.slug}: ${checked.error.issues.map((i) => i.message).join('；')}`);
    writeFileSync(join(OUT, 'cases', `${c.slug}.${c.format}`), `${frontMatter(c)}\n${c.body.trim()}\n`);
    if (!c.cover) continue;
    mkdirSync(join(OUT, 'attachments', 'cases'), { recursive: true });
    writeFileSync(join(OUT, 'attachments', 'cases', `${c.slug}.png`), coverImage(...c.cover.colours));
  }
}

const CREDIT_OFFICE = '泰安市社会信用体系建设领导小组办公室';

function sampleCases(find: Finder): CaseSpec[] {
  const taishan = find('泰山区', 'government');
  const taishanMarket = find('泰山区', 'department', '市场监督管理局');
  const daiyueMarket = find('岱岳区', 'department', '市场监督管理局');
  const daiyueCredit = departmentName(REGIONS.find((r) => r.name === '岱岳区')!, 'fgw');
  const qingyun = find('新泰市', 'township', '青云街道');
  const feichengTown = find('肥城市', 'township');
  const feichengLand = find('肥城市', 'department', '自然资源局');
  const hospital = find('宁阳县', 'institution', '人民医院');
  const dongpingTown = find('东平县', 'township');
  const cityGroup = find('市直', 'enterprise', '泰山城建集团');
  const zone = find('泰安高新区', 'government');
  const ningyangTown = find('宁阳县', 'township');
  const ningyangStatistics = departmentName(REGIONS.find((r) => r.name === '宁阳县')!, 'tjj');
  const cityReform = find('市直', 'department', '发展和改革委员会');
  const cityGovernment = find('市直', 'government');

  return [
    {
      slug: '2026-taishan-commitment-ledger',
      format: 'md',
      title: '泰山区建立政务承诺“一单位一台账”，让承诺事项可查可督',
      date: '2026-03-18',
      region: '泰山区',
      category: '诚信建设经验',
      summary: '泰山区将各部门、街道作出的政务承诺逐项录入台账，明确责任人和办结时限，按季度比对履行情况并向社会公开，2025年全区承诺事项按期履行率达到96.8%。',
      subjects: [taishan, taishanMarket],
      source: CREDIT_OFFICE,
      redirectFrom: ['taishan-commitment-ledger', '2025-taishan-ledger'],
      body: `
## 基本情况

2025年以来，${taishan.name}把政务承诺作为深化政务失信治理的抓手。针对过去承诺“写在纸上、挂在墙上”、作出后无人跟踪的问题，全区推行政务承诺台账管理：区直部门、街道和区属国有企业作出的履职尽责、优化服务、依法行政等承诺，全部纳入统一台账，做到承诺有记录、履行有跟踪、结果有公开。

## 主要做法

1. **一单位一台账。** 各单位以承诺书为依据，逐项拆分承诺事项，明确牵头科室、责任人和办结时限，台账由区信用办统一汇总，做到底数清、责任明。
2. **按季度比对。** 区信用办每季度调取政务服务、行政执法、合同履约等数据，与承诺事项逐条比对，对临近到期仍未办结的事项提前预警。
3. **结果向社会公开。** 履行状态认定后，在政务承诺专栏同步更新承诺内容、受理单位和认定结果，接受群众监督。
4. **违诺必追责。** 对部分履行、全部未履行的单位，由区纪委监委、区委组织部联合约谈主要负责人，并在年度政务诚信评价中扣分。

## 取得成效

| 指标 | 2024年 | 2025年 |
| --- | --- | --- |
| 纳入台账的承诺事项（项） | 412 | 1 086 |
| 按期履行率 | 88.5% | 96.8% |
| 监督举报办结率 | 91.0% | 100% |

台账运行一年来，全区承诺事项按期履行率明显提升，群众通过监督举报渠道反映的问题全部办结。${taishanMarket.name}等单位还把台账延伸到科室和执法中队，形成了上下贯通的承诺管理链条。

## 经验启示

政务承诺的公信力来自“说到做到”。把承诺拆成可核验的事项，用数据比对代替自查自报，把结果晒在阳光下，是让承诺落地的关键。下一步，泰山区将把台账与政务诚信评价结果挂钩，推动承诺管理常态化、制度化。
`,
    },
    {
      slug: '2026-daiyue-inspection-once',
      format: 'md',
      title: '岱岳区市场监管局兑现“进一次门、查多项事”承诺',
      date: '2026-05-20',
      region: '岱岳区',
      category: '守信践诺典型',
      summary: '岱岳区市场监督管理局2025年承诺涉企检查“进一次门、查多项事”，通过检查事项清单化、联合抽查常态化和“无事不扰”机制，全年入企检查次数下降42%，承诺经认定为全部履行。',
      subjects: [daiyueMarket],
      source: '泰安市岱岳区发展和改革局',
      cover: { colours: [[43, 92, 138], [31, 59, 87], [201, 162, 39]], alt: '案例配图：蓝色天空下的泰山山形剪影，下方为金色条纹地面，图中没有文字' },
      body: `
## 基本情况

2025年初，${daiyueMarket.name}向社会公开作出优化服务承诺：对辖区市场主体的行政检查实行“进一次门、查多项事”，无投诉举报、无风险线索的，不主动入企检查；确需检查的，检查结果当场反馈。承诺书在政务承诺专栏公开，受理单位为${daiyueCredit}。

## 主要做法

- **检查事项清单化。** 将食品、特种设备、计量、价格等12类检查事项合并为一张清单，同一企业一年内的多项检查由一个检查组一次完成。
- **联合抽查常态化。** 会同应急、消防、生态环境等部门制定年度联合抽查计划，联合检查占比由31%提高到68%。
- **“无事不扰”有边界。** 对信用等级高、近三年无违法记录的企业，原则上只开展“双随机”抽查，抽查比例下调至3%。
- **结果反馈当场办。** 检查组离开企业前出具书面反馈，发现的轻微问题现场指导整改，依法适用首违不罚。

## 履诺成效

| 项目 | 2024年 | 2025年 | 变化 |
| --- | --- | --- | --- |
| 入企检查次数（次） | 3 420 | 1 984 | 下降42% |
| 联合检查占比 | 31% | 68% | 提高37个百分点 |
| 首违不罚适用（件） | 96 | 215 | 增加119件 |
| 企业满意度 | 92.4% | 98.1% | 提高5.7个百分点 |

2025年12月，承诺受理单位对承诺履行情况进行认定，结论为“全部履行”，认定结果已在政务承诺专栏同步公开。

> 一家食品生产企业的负责人说：“以前一个月要接待好几拨检查，现在一年集中查一次，问题当场讲清楚，我们心里有底。”

## 启示

承诺的价值在于可衡量。把“少打扰”转化为检查次数、联合检查占比等可以核验的指标，再由受理单位依据数据作出认定，企业才能真正感受到承诺的分量。
`,
    },
    {
      slug: '2025-xintai-qingyun-dishonest-zeroing',
      format: 'md',
      title: '新泰市青云街道两个月履行生效判决，退出失信被执行人名单',
      date: '2025-11-06',
      region: '新泰市',
      category: '失信整改案例',
      summary: '青云街道办事处因拖欠道路维修工程款被纳入失信被执行人名单后，成立专班、统筹资金、与申请执行人达成和解，两个月内履行完毕全部义务并被移出名单，实现动态清零。',
      subjects: [qingyun],
      source: '新泰市发展和改革局',
      body: `
## 案件回顾

2024年，一家建筑工程公司承建了${qingyun.name}辖区内三条背街小巷的路面维修工程。工程竣工验收后，街道因资金安排不到位，未按合同约定支付剩余工程款。施工方起诉后，法院判决街道支付工程款及逾期利息。判决生效后街道仍未履行，2025年6月被法院依法纳入失信被执行人名单。

## 整改措施

1. **主要负责人牵头。** 街道党工委、办事处主要负责人任专班组长，当周召开专题会议，对照判决逐项梳理应付款项。
2. **统筹资金、优先偿付。** 压减一般性支出，将应付工程款列为优先支出事项，确保按期支付。
3. **主动沟通、达成和解。** 与申请执行人当面沟通，就利息计算和付款节点达成执行和解，按和解协议分两期付清款项。
4. **建立长效机制。** 全面清理街道对外合同，建立合同履约台账，凡涉及资金支付的合同，签订前须经合法性审查并落实资金来源。

## 整改时间线

| 时间 | 事项 |
| --- | --- |
| 2025年6月 | 被纳入失信被执行人名单，市信用办下发督办通知 |
| 2025年7月 | 成立工作专班，与申请执行人签订执行和解协议 |
| 2025年8月上旬 | 分两期付清工程款及利息，向法院申请移出名单 |
| 2025年8月下旬 | 法院作出决定，将其移出失信被执行人名单 |

## 经验启示

政府机构被列为失信被执行人，损害的是政府公信力。青云街道的做法表明，只要主要负责人真正重视、资金安排落到实处、沟通协商主动积极，失信问题可以在短时间内清零。更重要的是，通过合同履约台账从源头上防止新的欠款发生。
`,
    },
    {
      slug: '2026-feicheng-land-penalty-repair',
      format: 'md',
      title: '肥城市一街道纠正违法占地行为并依法完成信用修复',
      date: '2026-07-14',
      region: '肥城市',
      category: '失信整改案例',
      summary: '因未经批准占用集体土地建设临时停车场，一街道办事处受到行政处罚。该单位退还土地、复垦验收、缴清罚款，最短公示期满后申请信用修复，相关处罚信息依法停止公示。',
      subjects: [feichengTown, feichengLand],
      source: '肥城市发展和改革局',
      body: `
## 基本情况

2025年春，${feichengTown.name}为缓解辖区集市周边停车难问题，在未办理农用地转用审批手续的情况下，占用集体土地硬化建设临时停车场。${feichengLand.name}在卫片执法检查中发现该问题，依法立案调查，认定其行为构成非法占用土地，作出责令退还土地、没收地上设施并处罚款的行政处罚决定。

## 整改过程

- 收到处罚决定后，立即停止使用临时停车场，组织拆除硬化地面；
- 对占用地块进行复垦，经自然资源部门验收，恢复耕种条件；
- 在规定期限内缴清罚款，并向处罚机关提交整改报告；
- 对相关责任人进行批评教育，健全重大事项合法性审查制度。

## 信用修复

根据《信用修复管理办法》，一般失信行为的行政处罚信息最短公示期为三个月，最长公示期为一年。公示满三个月后，该单位提交信用修复申请，作出信用修复承诺并上传整改材料。

| 节点 | 内容 |
| --- | --- |
| 处罚决定作出 | 行政处罚信息在信用网站和本门户公示 |
| 公示满三个月 | 可以申请信用修复 |
| 提交申请 | 信用修复承诺书、罚款缴纳凭证、复垦验收材料 |
| 审核通过 | 停止公示，页面显示“该信息已依法停止公示” |

信用修复完成后，该处罚信息依法停止公示，但相关整改要求和制度建设仍在持续落实。

## 警示与启示

政府机构同样是法律的遵守者。解决群众“急难愁盼”问题必须依法依规，不能以“办好事”为由突破法律红线。同时，信用修复不是“一删了之”，只有真正整改到位，才能重新赢得信任。
`,
    },
    {
      slug: '2025-ningyang-hospital-same-day-results',
      format: 'mdx',
      title: '宁阳县人民医院兑现“常规检查结果当日出”服务承诺',
      date: '2025-09-22',
      region: '宁阳县',
      category: '守信践诺典型',
      summary: '宁阳县人民医院2025年向社会承诺常规检验结果当日出、门诊CT报告两小时内出具。医院调整班次、再造流程，承诺事项按期兑现，患者平均等待时间明显缩短。',
      subjects: [hospital],
      source: '宁阳县卫生健康局',
      body: `
## 承诺内容

2025年3月，${hospital.name}在政务承诺专栏公开作出服务承诺，主要包括：

1. 血常规、尿常规、生化等常规检验项目，上午送检的当日上午出结果，下午送检的当日下班前出结果；
2. 门诊CT检查报告在检查完成后两小时内出具；
3. 推行检查检验结果互认，同级医疗机构已出具且在有效期内的结果不再重复检查；
4. 开通自助打印和手机端查询，减少患者往返。

## 主要做法

- **调整班次。** 检验科、影像科实行弹性排班，中午不停诊，高峰时段增开检查设备。
- **流程再造。** 标本采集后由物流系统直接送达检验科，取消人工转运环节，平均缩短送检时间20分钟。
- **信息化支撑。** 结果审核完成后自动推送给患者，医生工作站同步调阅。
- **每月通报。** 医院质控办每月统计报告出具时长，对超时报告逐例分析原因。

## 实施效果

| 指标 | 承诺前 | 承诺后 |
| --- | --- | --- |
| 常规检验平均出具时长 | 5.2小时 | 2.1小时 |
| 门诊CT报告平均出具时长 | 次日 | 1.4小时 |
| 重复检查项目（月均） | 1 350项 | 420项 |

患者满意度调查显示，对“检查等候时间”的满意率从83%提升到96%。承诺受理单位对履行情况进行认定，结论为“全部履行”。

## 点评

公立医院的服务承诺直接关系群众就医体验。把承诺落在可计时、可统计的指标上，并定期公开履行情况，既便于群众监督，也倒逼医院持续改进服务。
`,
    },
    {
      slug: '2026-dongping-project-arrears-warning',
      format: 'md',
      title: '拖欠工程款被纳入失信名单：一起机关失信的警示',
      date: '2026-08-30',
      region: '东平县',
      category: '警示案例',
      summary: '东平县一街道办事处拖欠农村道路硬化工程款，法院立案执行后仍未履行，被依法纳入失信被执行人名单，主要负责人被约谈。此案警示各级机关：生效判决必须不折不扣履行。',
      subjects: [dongpingTown],
      source: '东平县发展和改革局',
      body: `
## 案情简介

2023年，${dongpingTown.name}与一家市政工程公司签订农村道路硬化工程合同。工程当年年底竣工并通过验收，但此后该单位以“资金紧张”为由长期拖欠工程款。施工企业多次催要无果，于2024年向法院提起诉讼。法院判决其支付工程款及利息，判决生效后仍未履行，法院依法立案执行。执行过程中，该单位既未按执行通知履行义务，也未如实报告财产情况，2025年被纳入失信被执行人名单。

## 处理结果

- 市信用办将其列入政务失信专项治理台账，实行“一案一专班”督办；
- 县纪委监委对主要负责人进行约谈，对负有直接责任的工作人员进行诫勉；
- 在年度政务诚信评价中下调其评价等级，取消年度评先评优资格；
- 在县委、县政府督促下，该单位制定还款计划，目前已履行部分款项。

## 造成的影响

| 方面 | 后果 |
| --- | --- |
| 政府公信力 | 失信信息在法院失信被执行人名单和本门户公示，社会影响恶劣 |
| 营商环境 | 施工企业资金链紧张，拖欠农民工工资风险加大 |
| 干部考核 | 主要负责人被约谈，单位评先评优资格被取消 |

## 警示

“新官不理旧账”、以政府名义拖欠账款，是政务失信的典型表现。机关、事业单位必须带头履行生效法律文书，做到合同签订有预算、履约有保障、纠纷有预案。各级政府要把防范和化解拖欠中小企业账款作为优化营商环境的硬任务，决不能让政府失信成为企业发展的绊脚石。
`,
    },
    {
      slug: '2026-city-soe-sme-payment',
      format: 'md',
      title: '泰山城建集团兑现“无分歧欠款应付尽付”承诺',
      date: '2026-10-12',
      region: '市直',
      category: '守信践诺典型',
      summary: '泰安市泰山城建集团有限公司2025年承诺不拖欠中小企业账款、无分歧欠款应付尽付。集团建立账款台账和三色预警机制，全年按期支付312家中小企业到期账款，承诺经认定为全部履行。',
      subjects: [cityGroup],
      source: '泰安市人民政府国有资产监督管理委员会',
      cover: { colours: [[166, 27, 27], [107, 15, 15], [232, 198, 106]], alt: '案例配图：红色背景上的泰山山形剪影，下方为浅金色条纹，图中没有文字' },
      body: `
## 承诺背景

作为市属国有企业，${cityGroup.name}承担着大量城市基础设施建设任务，上下游合作的中小企业数量多。2025年初，集团在政务承诺专栏公开承诺：与中小企业签订合同时明确付款期限，无分歧欠款应付尽付，不以内部审批、负责人变更等理由拖延支付。

## 主要做法

1. **建立账款台账。** 对所有在建项目的应付账款逐笔登记，明确合同约定的付款时间和责任部门。
2. **三色预警。** 距约定付款日15天亮黄灯，逾期亮红灯，红灯事项由分管领导督办，确保不出现新的逾期。
3. **资金优先保障。** 将中小企业账款列入月度资金计划的优先序列，确保按期支付。
4. **畅通投诉渠道。** 公布监督电话0538-6289916，中小企业反映的问题5个工作日内答复。

集团还将履诺情况纳入所属子公司负责人经营业绩考核，对发生逾期支付的子公司扣减其主要负责人绩效薪酬，把履诺责任层层传导到每一个项目部。

## 履诺情况

| 指标 | 数值 |
| --- | --- |
| 涉及中小企业（家） | 312 |
| 支付到期账款（万元） | 41 860 |
| 逾期支付（笔） | 0 |
| 投诉办结率 | 100% |

2025年12月，承诺受理单位对履行情况进行认定，结论为“全部履行”。

## 启示

国有企业是政务诚信建设的重要组成部分。用台账管住每一笔欠款，用预警防止逾期，用公开接受监督，才能把“不拖欠”的承诺变成企业看得见的信用。下一步，集团将把账款台账与市级监测平台对接，实现付款情况实时可查。
`,
    },
    {
      slug: '2025-hightech-notification-commitment',
      format: 'md',
      title: '泰安高新区推行证明事项告知承诺制，用信用承诺替代证明材料',
      date: '2025-12-15',
      region: '泰安高新区',
      category: '诚信建设经验',
      summary: '泰安高新区对28类证明事项推行告知承诺制，申请人书面承诺符合条件即可办理，事后核查不实的依法处理并记入信用记录。一年来减少提交证明材料1.2万份，核查发现承诺不实6件。',
      subjects: [zone],
      source: CREDIT_OFFICE,
      body: `
## 基本情况

为减少群众办事“跑腿”和“证明”，${zone.name}在企业开办、工程建设、社会事务等领域梳理出28类可以告知承诺的证明事项，2025年起全面推行证明事项告知承诺制。

## 主要做法

1. **清单公开。** 在政务服务大厅和网站公开告知承诺事项清单，逐项列明承诺内容、核查方式和承诺不实的法律责任。
2. **一纸承诺代替证明。** 申请人书面承诺符合条件后，审批部门当场或限时办结，不再要求提交相关证明材料。
3. **事后核查全覆盖。** 通过数据共享、现场检查等方式，在承诺作出后3个月内完成核查。
4. **失信约束有力度。** 核查发现承诺不实的，依法撤销相关决定，承诺不实信息记入信用记录并推送至公共信用信息平台。

## 运行成效

| 项目 | 数量 |
| --- | --- |
| 告知承诺事项（类） | 28 |
| 办理告知承诺件（件） | 9 640 |
| 减少证明材料（份） | 12 300 |
| 核查发现承诺不实（件） | 6 |

## 风险防控

对涉及公共安全、生态环境和人身健康的事项，高新区不适用告知承诺制；对曾经作出不实承诺的申请人，在一定期限内不再适用告知承诺方式办理。审批部门与监管部门建立核查结果共享机制，核查中发现的问题及时移交处理，做到审批与监管无缝衔接。

## 经验启示

告知承诺制的前提是信任，基础是核查，保障是惩戒。高新区把“先信任”与“后核查”结合起来，既为群众和企业减负，也让失信者付出代价，实现了便民和守信的双赢。下一步将把告知承诺事项扩展到涉企经营许可领域。
`,
    },
    {
      slug: '2026-ningyang-statistics-warning',
      format: 'md',
      title: '虚报统计数据被警告通报：统计造假是政务失信的红线',
      date: '2026-04-09',
      region: '宁阳县',
      category: '警示案例',
      summary: '宁阳县一街道办事处在固定资产投资统计中虚报数据，被统计部门依法给予警告并通报，政务诚信评价等级被下调。统计数据真实准确是政务诚信的基本要求，弄虚作假必被追责。',
      subjects: [ningyangTown],
      source: '宁阳县发展和改革局',
      body: `
## 案情

在统计执法“双随机”检查中，${ningyangStatistics}发现${ningyangTown.name}报送的固定资产投资统计数据与项目原始记录不符：部分项目未开工即按计划投资额上报，部分已完工项目重复统计，虚报比例超过20%。

## 处理

- 统计部门依据《中华人民共和国统计法》第四十一条，责令改正，给予警告并予以通报；
- 行政处罚信息在信用网站和本门户公示；
- 县纪委监委对相关责任人员进行问责；
- 在年度政务诚信评价中，下调该单位的评价等级。

## 原因分析

| 问题 | 表现 |
| --- | --- |
| 政绩观偏差 | 为完成投资考核指标而虚报数据 |
| 制度执行不严 | 统计台账、原始记录与报表不衔接 |
| 审核把关缺失 | 报表报送前未经负责人审核签字 |

## 整改

案发后，该单位对照统计法律法规开展专项整改，重新核实并更正了全部在库项目数据，建立统计原始记录、统计台账和统计报表“三对照”制度，明确报表须经统计人员、分管负责人、主要负责人三级审核签字后方可报送。

## 警示

统计数据是科学决策的基础，也是检验政府诚信的一面镜子。各级机关要牢固树立依法统计理念，坚决防范和惩治统计造假、弄虚作假，确保统计数据真实准确、完整及时。对干预统计工作、授意篡改数据的行为，一经查实，严肃追究有关人员责任。
`,
    },
    {
      slug: '2026-city-integrity-evaluation',
      format: 'md',
      title: '泰安市开展政务诚信评价，结果与绩效考核挂钩',
      date: '2026-11-20',
      region: '市直',
      category: '诚信建设经验',
      summary: '泰安市对市直部门、县（市、区）政府和功能区开展政务诚信评价，从守信践诺、失信治理、信息归集和社会评价等方面综合打分，评定A、B、C、D四个等级，结果纳入年度绩效考核并向社会公开。',
      subjects: [cityReform, cityGovernment],
      source: CREDIT_OFFICE,
      body: `
## 评价对象和内容

2026年，${cityReform.name}牵头对市直部门、各县（市、区）政府和功能区开展政务诚信评价。评价内容包括：

1. **守信践诺**：政务承诺作出、履行和公开情况；
2. **失信治理**：失信被执行人动态清零、行政处罚信用修复、拖欠账款清理情况；
3. **信息归集**：行政许可、行政处罚等信用信息按时报送和公示情况；
4. **社会评价**：群众和企业对政务服务的满意度。

评价采用数据比对和材料审核相结合的方式，数据主要来源于公共信用信息平台归集的政务承诺、行政处罚、司法判决等信息，避免“以材料论成绩”。首轮评价覆盖市直部门45个、县（市、区）和功能区8个，评价结果经公示无异议后正式发布。

## 等级划分

| 等级 | 分数 | 含义 |
| --- | --- | --- |
| A | 90分以上 | 政务诚信状况优秀 |
| B | 75至89分 | 政务诚信状况良好 |
| C | 60至74分 | 政务诚信状况一般，需要整改 |
| D | 60分以下 | 政务诚信状况较差，重点督办 |

## 结果运用

- 评价结果纳入年度绩效考核，A级单位在评先评优中优先考虑；
- C级、D级单位须在一个月内提交整改方案，市信用办跟踪督办；
- 评价等级和评价日期在本门户“信用画像”页面公开，接受社会监督。

## 下一步

泰安市将逐步把评价范围延伸到乡镇（街道）和市属国有企业，完善评价指标，实现数据自动采集，推动政务诚信评价常态化、制度化，让守信践诺成为各级机关的自觉行动。
`,
    },
  ];
}

// ---------------------------------------------------------------------------

function main(): void {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });

  const codes = new CodeBook();
  const subjects = generateSubjects(createRng(SEED), codes, (r) => SUBJECTS_PER_REGION[r.name] ?? 8);
  const attachment = (index: number, id: string) => (index % 22 === 7 ? `commitments/${id}.pdf` : undefined);
  const commitmentsCtx = context(subjects, codes, 1, 6);
  const commitments = rowsOf(COUNTS.commitments, (i) => commitmentRow(commitmentsCtx, i, { contentLength: [200, 1500], attachment }));
  const penaltiesCtx = context(subjects, codes, 2, 4);
  const enforcementCtx = context(subjects, codes, 3, 4);
  const dishonestCtx = context(subjects, codes, 4, 4);
  const honorsCtx = context(subjects, codes, 5, 4);

  const files: Record<string, ManifestFile> = {
    'subjects.csv': writeCsv('subjects.csv', subjects.map(subjectRow), { encoding: 'utf-8', bom: true, eol: '\n' }),
    'commitments.csv': writeCsv('commitments.csv', commitments, { encoding: 'gb18030', eol: '\n' }),
    'penalties.csv': writeCsv('penalties.csv', rowsOf(COUNTS.penalties, (i) => penaltyRow(penaltiesCtx, i)), { encoding: 'utf-8', eol: '\r\n' }),
    'enforcement.csv': writeCsv('enforcement.csv', rowsOf(COUNTS.enforcement, (i) => enforcementRow(enforcementCtx, i)), { encoding: 'utf-8', eol: '\n' }),
    'dishonest.csv': writeCsv('dishonest.csv', rowsOf(COUNTS.dishonest, (i) => dishonestRow(dishonestCtx, i)), { encoding: 'utf-8', eol: '\n' }),
    'honors.csv': writeCsv('honors.csv', rowsOf(COUNTS.honors, (i) => honorRow(honorsCtx, i)), {
      encoding: 'utf-8',
      eol: '\n',
      columns: ['信息编号', '主体名称', '统一社会信用代码', '荣誉名称', '授予级别', '授予单位', '授予日期', '有效期至'],
    }),
  };
  writeAttachments(commitments);
  writeCases(sampleCases(finder(subjects)));

  writeManifest(OUT, files);
  for (const [file, entry] of Object.entries(files)) console.log(`${file.padEnd(16)} ${String(entry.rows).padStart(4)} rows  ${entry.encoding}`);
}

main();
