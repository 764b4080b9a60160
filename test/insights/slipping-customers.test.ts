import { describe, expect, it } from 'vitest';
import type { RunMember } from '../../src/insights/migration.js';
import { slippingCustomers, type DigestMember } from '../../src/insights/slipping-customers.js';

const was = (customerId: string, segment: string): RunMember => ({ customerId, segment, monetary: 0 });
const is = (customerId: string, segment: string, monetary: number, lastPurchase = 0): DigestMember => ({ customerId, segment, monetary, lastPurchase });

describe('slippingCustomers', () => {
  // Spend of this run: 10, 20, 30, 40, 100, 200, 300, 400, 500, 600 → median 150.
  const before = [
    was('champ', 'Champions'), was('loyal', 'Loyal Customers'), was('already', 'At Risk'), was('small', 'Promising'),
    was('stays', 'Champions'), was('second', 'Big Spenders'), was('returned', 'Returned everything'), was('cheap', 'Loyal Customers'),
  ];
  const after = [
    is('champ', 'At Risk', 500, Date.UTC(2011, 9, 1)),
    is('loyal', 'Hibernating', 300),
    is('already', 'Hibernating', 600), // At Risk → Hibernating: it was already slipping
    is('small', "Can't Lose Them", 100), // below the median spend
    is('stays', 'Champions', 400), // did not move
    is('second', 'At Risk 2', 200), // a numbered label counts by its name
    is('returned', 'Hibernating', 20), // Returned everything is not a named standing to slip from
    is('cheap', 'Hibernating', 10),
    is('newcomer', 'At Risk', 40), // not in the previous run
    is('other', 'Promising', 30),
  ];

  it('GIVEN a customer already silent beyond the lapse threshold at the previous run THEN they did not slip since, whatever their cluster was called', () => {
    const listed = (activeSince?: number) => slippingCustomers(before, after, undefined, activeSince).map((customer) => customer.customerId);
    expect(listed()).toContain('loyal');
    // 'loyal' last bought at epoch 0, long before the bound; 'champ' on 1 Oct 2011, after it.
    expect(listed(Date.UTC(2011, 5, 1))).toEqual(listed().filter((id) => id !== 'loyal' && id !== 'second'));
    expect(listed(Date.UTC(2011, 5, 1))).toContain('champ');
  });

  it('GIVEN customers moving into lapsed segments THEN the valuable ones who came from a standing segment are listed, most spend first', () => {
    expect(slippingCustomers(before, after)).toEqual([
      { customerId: 'champ', from: 'Champions', to: 'At Risk', lastPurchase: Date.UTC(2011, 9, 1), monetary: 500 },
      { customerId: 'loyal', from: 'Loyal Customers', to: 'Hibernating', lastPurchase: 0, monetary: 300 },
      { customerId: 'second', from: 'Big Spenders', to: 'At Risk 2', lastPurchase: 0, monetary: 200 },
    ]);
  });

  it('GIVEN more slipping customers than the limit THEN the top spenders are kept, ties by id', () => {
    const many = Array.from({ length: 14 }, (_, i) => `c${String(i).padStart(2, '0')}`);
    // Twenty small customers who stay put keep the median spend (1) below every slipping one.
    const small = Array.from({ length: 20 }, (_, i) => `s${i}`);
    const list = slippingCustomers(
      [...many.map((id) => was(id, 'Loyal Customers')), ...small.map((id) => was(id, 'Promising'))],
      [...many.map((id, i) => is(id, 'At Risk', i < 2 ? 999 : 100 + i)), ...small.map((id) => is(id, 'Promising', 1))],
    );
    expect(list).toHaveLength(10);
    expect(list.map((c) => c.customerId).slice(0, 3)).toEqual(['c00', 'c01', 'c13']);
    expect(list.at(-1)!.customerId).toBe('c06');
  });

  it('GIVEN no previous run THEN nobody moved', () => {
    expect(slippingCustomers([], after)).toEqual([]);
  });
});
