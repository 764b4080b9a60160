import { describe, expect, it } from 'vitest';
import { atRiskRevenueShare, championsChange, customersLost, judgeAlert } from '../../src/app/digest/alert-metrics.js';
import { runMigration, type RunMember } from '../../src/insights/migration.js';

const member = (customerId: string, segment: string, monetary: number): RunMember => ({ customerId, segment, monetary });

// Hand-built: four Champions of whom two slip (one to At Risk, one to Hibernating), a Loyal customer falling to
// Can't Lose Them, one who is gone, one new straight into At Risk, and two who were already lapsed and stay so.
const before = [
  member('c1', 'Champions', 100), member('c2', 'Champions', 100), member('c3', 'Champions', 100), member('c4', 'Champions', 100),
  member('c5', 'At Risk', 50), member('c6', 'Loyal Customers', 80), member('c7', 'Hibernating', 10), member('c9', 'Loyal Customers', 70),
];
const after = [
  member('c1', 'Champions', 100), member('c2', 'Champions 2', 100), member('c3', 'At Risk', 100), member('c4', 'Hibernating', 100),
  member('c5', 'At Risk', 50), member('c6', "Can't Lose Them", 80), member('c7', 'Hibernating', 10), member('c8', 'At Risk', 20),
];
const migration = runMigration(before, after);

describe('digest alert metrics on hand-built runs', () => {
  it('GIVEN the runs THEN the at-risk revenue share is 50/610 before and 250/560 after, in percent', () => {
    expect(atRiskRevenueShare(migration, 'before')).toBeCloseTo((50 / 610) * 100, 10);
    expect(atRiskRevenueShare(migration, 'after')).toBeCloseTo((250 / 560) * 100, 10);
  });

  it('GIVEN Champions split over two clusters of that name THEN both count: 4 before, 2 after, a change of -50 %', () => {
    expect(championsChange(migration)).toBe(-50);
    expect(championsChange(runMigration([], after))).toBeNull();
  });

  it('GIVEN the moves THEN customers lost are the three who slipped plus the one gone, not the new one nor those already lapsed', () => {
    expect(customersLost(migration)).toBe(4);
  });

  it('GIVEN thresholds on either side of each value THEN only a crossing alerts; a share already above the threshold before does not', () => {
    expect(judgeAlert('at_risk_revenue_share', 20, migration)).toMatchObject({ crossed: true, threshold: 20 });
    expect(judgeAlert('at_risk_revenue_share', 5, migration).crossed).toBe(false);
    expect(judgeAlert('at_risk_revenue_share', 50, migration).crossed).toBe(false);
    expect(judgeAlert('champions_change', 50, migration)).toMatchObject({ crossed: true, value: -50 });
    expect(judgeAlert('champions_change', 60, migration).crossed).toBe(false);
    expect(judgeAlert('customers_lost', 4, migration)).toMatchObject({ crossed: true, value: 4 });
    expect(judgeAlert('customers_lost', 5, migration).crossed).toBe(false);
  });
});
