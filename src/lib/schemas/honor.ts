/** honors.csv — 表彰奖励 (export-format.md §4). */
import { column, defineContractFile } from './contract-file.ts';
import { civilDate, creditCode, oneOf, recordId, text } from './fields.ts';

export const HONOR_LEVELS = ['国家级', '省级', '市级', '县级'] as const;

export const honorFile = defineContractFile({
  file: 'honors.csv',
  key: 'id',
  columns: {
    /** 信息编号 R */
    id: column('信息编号', recordId, { identifier: true }),
    /** 统一社会信用代码 R: must be in subjects.csv */
    creditCode: column('统一社会信用代码', creditCode, { identifier: true }),
    /** 主体名称 R */
    subjectName: column('主体名称', text),
    /** 荣誉名称 R */
    title: column('荣誉名称', text),
    /** 授予单位 R */
    grantor: column('授予单位', text),
    /** 授予级别 R */
    level: column('授予级别', oneOf(HONOR_LEVELS)),
    /** 授予日期 R */
    grantedOn: column('授予日期', civilDate),
    /** 有效期至 O: an expired honour is no longer published */
    validUntil: column('有效期至', civilDate.optional()),
  },
  rules({ row, problem }) {
    if (row.grantedOn && row.validUntil && row.validUntil < row.grantedOn) problem('validUntil', `有效期至 ${row.validUntil} 早于授予日期 ${row.grantedOn}`);
  },
  subject: (r) => r.creditCode,
});

export type Honor = NonNullable<ReturnType<typeof honorFile.parseRow>['record']>;
