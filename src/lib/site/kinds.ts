/** The record kinds that have pages, with their URL prefix and Chinese names. */
import type { RecordKind } from '../schemas/contract.ts';

export const KIND_LABELS: Record<RecordKind, string> = {
  commitments: '信用承诺',
  penalties: '行政处罚',
  enforcement: '被执行人案件',
  dishonest: '失信被执行人',
  honors: '表彰奖励',
};

export const recordUrl = (kind: RecordKind | 'cases', id: string): string => `/${kind}/${id}/`;
export const subjectUrl = (creditCode: string): string => `/subjects/${creditCode}/`;
/** An attachment's address: each part of its path percent-encoded, so that a name with a space, `#`, `?` or `%` links to its file. */
export const attachmentUrl = (key: string): string => `/attachments/${key.split('/').map(encodeURIComponent).join('/')}`;
