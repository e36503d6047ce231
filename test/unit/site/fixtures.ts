/** Small typed records for the site helpers' tests. */
import type { PublishedCommitment, PublishedPenalty } from '../../../src/lib/pipeline/ingest.ts';
import type { Subject } from '../../../src/lib/schemas/subject.ts';

export const subject = (over: Partial<Subject> = {}): Subject => ({ creditCode: '11370900MB2850001B', name: '泰安市发展和改革委员会', category: '政府机构', region: '市直', ...over }) as Subject;

export const commitment = (over: Partial<PublishedCommitment> = {}): PublishedCommitment =>
  ({
    id: 'C1',
    committer: '某单位',
    committerCategory: '政府机构',
    creditCode: '11370900MB2850001B',
    type: '优化服务',
    reason: '事由',
    content: '内容',
    madeOn: '2026-01-01',
    acceptingUnit: '受理单位',
    status: '履行中',
    scope: '可向社会公开',
    expired: false,
    ...over,
  }) as PublishedCommitment;

export const penalty = (over: Partial<PublishedPenalty> = {}): PublishedPenalty =>
  ({
    id: 'P1',
    partyName: '某单位',
    partyCategory: '法人及非法人组织',
    creditCode: '11370900MB2850001B',
    decisionNumber: '罚〔2026〕1号',
    violationType: '违法',
    facts: '事实',
    legalBasis: '依据',
    kinds: ['罚款'],
    content: '罚款',
    decidedOn: '2026-03-01',
    authority: '机关',
    authorityCode: '11370900MB2850001B',
    source: '机关',
    sourceCode: '11370900MB2850001B',
    repairStatus: '未修复',
    disclosure: { severity: '一般', severityDerived: true, minimumEnd: '2026-06-01', legalEnd: '2027-03-01', end: '2027-03-01', repairOpen: false },
    ...over,
  }) as PublishedPenalty;
