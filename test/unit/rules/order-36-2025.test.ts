import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { disclosePenalty, penaltyWindow, repairPossible, severityOf, type PenaltyState } from '../../../src/lib/rules/order-36-2025.ts';

const penalty = (over: Partial<PenaltyState> = {}): PenaltyState => ({
  decidedOn: '2025-08-01',
  kinds: ['罚款'],
  partyCategory: '法人及非法人组织',
  repairStatus: '未修复',
  ...over,
});
const status = (p: PenaltyState, asOf: string) => {
  const d = disclosePenalty(p, asOf).decision;
  return d.status === 'published' ? 'published' : `withheld:${d.reason}`;
};

describe('Order 36: 失信程度', () => {
  for (const kind of ['吊销许可证件', '限制开展生产经营活动', '责令停产停业', '责令关闭', '限制从业']) {
    test(`a penalty including ${kind} is 严重 when 失信程度 is empty`, () => {
      assert.deepEqual(severityOf({ decidedOn: '2025-01-01', kinds: ['罚款', kind] }), { severity: '严重', derived: true });
    });
  }
  test('any other penalty is 一般 when 失信程度 is empty', () => {
    for (const kinds of [['警告'], ['罚款'], ['警告', '罚款', '没收违法所得'], ['暂扣许可证件'], ['降低资质等级'], ['其他']]) {
      assert.deepEqual(severityOf({ decidedOn: '2025-01-01', kinds }), { severity: '一般', derived: true }, kinds.join());
    }
  });
  test('a given 失信程度 wins over the derived one', () => {
    assert.deepEqual(severityOf({ decidedOn: '2025-01-01', kinds: ['责令关闭'], severity: '一般' }), { severity: '一般', derived: false });
    assert.deepEqual(severityOf({ decidedOn: '2025-01-01', kinds: ['警告'], severity: '严重' }), { severity: '严重', derived: false });
  });
  test('轻微失信 penalty is never published', () => {
    const p = penalty({ severity: '轻微' });
    assert.equal(status(p, '2025-08-01'), 'withheld:not_public');
    assert.equal(status(p, '2025-08-02'), 'withheld:not_public');
    const d = disclosePenalty(p, '2026-01-01');
    assert.equal(d.minimumEnd, undefined);
    assert.equal(d.legalEnd, undefined);
    assert.equal(d.repairOpen, false);
  });
});

describe('Order 36: 一般失信 window (minimum 3 months, maximum 1 year)', () => {
  const p = penalty({ decidedOn: '2025-08-01', severity: '一般' });
  test('the window runs 3 and 12 months from 处罚决定日期', () => {
    const w = penaltyWindow(p);
    assert.equal(w.minimumEnd, '2025-11-01');
    assert.equal(w.legalEnd, '2026-08-01');
  });
  test('一般失信 penalty is published on the day of the decision', () => {
    assert.equal(status(p, '2025-08-01'), 'published');
  });
  test('一般失信 penalty is still published the day before its one-year maximum ends', () => {
    assert.equal(status(p, '2026-07-31'), 'published');
  });
  test('一般失信 penalty is withheld the day its one-year maximum ends', () => {
    assert.equal(status(p, '2026-08-01'), 'withheld:period_ended');
    assert.equal(status(p, '2026-08-02'), 'withheld:period_ended');
  });
  test('repair is not open the day before the 3-month minimum ends', () => {
    assert.equal(disclosePenalty(p, '2025-10-31').repairOpen, false);
  });
  test('repair is open from the day the 3-month minimum ends', () => {
    assert.equal(disclosePenalty(p, '2025-11-01').repairOpen, true);
    assert.equal(disclosePenalty(p, '2026-07-31').repairOpen, true);
  });
  test('a derived 一般 (罚款 only) has the same window', () => {
    const d = disclosePenalty(penalty({ decidedOn: '2025-08-01' }), '2026-07-31');
    assert.equal(d.severity, '一般');
    assert.equal(d.severityDerived, true);
    assert.equal(d.end, '2026-08-01');
  });
  test('a decision on 31 August ends its 3-month minimum on 30 November (month-end rule)', () => {
    const w = penaltyWindow(penalty({ decidedOn: '2025-08-31', severity: '一般' }));
    assert.equal(w.minimumEnd, '2025-11-30');
    assert.equal(w.legalEnd, '2026-08-31');
  });
  test('a decision on 29 February 2024 ends its one-year maximum on 28 February 2025', () => {
    const q = penalty({ decidedOn: '2024-02-29', severity: '一般' });
    assert.equal(status(q, '2025-02-27'), 'published');
    assert.equal(status(q, '2025-02-28'), 'withheld:period_ended');
  });
});

describe('Order 36: 严重失信 window (minimum 1 year, maximum 3 years)', () => {
  const p = penalty({ decidedOn: '2024-03-01', kinds: ['责令停产停业'] });
  test('the window runs 12 and 36 months from 处罚决定日期', () => {
    const w = penaltyWindow(p);
    assert.equal(w.severity, '严重');
    assert.equal(w.minimumEnd, '2025-03-01');
    assert.equal(w.legalEnd, '2027-03-01');
  });
  test('严重失信 penalty is still published the day before its three-year maximum ends', () => {
    assert.equal(status(p, '2027-02-28'), 'published');
  });
  test('严重失信 penalty is withheld the day its three-year maximum ends', () => {
    assert.equal(status(p, '2027-03-01'), 'withheld:period_ended');
  });
  test('严重失信 repair opens the day the one-year minimum ends, not the day before', () => {
    assert.equal(disclosePenalty(p, '2025-02-28').repairOpen, false);
    assert.equal(disclosePenalty(p, '2025-03-01').repairOpen, true);
  });
});

describe('Order 36: 公示期特殊领域', () => {
  for (const domain of ['特种设备', '安全生产', '消防']) {
    test(`${domain} raises the 一般失信 minimum to one year`, () => {
      const p = penalty({ decidedOn: '2026-02-10', specialDomain: domain });
      const w = penaltyWindow(p);
      assert.equal(w.minimumEnd, '2027-02-10');
      assert.equal(w.legalEnd, '2027-02-10');
      assert.equal(disclosePenalty(p, '2027-02-09').repairOpen, false);
      assert.equal(disclosePenalty(p, '2026-11-28').repairOpen, false);
    });
  }
  test('a special domain leaves the 严重失信 one-year minimum and three-year maximum as they are', () => {
    const w = penaltyWindow(penalty({ decidedOn: '2026-02-10', severity: '严重', specialDomain: '消防' }));
    assert.equal(w.minimumEnd, '2027-02-10');
    assert.equal(w.legalEnd, '2029-02-10');
  });
  test('without a special domain the 一般失信 minimum stays 3 months', () => {
    assert.equal(penaltyWindow(penalty({ decidedOn: '2026-02-10' })).minimumEnd, '2026-05-10');
  });
});

describe('Order 36: 信用修复', () => {
  test('a penalty 已修复 on or before the as-of date is withheld as repaired', () => {
    const p = penalty({ decidedOn: '2025-08-01', repairStatus: '已修复', repairedOn: '2025-12-01' });
    assert.equal(status(p, '2025-12-01'), 'withheld:repaired');
    assert.equal(status(p, '2026-01-01'), 'withheld:repaired');
  });
  test('a penalty 已修复 with a future 修复日期 is still published until that day', () => {
    const p = penalty({ decidedOn: '2025-08-01', repairStatus: '已修复', repairedOn: '2025-12-01' });
    assert.equal(status(p, '2025-11-30'), 'published');
  });
  test('repaired takes precedence over an ended period', () => {
    const p = penalty({ decidedOn: '2024-08-01', repairStatus: '已修复', repairedOn: '2024-12-01' });
    assert.equal(status(p, '2026-11-28'), 'withheld:repaired');
  });
  test('未修复 keeps the penalty published until its end', () => {
    assert.equal(status(penalty({ decidedOn: '2026-02-10' }), '2026-11-28'), 'published');
  });
});

describe('Order 36: the platform 公示截止期', () => {
  test('is used as the end of disclosure when given', () => {
    const p = penalty({ decidedOn: '2025-08-01', severity: '一般', platformEnd: '2026-02-01' });
    const d = disclosePenalty(p, '2026-01-31');
    assert.equal(d.end, '2026-02-01');
    assert.equal(d.legalEnd, '2026-08-01');
    assert.equal(d.decision.status, 'published');
  });
  test('a penalty is withheld on its 公示截止期 even though the legal maximum is later', () => {
    const p = penalty({ decidedOn: '2025-08-01', severity: '一般', platformEnd: '2026-02-01' });
    assert.equal(status(p, '2026-02-01'), 'withheld:period_ended');
  });
  test('without 公示截止期 the end is the legal maximum', () => {
    assert.equal(disclosePenalty(penalty(), '2025-09-01').end, '2026-08-01');
  });
});

describe('Order 36: penalties not of this portal', () => {
  for (const category of ['自然人', '个体工商户']) {
    test(`${category} penalty rows are withheld, whatever their dates`, () => {
      const p = penalty({ decidedOn: '2026-10-01', partyCategory: category });
      assert.equal(status(p, '2026-11-28'), 'withheld:not_public');
      assert.equal(disclosePenalty(p, '2026-11-28').repairOpen, false);
    });
  }
});

describe('Order 36: whether repair can ever be applied for while published', () => {
  test('a 一般 penalty: from the 3-month minimum (2025-11-01) until it stops on 2026-08-01', () => {
    assert.equal(repairPossible(disclosePenalty(penalty({ severity: '一般' }), '2025-09-01')), true);
  });
  test('a 一般 penalty of a 公示期特殊领域: minimum and maximum both end on 2026-08-01, the day it stops being published', () => {
    const d = disclosePenalty(penalty({ specialDomain: '消防' }), '2025-09-01');
    assert.equal(d.minimumEnd, '2026-08-01');
    assert.equal(d.end, '2026-08-01');
    assert.equal(repairPossible(d), false);
  });
  test('a platform 公示截止期 on the minimum\'s end (allowed: not before it) leaves no time to apply either', () => {
    assert.equal(repairPossible(disclosePenalty(penalty({ severity: '严重', platformEnd: '2026-08-01' }), '2025-09-01')), false);
    assert.equal(repairPossible(disclosePenalty(penalty({ severity: '严重', platformEnd: '2026-08-02' }), '2025-09-01')), true);
  });
  test('轻微 has no window at all', () => {
    assert.equal(repairPossible(disclosePenalty(penalty({ severity: '轻微' }), '2025-09-01')), false);
  });
});
