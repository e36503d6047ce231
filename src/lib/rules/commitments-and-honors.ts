/**
 * Commitments (信用承诺, the city notice's 政务承诺专栏) and honours: what is disclosed,
 * and when a commitment or honour has lapsed.
 */
import type { CivilDate } from '../dates/civil-date.ts';
import { hasEnded, published, withheld, type Decision } from './decision.ts';

/** Only 可向社会公开 commitments are published; expired ones stay, marked as expired. */
export function discloseCommitment(c: { scope: string; validUntil?: CivilDate | undefined }, asOf: CivilDate) {
  const decision: Decision = c.scope === '可向社会公开' ? published : withheld('not_public');
  return { decision, expired: c.validUntil !== undefined && hasEnded(c.validUntil, asOf) };
}

/** An honour is published until its 有效期至. */
export function discloseHonor(h: { validUntil?: CivilDate | undefined }, asOf: CivilDate): Decision {
  return h.validUntil && hasEnded(h.validUntil, asOf) ? withheld('period_ended') : published;
}
