/** subjects.csv — 主体名录 (export-format.md §4). */
import { column, defineContractFile } from './contract-file.ts';
import { civilDate, creditCode, oneOf, optionalText, text } from './fields.ts';

export const SUBJECT_CATEGORIES = ['政府机构', '事业单位', '国有企业', '群团组织'] as const;
export const EVALUATION_GRADES = ['A', 'B', 'C', 'D'] as const;

export const subjectFile = defineContractFile({
  file: 'subjects.csv',
  key: 'creditCode',
  columns: {
    /** 统一社会信用代码 R: the subject's unique key and profile URL */
    creditCode: column('统一社会信用代码', creditCode, { identifier: true }),
    /** 主体名称 R */
    name: column('主体名称', text),
    /** 主体类别 R: 政府机构 / 事业单位 / 国有企业 / 群团组织 */
    category: column('主体类别', oneOf(SUBJECT_CATEGORIES)),
    /** 所属区域 R: one of the configured regions */
    region: column('所属区域', text),
    /** 上级主管部门 O: 统一社会信用代码 of another subject in this file */
    parentCode: column('上级主管部门', creditCode.optional(), { identifier: true }),
    /** 办公地址 O */
    address: column('办公地址', optionalText),
    /** 联系电话 O: the office's public phone */
    phone: column('联系电话', optionalText),
    /** 信用评价等级 O: A / B / C / D */
    grade: column('信用评价等级', oneOf(EVALUATION_GRADES).optional()),
    /** 评价日期 C: required when 信用评价等级 is given */
    gradedOn: column('评价日期', civilDate.optional()),
  },
  rules({ row, filled, problem, regions }) {
    if (row.region && !regions.includes(row.region)) problem('region', `不是本门户配置的区域：${row.region}（允许：${regions.join(' / ')}）`);
    if (filled('grade') && !filled('gradedOn')) problem('gradedOn', '填写了信用评价等级时必须填写评价日期');
  },
  // No `subject`: a subject is the record others refer to. Its 上级主管部门 is checked by the
  // pipeline against the other rows of this file (pipeline/subjects.ts). §6 has no withholding
  // rule for subjects: every valid subject is published.
});

export type Subject = NonNullable<ReturnType<typeof subjectFile.parseRow>['record']>;
