/** commitments.csv — 信用承诺 (export-format.md §4). */
import { column, defineContractFile } from './contract-file.ts';
import { civilDate, creditCode, oneOf, optionalText, recordId, text } from './fields.ts';

export const COMMITTER_CATEGORIES = ['政府机构', '事业单位', '国有企业', '公务员', '国企高管'] as const;
/** Categories whose committer is a person: only name and post are ever shown. */
const PERSON_CATEGORIES: readonly string[] = ['公务员', '国企高管'];
/** A letter a person (公务员, 国企高管) made, filed under the subject the person works in (§4): not the subject's own. */
export const madeByPerson = (c: { committerCategory: string }): boolean => PERSON_CATEGORIES.includes(c.committerCategory);
export const COMMITMENT_TYPES = ['履职尽责', '优化服务', '廉洁自律', '依法行政', '主动型', '信用修复型', '行业自律型', '其他'] as const;
export const FULFILMENT_STATUSES = ['履行中', '全部履行', '部分履行', '全部未履行'] as const;
export const DISCLOSURE_SCOPES = ['可向社会公开', '特定范围内公开', '不可公开'] as const;

export const commitmentFile = defineContractFile({
  file: 'commitments.csv',
  key: 'id',
  columns: {
    /** 信息编号 R: permanent URL key */
    id: column('信息编号', recordId, { identifier: true }),
    /** 承诺人名称 R: the agency, or the person for 公务员 / 国企高管 */
    committer: column('承诺人名称', text),
    /** 承诺人类别 R */
    committerCategory: column('承诺人类别', oneOf(COMMITTER_CATEGORIES)),
    /** 统一社会信用代码 R: the committing subject or the person's employer; must be in subjects.csv */
    creditCode: column('统一社会信用代码', creditCode, { identifier: true }),
    /** 承诺人职务 C: required for 公务员 / 国企高管 */
    post: column('承诺人职务', optionalText),
    /** 承诺类型 R */
    type: column('承诺类型', oneOf(COMMITMENT_TYPES)),
    /** 承诺事由 R */
    reason: column('承诺事由', text),
    /** 承诺内容 R: full text, may span lines */
    content: column('承诺内容', text),
    /** 违诺责任 O */
    liability: column('违诺责任', optionalText),
    /** 承诺作出日期 R: not after the export date */
    madeOn: column('承诺作出日期', civilDate),
    /** 承诺有效期至 O: empty means 长期有效; not before 承诺作出日期 */
    validUntil: column('承诺有效期至', civilDate.optional()),
    /** 承诺受理单位 R */
    acceptingUnit: column('承诺受理单位', text),
    /** 承诺履行状态 R */
    status: column('承诺履行状态', oneOf(FULFILMENT_STATUSES)),
    /** 履行状态认定日期 C: required unless 履行中; not before 承诺作出日期 */
    assessedOn: column('履行状态认定日期', civilDate.optional()),
    /** 认定单位 C: required unless 履行中 */
    assessingUnit: column('认定单位', optionalText),
    /** 未履行的承诺内容 C: required for 部分履行 / 全部未履行 */
    unfulfilled: column('未履行的承诺内容', optionalText),
    /** 违诺责任追究内容 O */
    accountability: column('违诺责任追究内容', optionalText),
    /** 公开类型 R: only 可向社会公开 is published */
    scope: column('公开类型', oneOf(DISCLOSURE_SCOPES)),
    /** 承诺书附件 O: a PDF under attachments/, published with the commitment */
    attachment: column('承诺书附件', optionalText, { attachment: 'pdf' }),
    /** 备注 O */
    note: column('备注', optionalText),
  },
  rules({ row, filled, problem, exportDate }) {
    if (row.committerCategory && madeByPerson({ committerCategory: row.committerCategory }) && !filled('post')) {
      problem('post', `承诺人类别为${row.committerCategory}时必须填写承诺人职务`);
    }
    if (row.madeOn && row.madeOn > exportDate) problem('madeOn', `承诺作出日期 ${row.madeOn} 晚于导出日期 ${exportDate}`);
    if (row.madeOn && row.validUntil && row.validUntil < row.madeOn) problem('validUntil', `承诺有效期至 ${row.validUntil} 早于承诺作出日期 ${row.madeOn}`);
    if (row.status && row.status !== '履行中') {
      if (!filled('assessedOn')) problem('assessedOn', `承诺履行状态为${row.status}时必须填写履行状态认定日期`);
      if (!filled('assessingUnit')) problem('assessingUnit', `承诺履行状态为${row.status}时必须填写认定单位`);
    }
    if (row.madeOn && row.assessedOn && row.assessedOn < row.madeOn) problem('assessedOn', `履行状态认定日期 ${row.assessedOn} 早于承诺作出日期 ${row.madeOn}`);
    if ((row.status === '部分履行' || row.status === '全部未履行') && !filled('unfulfilled')) {
      problem('unfulfilled', `承诺履行状态为${row.status}时必须填写未履行的承诺内容`);
    }
  },
  subject: (c) => c.creditCode,
});

export type Commitment = NonNullable<ReturnType<typeof commitmentFile.parseRow>['record']>;
