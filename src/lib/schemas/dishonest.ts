/** dishonest.csv — 失信被执行人, the Supreme People's Court list fields (export-format.md §4). */
import { column, defineContractFile } from './contract-file.ts';
import { civilDate, creditCode, oneOf, optionalText, recordId, text } from './fields.ts';

export const DEBTOR_PERFORMANCE = ['全部未履行', '部分未履行'] as const;
export const SUPERVISION_STATUSES = ['待通报', '已通报', '现场督办', '已约谈', '已移交'] as const;

export const dishonestFile = defineContractFile({
  file: 'dishonest.csv',
  key: 'id',
  columns: {
    /** 信息编号 R */
    id: column('信息编号', recordId, { identifier: true }),
    /** 案号 R */
    caseNumber: column('案号', text, { identifier: true }),
    /** 被执行人名称 R */
    debtorName: column('被执行人名称', text),
    /** 统一社会信用代码 R: must be in subjects.csv */
    creditCode: column('统一社会信用代码', creditCode, { identifier: true }),
    /** 法定代表人或者负责人姓名 O */
    representative: column('法定代表人或者负责人姓名', optionalText),
    /** 执行法院 R */
    court: column('执行法院', text),
    /** 省份 R */
    province: column('省份', text),
    /** 执行依据文号 R */
    basisNumber: column('执行依据文号', text, { identifier: true }),
    /** 立案时间 R */
    filedOn: column('立案时间', civilDate),
    /** 做出执行依据单位 R */
    basisIssuer: column('做出执行依据单位', text),
    /** 生效法律文书确定的义务 R */
    obligation: column('生效法律文书确定的义务', text),
    /** 被执行人的履行情况 R */
    performance: column('被执行人的履行情况', oneOf(DEBTOR_PERFORMANCE)),
    /** 失信被执行人行为具体情形 R */
    conduct: column('失信被执行人行为具体情形', text),
    /** 已履行部分 O */
    performedPart: column('已履行部分', optionalText),
    /** 未履行部分 O */
    unperformedPart: column('未履行部分', optionalText),
    /** 发布时间 R: date of listing */
    listedOn: column('发布时间', civilDate),
    /** 移出日期 O: a removed listing is no longer published */
    removedOn: column('移出日期', civilDate.optional()),
    /** 督办状态 R */
    supervision: column('督办状态', oneOf(SUPERVISION_STATUSES)),
    /** 通报日期 O: notice to the party committee, government and departments */
    notifiedOn: column('通报日期', civilDate.optional()),
  },
  rules({ row, problem }) {
    if (row.listedOn && row.removedOn && row.removedOn < row.listedOn) problem('removedOn', `移出日期 ${row.removedOn} 早于发布时间 ${row.listedOn}`);
    // As an enforcement case's: a notice before the listing is a wrong date, and would count as sent on time.
    if (row.listedOn && row.notifiedOn && row.notifiedOn < row.listedOn) problem('notifiedOn', `通报日期 ${row.notifiedOn} 早于发布时间 ${row.listedOn}`);
  },
  subject: (r) => r.creditCode,
});

export type Dishonest = NonNullable<ReturnType<typeof dishonestFile.parseRow>['record']>;
