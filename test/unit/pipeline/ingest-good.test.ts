import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertEveryRowAccounted, ingestFixture } from '../support/exports.ts';

const result = await ingestFixture('good');
const { report } = result;

describe('pipeline over the good export (as of 2026-11-28)', () => {
  test('the export is usable and the report names its source', () => {
    assert.equal(report.usable, true);
    assert.equal(report.as_of, '2026-11-28');
    assert.deepEqual(report.export, { platform: '泰安市公共信用信息平台', exported_at: '2026-11-27T23:10:00+08:00', schema_version: 1, sample: true });
  });
  test('every row of every file is published, withheld or rejected', () => {
    assertEveryRowAccounted(report);
    for (const file of ['subjects.csv', 'commitments.csv', 'penalties.csv', 'enforcement.csv', 'dishonest.csv', 'honors.csv', 'cases']) assert.ok(report.files[file], file);
  });
  test('a commitment 不可公开 is withheld; the others are published and dates normalised', () => {
    assert.deepEqual(report.files['commitments.csv']?.withheld_reasons, { not_public: 1 });
    assert.ok(!result.commitments.some((c) => c.id === 'CN2026000005'));
    assert.equal(result.commitments.find((c) => c.id === 'CN2026000003')?.madeOn, '2026-01-05');
  });
  test('an expired commitment stays published, marked expired', () => {
    assert.equal(result.commitments.find((c) => c.id === 'CN2026000003')?.expired, true);
    assert.equal(result.commitments.find((c) => c.id === 'CN2026000001')?.expired, false);
  });
  test('a special-domain 一般 penalty of 2026-02-10 is published with repair not yet open', () => {
    const p = result.penalties.find((x) => x.id === 'XZCF-2026-0001');
    assert.equal(p?.disclosure.minimumEnd, '2027-02-10');
    assert.equal(p?.disclosure.repairOpen, false);
  });
  test('a derived 严重 penalty of 2024-03-01 is still published, repair open', () => {
    const p = result.penalties.find((x) => x.id === 'XZCF-2024-0003');
    assert.equal(p?.disclosure.severity, '严重');
    assert.equal(p?.disclosure.severityDerived, true);
    assert.equal(p?.disclosure.repairOpen, true);
  });
  test('repaired and ended penalties are withheld with their reasons', () => {
    assert.deepEqual(report.files['penalties.csv']?.withheld_reasons, { repaired: 1, period_ended: 1 });
    assert.deepEqual(result.withheld.filter((w) => w.kind === 'penalties').map((w) => [w.id, w.reason]).sort(), [['XZCF-2025-0002', 'repaired'], ['XZCF-2025-0004', 'period_ended']]);
  });
  test('closed enforcement, removed listings and expired honours are withheld', () => {
    assert.deepEqual(result.enforcement.map((e) => e.id), ['ZX-2026-0001']);
    assert.deepEqual(result.dishonest.map((d) => d.id), ['SX-2026-0001']);
    assert.deepEqual(result.honors.map((h) => h.id), ['BZ-2026-0001']);
  });
  test('published attachments are listed for the site', () => {
    assert.ok(result.attachments.includes('commitments/CN2026000001.pdf'));
    assert.ok(result.attachments.includes('cases/cover.png'));
  });
  test('a case body with <script> is rejected with the line in the file; the others are published', () => {
    assert.deepEqual(report.problems.filter((p) => p.file === 'cases/bad-script-case.md').map((p) => [p.line, p.message]), [[9, '不允许使用 <script> 标签']]);
    assert.deepEqual(result.cases.map((c) => c.slug).sort(), ['2026-chengjian-rectification', '2026-taishan-commitment-ledger']);
  });
  test('the same export decided a year later withholds what has ended', async () => {
    const later = await ingestFixture('good', '2027-11-28');
    assertEveryRowAccounted(later.report);
    assert.ok(!later.penalties.some((p) => p.id === 'XZCF-2026-0001'));
    assert.equal(later.report.files['penalties.csv']?.withheld_reasons.period_ended, 3); // 2026-0001, 2025-0004 and the 严重 2024-0003 (ended 2027-03-01)
  });
});
