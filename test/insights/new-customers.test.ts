import { describe, expect, it } from 'vitest';
import { runMigration } from '../../src/insights/migration.js';
import { newCustomersOf } from '../../src/insights/new-customers.js';

describe('newCustomersOf', () => {
  it('GIVEN customers absent from the previous run THEN they are counted with their spend, by the segment they landed in', () => {
    const migration = runMigration(
      [{ customerId: 'A', segment: 'Champions', monetary: 10 }, { customerId: 'gone', segment: 'Promising', monetary: 5 }],
      [
        { customerId: 'A', segment: 'Champions', monetary: 12 },
        { customerId: 'B', segment: 'Promising', monetary: 20 },
        { customerId: 'C', segment: 'Promising', monetary: 30 },
        { customerId: 'D', segment: 'New Customers', monetary: 70 },
      ],
    );
    expect(newCustomersOf(migration)).toEqual({
      customers: 3,
      revenue: 120,
      segments: [
        { segment: 'Promising', customers: 2, revenue: 50 },
        { segment: 'New Customers', customers: 1, revenue: 70 },
      ],
    });
  });

  it('GIVEN the same customers in both runs THEN there are none', () => {
    const members = [{ customerId: 'A', segment: 'Champions', monetary: 10 }];
    expect(newCustomersOf(runMigration(members, members))).toEqual({ customers: 0, revenue: 0, segments: [] });
  });
});
