import { isFeePhrase, isNonProductCode } from '../../ingest/non-product-lines.js';
import { NO_NAME } from '../../segment/customer-baskets.js';
import { NO_TEXT } from '../../store/transactions.js';

const UNKNOWN = 0;
const GOODS = 1;
const NOT_GOODS = 2;

/**
 * The product a basket counts a stored line under — its description, else its code, as numbered texts — or NO_NAME
 * for a line that is not goods (isNonProductLine): postage, a fee or a discount an upload kept
 * (`non_product_lines: keep`, or stored before the rule knew it) still counts in spend, never among top products.
 * Each distinct code and description is looked at once.
 */
export class BasketProducts {
  /** Per text number: UNKNOWN, GOODS or NOT_GOODS, as a code and as a description. */
  private codes = new Uint8Array(1024);
  private descriptions = new Uint8Array(1024);

  constructor(private readonly textOf: (id: number) => string) {}

  /** The basket's product for a line's code and description, NO_TEXT for none. */
  nameOf(product: number, description: number): number {
    if (product !== NO_TEXT && this.notGoods('codes', product, isNonProductCode)) return NO_NAME;
    if (description !== NO_TEXT) return this.notGoods('descriptions', description, isFeePhrase) ? NO_NAME : description;
    return product === NO_TEXT ? NO_NAME : product;
  }

  private notGoods(kind: 'codes' | 'descriptions', id: number, isNotGoods: (text: string) => boolean): boolean {
    let known = this[kind];
    if (id >= known.length) {
      const grown = new Uint8Array(Math.max(id + 1, known.length * 2));
      grown.set(known);
      this[kind] = known = grown;
    }
    if (known[id] === UNKNOWN) known[id] = isNotGoods(this.textOf(id)) ? NOT_GOODS : GOODS;
    return known[id] === NOT_GOODS;
  }
}
