/**
 * Build-report warnings for the working-day calendar: a calendar file that could not be
 * used, and every year some deadline needs that no calendar covers (the figures that
 * depend on it say 暂无法计算; everything else still builds).
 */
import { buildCalendar, type CalendarFiles } from '../calendar/calendar-files.ts';
import type { WorkingCalendar } from '../calendar/working-days.ts';
import type { CivilDate } from '../dates/civil-date.ts';
import type { Problem } from '../pipeline/report.ts';
import { noticeItems, penaltiesPastMinimum } from './metrics.ts';
import { repairWait } from './repair-wait.ts';
import type { GovernanceRecords } from './inputs.ts';

export function calendarWarnings(r: GovernanceRecords, asOf: CivilDate, { calendar, files, dir }: { calendar: WorkingCalendar; files: CalendarFiles; dir: string } = buildCalendar()): Problem[] {
  const problems: Problem[] = files.problems.map((p) => ({ file: p.file, severity: 'warning', message: `工作日日历文件不可用，该年视为未覆盖：${p.message}` }));
  const needed = new Map<number, number>();
  const need = (year: number) => needed.set(year, (needed.get(year) ?? 0) + 1);
  for (const { deadline } of noticeItems(r, { asOf, calendar })) {
    if (deadline.state === 'unknown') need(deadline.missingYear);
    else if (deadline.state === 'late' && !deadline.lateBy.ok) need(deadline.lateBy.missingYear);
    else if ((deadline.state === 'on-time' || deadline.state === 'pending') && !deadline.due.ok) need(deadline.due.missingYear);
  }
  for (const p of penaltiesPastMinimum(r, asOf)) {
    const wait = repairWait(p.disclosure.minimumEnd, asOf, calendar);
    if (wait && !wait.ok) need(wait.missingYear);
  }
  for (const [year, count] of [...needed].sort((a, b) => a[0] - b[0])) {
    const why = files.unconfirmed.includes(year) ? `${dir}/${year}.json 仍是未确认的模板` : `chinese-days 不含该年，${dir}/${year}.json 也不存在`;
    problems.push({ file: `${dir}/${year}.json`, severity: 'warning', message: `缺少 ${year} 年的节假日安排（${why}）：依赖该年工作日的 ${count} 项期限显示“暂无法计算”。国务院办公厅公布该年安排后，请按 README 添加该年日历。` });
  }
  return problems;
}
