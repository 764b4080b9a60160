/**
 * Counts per pair of non-negative int32 numbers (a customer and a product, say), kept in typed arrays: an
 * open-addressing table of entry positions over entries in the order their pair was first counted. Counting
 * Online Retail's baskets in a Map per customer made so much garbage that the import's two threads both slowed.
 */
export class PairCounts {
  private firsts = new Int32Array(1024);
  private seconds = new Int32Array(1024);
  private counts = new Int32Array(1024);
  /** Entry position + 1 per slot, 0 for an empty slot; kept at most half full. */
  private slots = new Int32Array(2048);
  private mask = 2047;
  size = 0;

  add(first: number, second: number, by = 1): void {
    let slot = slotOf(first, second, this.mask);
    for (;;) {
      const entry = this.slots[slot]! - 1;
      if (entry < 0) break;
      if (this.firsts[entry] === first && this.seconds[entry] === second) {
        this.counts[entry]! += by;
        return;
      }
      slot = (slot + 1) & this.mask;
    }
    if (this.size === this.firsts.length) this.growEntries();
    const entry = this.size++;
    this.firsts[entry] = first;
    this.seconds[entry] = second;
    this.counts[entry] = by;
    this.slots[slot] = entry + 1;
    if (this.size * 2 > this.slots.length) this.growSlots();
  }

  /** The entry at `position` (0 to size - 1), in first-counted order. */
  first = (position: number): number => this.firsts[position]!;
  second = (position: number): number => this.seconds[position]!;
  count = (position: number): number => this.counts[position]!;

  private growEntries(): void {
    const grown = (array: Int32Array) => {
      const copy = new Int32Array(array.length * 2);
      copy.set(array);
      return copy;
    };
    this.firsts = grown(this.firsts);
    this.seconds = grown(this.seconds);
    this.counts = grown(this.counts);
  }

  private growSlots(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    this.mask = this.slots.length - 1;
    for (let entry = 0; entry < this.size; entry++) {
      let slot = slotOf(this.firsts[entry]!, this.seconds[entry]!, this.mask);
      while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = entry + 1;
    }
  }
}

/** Mixes both numbers into every bit (murmur3's finaliser), so sequential ids spread over the table. */
function slotOf(first: number, second: number, mask: number): number {
  let h = Math.imul(first, 0x9e3779b1) ^ second;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) & mask;
}
