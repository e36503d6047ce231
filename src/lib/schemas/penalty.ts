/** penalties.csv — 行政处罚, the 双公示 fields (export-format.md §4). */
import { column, defineContractFile } from './contract-file.ts';
import { amount, civilDate, creditCode, manyOf, oneOf, optionalText, recordId, text } from './fields.ts';
import { penaltyWindow } from '../rules/order-36-2025.ts';

const PENALTY_PARTY_CATEGORIES = ['法人及非法人组织', '自然人', '个体工商户'] as const;
export const PENALTY_KINDS = ['警告', '通报批评', '罚款', '没收违法所得', '没收非法财物', '暂扣许可证件', '降低资质等级', '吊销许可证件', '限制开展生产经营活动', '责令停产停业', '责令关闭', '限制从业', '其他'] as const;
const SEVERITIES = ['轻微', '一般', '严重'] as const;
export const SPECIAL_DOMAINS = ['特种设备', '安全生产', '消防'] as const;
export const REPAIR_STATUSES = ['未修复', '已修复'] as const;

export const penaltyFile = defineContractFile({
  file: 'penalties.csv',
  key: 'id',
  columns: {
    /** 信息编号 R */
    id: column('信息编号', recordId, { identifier: true }),
    /** 行政相对人名称 R */
    partyName: column('行政相对人名称', text),
    /** 行政相对人类别 R: only 法人及非法人组织 rows belong to this portal; the others are withheld */
    partyCategory: column('行政相对人类别', oneOf(PENALTY_PARTY_CATEGORIES)),
    /** 统一社会信用代码 R: must be in subjects.csv */
    creditCode: column('统一社会信用代码', creditCode, { identifier: true }),
    /** 法定代表人 O */
    legalRepresentative: column('法定代表人', optionalText),
    /** 行政处罚决定书文号 R */
    decisionNumber: column('行政处罚决定书文号', text, { identifier: true }),
    /** 违法行为类型 R */
    violationType: column('违法行为类型', text),
    /** 违法事实 R */
    facts: column('违法事实', text),
    /** 处罚依据 R */
    legalBasis: column('处罚依据', text),
    /** 处罚类别 R: one or more of the national list */
    kinds: column('处罚类别', manyOf(PENALTY_KINDS)),
    /** 处罚内容 R */
    content: column('处罚内容', text),
    /** 罚款金额（万元） O */
    fine: column('罚款金额（万元）', amount.optional()),
    /** 没收违法所得、没收非法财物的金额（万元） O */
    confiscated: column('没收违法所得、没收非法财物的金额（万元）', amount.optional()),
    /** 暂扣或吊销证照名称及编号 O */
    licence: column('暂扣或吊销证照名称及编号', optionalText, { identifier: true }),
    /** 处罚决定日期 R: start of the publication window */
    decidedOn: column('处罚决定日期', civilDate),
    /** 失信程度 O: derived by Order 36 when empty */
    severity: column('失信程度', oneOf(SEVERITIES).optional()),
    /** 公示期特殊领域 O: raises the minimum period to one year */
    specialDomain: column('公示期特殊领域', oneOf(SPECIAL_DOMAINS).optional()),
    /** 公示截止期 O: the platform's end date, within the legal maximum */
    platformEnd: column('公示截止期', civilDate.optional()),
    /** 处罚机关 R */
    authority: column('处罚机关', text),
    /** 处罚机关统一社会信用代码 R */
    authorityCode: column('处罚机关统一社会信用代码', creditCode, { identifier: true }),
    /** 数据来源单位 R */
    source: column('数据来源单位', text),
    /** 数据来源单位统一社会信用代码 R */
    sourceCode: column('数据来源单位统一社会信用代码', creditCode, { identifier: true }),
    /** 信用修复状态 R */
    repairStatus: column('信用修复状态', oneOf(REPAIR_STATUSES)),
    /** 修复日期 C: required for 已修复 */
    repairedOn: column('修复日期', civilDate.optional()),
    /** 备注 O */
    note: column('备注', optionalText),
  },
  rules({ row, filled, problem }) {
    if (row.repairStatus === '已修复' && !filled('repairedOn')) problem('repairedOn', '信用修复状态为已修复时必须填写修复日期');
    if (row.decidedOn && row.kinds && row.platformEnd) {
      const window = penaltyWindow({ decidedOn: row.decidedOn, kinds: row.kinds, severity: row.severity, specialDomain: row.specialDomain });
      if (window.legalEnd && row.platformEnd > window.legalEnd) {
        problem('platformEnd', `公示截止期 ${row.platformEnd} 超过《信用修复管理办法》规定的最长公示期（${window.severity}失信，至 ${window.legalEnd}）`);
      }
      if (window.minimumEnd && row.platformEnd < window.minimumEnd) {
        problem('platformEnd', `公示截止期 ${row.platformEnd} 早于最短公示期届满日 ${window.minimumEnd}`);
      }
    }
  },
  // §4: only 法人及非法人组织 are this portal's subjects; a 自然人 / 个体工商户 party is never
  // in subjects.csv, and Order 36 withholds such a penalty (rules/order-36-2025.ts).
  subject: (p) => (p.partyCategory === '法人及非法人组织' ? p.creditCode : undefined),
});

export type Penalty = NonNullable<ReturnType<typeof penaltyFile.parseRow>['record']>;
