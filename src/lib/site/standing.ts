/**
 * A subject's standing at a glance (信用画像 status badges): is it a dishonest judgment
 * debtor now, how many penalties are unrepaired, are its commitments kept.
 * Works on published records only: the pipeline already applied the rules.
 */
import { formatChineseDate, type CivilDate } from '../dates/civil-date.ts';
import { isListedOn } from '../rules/court-lists.ts';
import type { PublishedPenalty } from '../pipeline/ingest.ts';
import { madeByPerson } from '../schemas/commitment.ts';
import type { SubjectRecords } from './records.ts';

export type Tone = 'good' | 'warn' | 'bad' | 'neutral';

/**
 * A status badge's class (site.css .badge, .tone-*). A badge is one span written in place, not a
 * component: Astro's cost is largely per component rendered, and a list or profile page has 30–50 badges.
 */
export const badgeClass = (tone: Tone): string => `badge tone-${tone}`;

export interface Badge {
  label: string;
  value: string;
  tone: Tone;
}

export interface CommitmentTally {
  total: number;
  ongoing: number;
  fulfilled: number;
  partial: number;
  unfulfilled: number;
  expired: number;
}

export function tallyCommitments(commitments: readonly { status: string; expired: boolean }[]): CommitmentTally {
  const t: CommitmentTally = { total: 0, ongoing: 0, fulfilled: 0, partial: 0, unfulfilled: 0, expired: 0 };
  for (const c of commitments) {
    t.total++;
    if (c.expired) t.expired++;
    if (c.status === '履行中') t.ongoing++;
    else if (c.status === '全部履行') t.fulfilled++;
    else if (c.status === '部分履行') t.partial++;
    else if (c.status === '全部未履行') t.unfulfilled++;
  }
  return t;
}

/**
 * 信用修复状态 as the platform reports it. A 已修复 penalty stays published until its
 * 修复日期 (Order 36, export-format.md §6), so the day the repair takes effect is shown with it.
 */
export function repairStatusLabel(p: Pick<PublishedPenalty, 'repairStatus' | 'repairedOn'>): string {
  return p.repairStatus === '已修复' && p.repairedOn ? `已修复（${formatChineseDate(p.repairedOn)}起生效）` : p.repairStatus;
}

export function standingBadges(r: Pick<SubjectRecords, 'commitments' | 'penalties' | 'enforcement' | 'dishonest' | 'honors'>, asOf: CivilDate): Badge[] {
  // A listing is published until removed, from before its 发布时间 too: current only from then on.
  const listedFrom = r.dishonest.flatMap((d) => (isListedOn(d, asOf) ? [] : [d.listedOn])).sort();
  const listed = r.dishonest.length - listedFrom.length;
  const listedNote = listedFrom.length > 0 ? `；另有 ${listedFrom.length} 条自${listedFrom.map(formatChineseDate).join('、')}起列入` : '';
  // Every published penalty is unrepaired on the as-of date (a repair in effect withholds it), as /governance/ counts them;
  // a 已修复 one is repaired from its 修复日期, still to come.
  const unrepaired = r.penalties.length;
  const repairOpen = r.penalties.filter((p) => p.disclosure.repairOpen).length;
  const repairDates = r.penalties.flatMap((p) => (p.repairStatus === '已修复' && p.repairedOn ? [p.repairedOn] : [])).sort();
  const penaltyNotes = [repairOpen > 0 ? `${repairOpen} 条可申请信用修复` : '', repairDates.length > 0 ? `${repairDates.length} 条的信用修复自${repairDates.map(formatChineseDate).join('、')}起生效` : ''].filter(Boolean);
  const open = r.enforcement.length;
  // The subject's own letters; its staff's (公务员, 国企高管, filed under it) are theirs, and only noted.
  const c = tallyCommitments(r.commitments.filter((x) => !madeByPerson(x)));
  const staff = tallyCommitments(r.commitments.filter(madeByPerson));
  const assessed = c.fulfilled + c.partial + c.unfulfilled;
  const broken = c.partial + c.unfulfilled;
  const staffBroken = staff.partial + staff.unfulfilled;
  const staffNote = staff.total === 0 ? '' : `；另有本单位工作人员的个人承诺 ${staff.total} 项${staffBroken > 0 ? `（未全部履行 ${staffBroken} 项）` : ''}`;
  return [
    { label: '失信被执行人', value: (listed === 0 ? '否，当前未被列入' : `是，当前在列 ${listed} 条`) + listedNote, tone: listed > 0 ? 'bad' : listedFrom.length > 0 ? 'warn' : 'good' },
    {
      label: '未修复的行政处罚',
      value: `${unrepaired} 条${penaltyNotes.length > 0 ? `（其中 ${penaltyNotes.join('，')}）` : ''}`,
      tone: unrepaired === 0 ? 'good' : 'warn',
    },
    { label: '未履行完毕的被执行案件', value: `${open} 件`, tone: open === 0 ? 'good' : 'warn' },
    {
      label: '政务承诺履行',
      value:
        (c.total === 0
          ? '暂无本单位的公开承诺'
          : assessed === 0
            ? `公开承诺 ${c.total} 项，均在履行中`
            : `已认定 ${assessed} 项，全部履行 ${c.fulfilled} 项${broken > 0 ? `，未全部履行 ${broken} 项` : ''}`) + staffNote,
      tone: c.total === 0 ? 'neutral' : broken > 0 ? 'bad' : 'good',
    },
    { label: '表彰奖励', value: `${r.honors.length} 项`, tone: r.honors.length > 0 ? 'good' : 'neutral' },
  ];
}

/**
 * The note beside a commitment's status once its term (承诺有效期至) has ended. A letter still
 * 履行中 then is one its 认定单位 has not yet assessed: 已到期 alone beside 履行中 would read as
 * a letter both running and over.
 */
export function expiryNote(c: { status: string; expired: boolean }): string | undefined {
  if (!c.expired) return undefined;
  return c.status === '履行中' ? '已到期，待认定' : '已到期';
}

/** Tone of a commitment's fulfilment status badge. */
export function fulfilmentTone(status: string): Tone {
  if (status === '全部履行') return 'good';
  if (status === '部分履行') return 'warn';
  if (status === '全部未履行') return 'bad';
  return 'neutral';
}
