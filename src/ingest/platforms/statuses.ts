import type { PlatformProfile } from './profile.js';

/** What an order's status means for its lines. */
export type OrderStatus = 'kept' | 'cancelled' | 'unpaid' | 'refunded';

/**
 * What an order's status says, by the profile's meanings: a value means what a listed value means when it is that
 * value or starts with it as a whole word (`Dibatalkan Pembeli` is `dibatalkan`), compared without case, with `_`
 * and `-` as spaces (`partially_refunded`). A filled cancellation date cancels the order. O(statuses).
 * @example orderStatus(shopify, 'voided', null) // 'cancelled'
 */
export function orderStatus(profile: PlatformProfile, status: string | null, cancelledAt: string | null): OrderStatus {
  if (cancelledAt !== null) return 'cancelled';
  const meanings = profile.statuses;
  if (status === null || meanings === undefined) return 'kept';
  const value = status.toLowerCase().replace(/[_-]+/g, ' ').replace(/\s+/g, ' ').trim();
  const means = (listed: readonly string[]) => listed.some((entry) => value === entry || value.startsWith(`${entry} `));
  if (means(meanings.cancelled)) return 'cancelled';
  if (means(meanings.unpaid)) return 'unpaid';
  if (means(meanings.refunded)) return 'refunded';
  return 'kept';
}
