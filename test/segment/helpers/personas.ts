import type { PurchaseRhythm } from '../../../src/segment/purchase-rhythm.js';
import { segmentCustomers, type SegmentationOptions, type SegmentationResult } from '../../../src/segment/segment-customers.js';
import { seededUniform } from '../../../src/segment/seeded-random.js';
import type { CustomerRfm, RfmTable } from '../../../src/segment/types.js';
import { customer, DAY_MS, JAN_1 } from './sales.js';

/** When the personas' shop measures recency from: 400 days of history. */
export const PERSONAS_AS_OF = JAN_1 + 400 * DAY_MS;

/** The personas' shop: repeat customers come back about monthly, so lapsed means silent for more than 90 days. */
export const PERSONAS_RHYTHM: PurchaseRhythm = { customers: 200, repeatCustomers: 80, medianRepeatGapDays: 30, historyDays: 400 };

/** segmentCustomers with the personas' shop rhythm. */
export const segmented = (table: RfmTable, options: Omit<SegmentationOptions, 'rhythm'>): SegmentationResult =>
  segmentCustomers(table, { rhythm: PERSONAS_RHYTHM, ...options });

/**
 * Four personas a shop would recognise, most customers being one-time buyers: 30 champions (plus `extraChampions`),
 * 40 newcomers, 50 regulars and 80 sleepers, their R, F and M drawn from the seed.
 */
export function personaTable(seed = 1, extraChampions = 0): RfmTable {
  const uniform = seededUniform(seed);
  const between = (low: number, high: number) => low + Math.floor(uniform() * (high - low + 1));
  const personas = [
    { prefix: 'champion', count: 30 + extraChampions, r: [1, 10], f: [8, 15], m: [2000, 5000] },
    { prefix: 'newcomer', count: 40, r: [1, 12], f: [1, 1], m: [20, 60] },
    { prefix: 'regular', count: 50, r: [20, 60], f: [3, 6], m: [600, 1500] },
    { prefix: 'sleeper', count: 80, r: [150, 350], f: [1, 1], m: [40, 200] },
  ];
  const customers: CustomerRfm[] = personas.flatMap((persona) =>
    Array.from({ length: persona.count }, (_, i) => {
      const row = customer(`${persona.prefix}-${String(i).padStart(2, '0')}`, between(persona.r[0]!, persona.r[1]!), between(persona.f[0]!, persona.f[1]!), between(persona.m[0]!, persona.m[1]!));
      const lastPurchase = PERSONAS_AS_OF - row.recencyDays * DAY_MS - DAY_MS / 2;
      // A one-time buyer's first order is their last.
      return row.frequency === 1 ? { ...row, lastPurchase, firstPurchase: lastPurchase, tenureDays: row.recencyDays } : { ...row, lastPurchase, firstPurchase: JAN_1, tenureDays: 400 };
    }),
  );
  return { asOf: PERSONAS_AS_OF, convention: 'gross', customers };
}
