import type { CustomerRfm } from './types.js';

/**
 * The group of customers who returned everything they bought: net spend 0 or less (less when they return goods
 * bought before the file starts). Online Retail's customer 12346 bought 80,995 items and returned them the same
 * day. k-means leaves them out: log1p(0) would put them at the far end of the spend axis, stretch its scaling and
 * drop them into whichever low-spend cluster is nearest, however long ago they bought. The cluster lens shows them
 * as a group of their own, with a playbook entry; the grid lens keeps them where their R and F put them. Only the
 * net convention can produce them: gross spend counts purchases alone.
 */
export const RETURNED_EVERYTHING = 'Returned everything';

/** The group's name in each language; the English one is its label in a run and its playbook key. */
export const RETURNED_EVERYTHING_NAMES = { en: RETURNED_EVERYTHING, id: 'Mengembalikan semua' } as const;

/** What the group is, in the words of the segment explanations. */
export const RETURNED_EVERYTHING_EXPLANATION = {
  en: 'returned everything they bought (net spend 0 or less), so they are left out of the clusters; a service follow-up fits them better than a win-back offer',
  id: 'mengembalikan semua yang mereka beli (belanja bersih 0 atau kurang), jadi tidak dimasukkan ke klaster; tindak lanjut layanan lebih cocok daripada penawaran win-back',
} as const;

/**
 * Whether a customer belongs to the "Returned everything" group: net spend at or below zero. O(1).
 *
 * @example
 * returnedEverything({ monetary: 0 }); // true (Online Retail's 12346)
 * returnedEverything({ monetary: 2.9 }); // false (16446 kept a few items)
 */
export function returnedEverything(customer: Pick<CustomerRfm, 'monetary'>): boolean {
  return customer.monetary <= 0;
}
