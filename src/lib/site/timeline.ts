/** 信用画像 timeline: all of a subject's published records on one list, newest first. */
import { formatChineseDate, type CivilDate } from '../dates/civil-date.ts';
import { isListedOn } from '../rules/court-lists.ts';
import { madeByPerson } from '../schemas/commitment.ts';
import { KIND_LABELS, recordUrl } from './kinds.ts';
import { committerLabel } from './list-item.ts';
import type { SubjectRecords } from './records.ts';
import type { Tone } from './standing.ts';
import { expiryNote, fulfilmentTone, repairStatusLabel } from './standing.ts';

export interface TimelineEntry {
  date: string;
  kind: string;
  title: string;
  href: string;
  status: string;
  tone: Tone;
}

const KIND_RANK: Record<string, number> = { 失信被执行人: 0, 行政处罚: 1, 被执行人案件: 2, 信用承诺: 3, 表彰奖励: 4, 典型案例: 5 };

export function timeline(r: Omit<SubjectRecords, 'children'>, asOf: CivilDate): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  for (const d of r.dishonest) {
    const listed = isListedOn(d, asOf);
    entries.push({ date: d.listedOn, kind: KIND_LABELS.dishonest, title: `${d.caseNumber} ${d.court}`, href: recordUrl('dishonest', d.id), status: listed ? '在列' : `${formatChineseDate(d.listedOn)}起在列`, tone: listed ? 'bad' : 'warn' });
  }
  for (const p of r.penalties) {
    const { severity, repairOpen } = p.disclosure;
    const status = `${severity}失信 · ${repairStatusLabel(p)}${repairOpen ? ' · 可申请修复' : ''}`;
    entries.push({ date: p.decidedOn, kind: KIND_LABELS.penalties, title: `${p.violationType}（${p.decisionNumber}）`, href: recordUrl('penalties', p.id), status, tone: p.repairStatus === '未修复' ? 'warn' : 'neutral' });
  }
  for (const e of r.enforcement) entries.push({ date: e.filedOn, kind: KIND_LABELS.enforcement, title: `${e.caseNumber} ${e.court}`, href: recordUrl('enforcement', e.id), status: e.outcome, tone: 'warn' });
  for (const c of r.commitments) {
    // A person's letter is filed under the subject they work in: it says whose it is, as the lists do.
    const title = `${madeByPerson(c) ? `${committerLabel(c)}：` : ''}${c.reason}（${c.type}）`;
    entries.push({ date: c.madeOn, kind: KIND_LABELS.commitments, title, href: recordUrl('commitments', c.id), status: [c.status, expiryNote(c)].filter(Boolean).join(' · '), tone: fulfilmentTone(c.status) });
  }
  for (const h of r.honors) entries.push({ date: h.grantedOn, kind: KIND_LABELS.honors, title: h.title, href: recordUrl('honors', h.id), status: h.level, tone: 'good' });
  for (const c of r.cases) entries.push({ date: c.date, kind: '典型案例', title: c.title, href: recordUrl('cases', c.slug), status: c.category, tone: c.category === '警示案例' || c.category === '失信整改案例' ? 'warn' : 'good' });
  return entries.sort((a, b) => b.date.localeCompare(a.date) || KIND_RANK[a.kind]! - KIND_RANK[b.kind]! || a.href.localeCompare(b.href));
}
