/**
 * 《信用修复管理办法》(NDRC Order No. 36 of 2025, in force 2026-04-01): how long an
 * administrative penalty is disclosed, and from when its subject may apply for repair.
 * The next change of these rules is an edit of this file alone.
 */
import { addMonths, type CivilDate } from '../dates/civil-date.ts';
import { hasEnded, published, withheld, type Decision } from './decision.ts';

export type Severity = '轻微' | '一般' | '严重';

/** Penalty kinds that make a penalty 严重失信 when the platform gives no 失信程度. */
const SEVERE_PENALTY_KINDS: readonly string[] = ['吊销许可证件', '限制开展生产经营活动', '责令停产停业', '责令关闭', '限制从业'];

/** Minimum and maximum disclosure, in months from 处罚决定日期; 轻微 is not disclosed. */
const PERIOD_MONTHS = { 一般: { minimum: 3, maximum: 12 }, 严重: { minimum: 12, maximum: 36 } } as const;
/** 特种设备 / 安全生产 / 消防 raise the minimum to one year. */
const SPECIAL_DOMAIN_MINIMUM_MONTHS = 12;

export interface PenaltyTerms {
  decidedOn: CivilDate;
  kinds: readonly string[];
  severity?: Severity | undefined;
  specialDomain?: string | undefined;
}

export interface PenaltyWindow {
  severity: Severity;
  /** True when 失信程度 was derived rather than given. */
  severityDerived: boolean;
  /** First day the subject may apply for repair (end of the minimum period); absent for 轻微. */
  minimumEnd?: CivilDate;
  /** The legal maximum's end: the first day the penalty is no longer disclosed. */
  legalEnd?: CivilDate;
}

export function severityOf(terms: PenaltyTerms): { severity: Severity; derived: boolean } {
  if (terms.severity) return { severity: terms.severity, derived: false };
  const severe = terms.kinds.some((k) => SEVERE_PENALTY_KINDS.includes(k));
  return { severity: severe ? '严重' : '一般', derived: true };
}

export function penaltyWindow(terms: PenaltyTerms): PenaltyWindow {
  const { severity, derived } = severityOf(terms);
  if (severity === '轻微') return { severity, severityDerived: derived };
  const months = PERIOD_MONTHS[severity];
  const minimum = terms.specialDomain ? Math.max(months.minimum, SPECIAL_DOMAIN_MINIMUM_MONTHS) : months.minimum;
  return {
    severity,
    severityDerived: derived,
    minimumEnd: addMonths(terms.decidedOn, minimum),
    legalEnd: addMonths(terms.decidedOn, months.maximum),
  };
}

export interface PenaltyState extends PenaltyTerms {
  partyCategory: string;
  platformEnd?: CivilDate | undefined;
  repairStatus: '未修复' | '已修复';
  repairedOn?: CivilDate | undefined;
}

export interface PenaltyDisclosure extends PenaltyWindow {
  decision: Decision;
  /** The day disclosure ends: the platform's 公示截止期 when given, else the legal maximum. */
  end?: CivilDate;
  /** Whether, on the as-of date, the minimum period is over and repair may be applied for (not once 已修复). */
  repairOpen: boolean;
}

/**
 * Whether repair can ever be applied for while the penalty is published: its minimum period
 * ends before its disclosure does. Not for a 一般 penalty of a 公示期特殊领域 (a one-year minimum
 * and maximum) nor one the platform ends with its minimum: it stops being published that day.
 */
export const repairPossible = (d: Pick<PenaltyDisclosure, 'minimumEnd' | 'end'>): boolean => d.minimumEnd !== undefined && d.end !== undefined && d.minimumEnd < d.end;

export function disclosePenalty(p: PenaltyState, asOf: CivilDate): PenaltyDisclosure {
  const window = penaltyWindow(p);
  const end = p.platformEnd ?? window.legalEnd;
  const base = { ...window, ...(end ? { end } : {}) };
  const repairOpen = p.repairStatus === '未修复' && window.minimumEnd !== undefined && hasEnded(window.minimumEnd, asOf);
  // 自然人 and 个体工商户 penalties are not this portal's to publish.
  if (p.partyCategory !== '法人及非法人组织') return { ...base, decision: withheld('not_public'), repairOpen: false };
  if (window.severity === '轻微' || !end) return { ...base, decision: withheld('not_public'), repairOpen: false };
  if (p.repairStatus === '已修复' && p.repairedOn && p.repairedOn <= asOf) return { ...base, decision: withheld('repaired'), repairOpen };
  if (hasEnded(end, asOf)) return { ...base, decision: withheld('period_ended'), repairOpen };
  return { ...base, decision: published, repairOpen };
}
