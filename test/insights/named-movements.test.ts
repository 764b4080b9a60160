import { describe, expect, it } from 'vitest';
import { runMigration, type RunMember } from '../../src/insights/migration.js';
import { clusterNameOfLabel, namedMovements } from '../../src/insights/named-movements.js';
import { RETURNED_EVERYTHING } from '../../src/segment/returned-everything.js';

const member = (customerId: string, segment: string | null, monetary = 100): RunMember => ({ customerId, segment, monetary });

describe('namedMovements', () => {
  it('GIVEN moves of every kind THEN only downgrades out of watched segments and upgrades into Champions or Loyal Customers are named', () => {
    const before = [
      member('1', 'Champions'), member('2', 'Champions'), member('3', 'Champions'), // → At Risk ×2, → Loyal Customers
      member('4', 'Loyal Customers'), // → Champions
      member('5', "Can't Lose Them"), member('6', "Can't Lose Them"), // → Hibernating, → Need Attention (came back)
      member('7', 'Big Spenders'), // → Returned everything
      member('8', 'Hibernating'), // → Potential Loyalists: an upgrade, but not into a watched segment
      member('9', 'At Risk'), // → Hibernating: not a watched segment
      member('10', 'Champions'), // gone
      member('11', 'Champions'), // → Champions 2: same name
      member('12', 'Promising'), // → Loyal Customers 2
    ];
    const after = [
      member('1', 'At Risk', 300), member('2', 'At Risk', 200), member('3', 'Loyal Customers'),
      member('4', 'Champions'),
      member('5', 'Hibernating'), member('6', 'Need Attention'),
      member('7', RETURNED_EVERYTHING, 0),
      member('8', 'Potential Loyalists'),
      member('9', 'Hibernating'),
      member('11', 'Champions 2'),
      member('12', 'Loyal Customers 2'),
      member('13', 'Champions'), // new
    ];
    expect(namedMovements(runMigration(before, after))).toEqual([
      { kind: 'downgrade', from: 'Champions', to: 'At Risk', customers: 2, revenue: 500 },
      { kind: 'downgrade', from: "Can't Lose Them", to: 'Hibernating', customers: 1, revenue: 100 },
      { kind: 'downgrade', from: 'Champions', to: 'Loyal Customers', customers: 1, revenue: 100 },
      { kind: 'upgrade', from: 'Loyal Customers', to: 'Champions', customers: 1, revenue: 100 },
      { kind: 'upgrade', from: 'Promising', to: 'Loyal Customers 2', customers: 1, revenue: 100 },
      { kind: 'downgrade', from: 'Big Spenders', to: RETURNED_EVERYTHING, customers: 1, revenue: 0 },
    ]);
  });

  it('GIVEN labels THEN their cluster names are read, numbers dropped, non-names refused', () => {
    expect(clusterNameOfLabel('Champions 2')).toBe('Champions');
    expect(clusterNameOfLabel("Can't Lose Them")).toBe("Can't Lose Them");
    expect(clusterNameOfLabel('(new)')).toBeNull();
    expect(clusterNameOfLabel(RETURNED_EVERYTHING)).toBeNull();
  });
});
