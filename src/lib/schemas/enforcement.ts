/** enforcement.csv — 被执行人案件 (export-format.md §4). */
import { column, defineContractFile } from './contract-file.ts';
import { amount, civilDate, creditCode, oneOf, recordId, text } from './fields.ts';

export const ENFORCEMENT_OUTCOMES = ['未履行', '部分履行', '全部履行', '执行和解', '终结执行'] as const;
/** Outcomes that close a case, and so require 结案日期. */
export const CLOSING_OUTCOMES: readonly string[] = ['全部履行', '执行和解', '终结执行'];

export const enforcementFile = defineContractFile({
  file: 'enforcement.csv',
  key: 'id',
  columns: {
    /** 信息编号 R */
    id: column('信息编号', recordId, { identifier: true }),
    /** 案号 R, e.g. （2026）鲁0902执1234号 */
    caseNumber: column('案号', text, { identifier: true }),
    /** 被执行人名称 R */
    debtorName: column('被执行人名称', text),
    /** 统一社会信用代码 R: must be in subjects.csv */
    creditCode: column('统一社会信用代码', creditCode, { identifier: true }),
    /** 执行法院 R */
    court: column('执行法院', text),
    /** 立案日期 R */
    filedOn: column('立案日期', civilDate),
    /** 执行标的（万元） O */
    amount: column('执行标的（万元）', amount.optional()),
    /** 执行依据文号 R */
    basisNumber: column('执行依据文号', text, { identifier: true }),
    /** 做出执行依据单位 R */
    basisIssuer: column('做出执行依据单位', text),
    /** 通报日期 O: the court's notice to the development and reform commission */
    notifiedOn: column('通报日期', civilDate.optional()),
    /** 履行情况 R */
    outcome: column('履行情况', oneOf(ENFORCEMENT_OUTCOMES)),
    /** 结案日期 C: required for 全部履行 / 执行和解 / 终结执行 */
    closedOn: column('结案日期', civilDate.optional()),
  },
  rules({ row, filled, problem }) {
    if (row.outcome && CLOSING_OUTCOMES.includes(row.outcome) && !filled('closedOn')) {
      problem('closedOn', `履行情况为${row.outcome}时必须填写结案日期`);
    }
    if (row.filedOn && row.closedOn && row.closedOn < row.filedOn) problem('closedOn', `结案日期 ${row.closedOn} 早于立案日期 ${row.filedOn}`);
    if (row.filedOn && row.notifiedOn && row.notifiedOn < row.filedOn) problem('notifiedOn', `通报日期 ${row.notifiedOn} 早于立案日期 ${row.filedOn}`);
  },
  subject: (r) => r.creditCode,
});

export type Enforcement = NonNullable<ReturnType<typeof enforcementFile.parseRow>['record']>;
