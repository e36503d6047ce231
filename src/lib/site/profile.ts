/**
 * What a subject's 信用画像 page shows besides its own fields: its 上级主管部门 and 下属单位, its
 * standing, its records newest first, and the reporting deadlines of its cases and listings.
 * The page (src/pages/subjects/[code].astro) renders this and its subject only, so that its
 * digest (page-reuse.ts) covers all it shows: a day's corrections to other agencies' records,
 * or to text the profile does not show, leave it as it was.
 */
import type { GovernanceContext } from '../governance/inputs.ts';
import { noticeItems, type NoticeItem } from '../governance/metrics.ts';
import type { Subject } from '../schemas/subject.ts';
import type { SiteIndex } from './records.ts';
import { standingBadges, type Badge } from './standing.ts';
import { timeline, type TimelineEntry } from './timeline.ts';

export interface SubjectProfile {
  subject: Subject;
  /** The 上级主管部门's name when it is a published subject (its profile is linked then). */
  parentName?: string;
  /** Published subjects whose 上级主管部门 this one is. */
  children: Pick<Subject, 'creditCode' | 'name'>[];
  badges: Badge[];
  entries: TimelineEntry[];
  /** Its enforcement cases and active listings, each titled with its 案号. */
  deadlines: (NoticeItem & { title: string })[];
}

export function subjectProfile(subject: Subject, index: Pick<SiteIndex, 'byCode' | 'subjectsByCode'>, ctx: Pick<GovernanceContext, 'asOf' | 'calendar'>): SubjectProfile {
  const records = index.byCode.get(subject.creditCode)!;
  const parentName = subject.parentCode ? index.subjectsByCode.get(subject.parentCode)?.name : undefined;
  const titles = new Map([...records.enforcement, ...records.dishonest].map((r) => [r.id, r.caseNumber]));
  return {
    subject,
    ...(parentName === undefined ? {} : { parentName }),
    children: records.children.map(({ creditCode, name }) => ({ creditCode, name })),
    badges: standingBadges(records, ctx.asOf),
    entries: timeline(records, ctx.asOf),
    deadlines: noticeItems(records, ctx).map((i) => ({ ...i, title: titles.get(i.id) ?? i.id })),
  };
}
