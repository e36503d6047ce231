/** The words a page prints for a deadline: 按期 / 逾期 N 个工作日 / 暂无法计算 (with the reason). */
import type { Reckoned } from '../calendar/working-days.ts';
import { formatChineseDate } from '../dates/civil-date.ts';
import type { NoticeDeadline } from '../rules/dishonesty-governance-notice.ts';
import type { Tone } from '../site/standing.ts';

export const missingYearReason = (year: number) => `缺少${year}年的法定节假日安排，无法确定工作日`;

/** An unrepaired penalty past its minimum period: since when repair could be applied for, in working days. */
export function repairWaitText(minimumEnd: string, wait: Reckoned<number>): string {
  const since = `自${formatChineseDate(minimumEnd)}起可申请信用修复`;
  return wait.ok ? `${since}，已过 ${wait.value} 个工作日仍未修复。` : `${since}，已过的工作日数暂无法计算（${missingYearReason(wait.missingYear)}）。`;
}

export interface DeadlineLines {
  due: string;
  reported: string;
  verdict: string;
  tone: Tone;
}

/** The 7th working day, or why it is not known yet (the verdict may be known all the same). */
const dueText = (due: Reckoned<string>): string => (due.ok ? formatChineseDate(due.value) : `暂无法计算（${missingYearReason(due.missingYear)}）`);

export function deadlineLines(d: NoticeDeadline): DeadlineLines {
  const reportedOn = d.state === 'pending' ? undefined : d.reportedOn;
  const reported = reportedOn ? formatChineseDate(reportedOn) : '尚未通报';
  switch (d.state) {
    case 'unknown':
      return { due: `暂无法计算（${missingYearReason(d.missingYear)}）`, reported, verdict: '暂无法计算', tone: 'neutral' };
    case 'on-time':
      return { due: dueText(d.due), reported, verdict: '按期', tone: 'good' };
    case 'pending':
      return { due: dueText(d.due), reported, verdict: '尚未通报，期限未到', tone: 'neutral' };
    case 'late':
      return { due: dueText(d.due), reported, verdict: d.lateBy.ok ? `逾期 ${d.lateBy.value} 个工作日` : `逾期，逾期天数暂无法计算（${missingYearReason(d.lateBy.missingYear)}）`, tone: 'bad' };
  }
}
