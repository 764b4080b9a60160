/**
 * Stock codes that are not goods, a data quirk of UCI Online Retail exports: POST and DOT postage, C2 carriage,
 * M manual adjustment, D discount, S samples, B bad-debt adjustment, BANK CHARGES, AMAZONFEE, CRUK (a charity
 * commission), PADS (a 0.001 filler line). Matched without case (the file has one `m`).
 */
export const NON_PRODUCT_CODES: ReadonlySet<string> = new Set([
  'POST', 'DOT', 'C2', 'M', 'D', 'S', 'B', 'BANK CHARGES', 'AMAZONFEE', 'CRUK', 'PADS',
]);

/** Words that make a line a charge, a deduction or a bookkeeping entry rather than goods, in English and Indonesian. */
const FEE_WORDS = [
  'postage', 'carriage', 'shipping', 'shipment', 'delivery', 'freight', 'courier', 'handling', 'packing', 'packaging',
  'ongkir', 'ongkos', 'pengiriman', 'biaya', 'fee', 'fees', 'charge', 'charges', 'surcharge', 'commission', 'komisi',
  'discount', 'discounts', 'diskon', 'voucher', 'vouchers', 'coupon', 'kupon', 'potongan', 'cashback', 'rebate',
  'adjustment', 'adjustments', 'adjust', 'penyesuaian', 'manual', 'sample', 'samples', 'sampel',
  'gift wrap', 'gift wrapping', 'bad debt',
];

/**
 * Words that may stand around a fee word without making the line a product: the kind of service (Next Day, Express,
 * admin, layanan), who charges it (bank, Amazon, Shopee, a courier), and small connecting words.
 */
const FEE_QUALIFIERS = [
  'next', 'day', 'same', 'sameday', 'express', 'ekspres', 'standard', 'regular', 'reguler', 'reg', 'economy', 'ekonomi',
  'priority', 'tracked', 'first', 'second', 'class', 'international', 'internasional', 'domestic', 'local', 'free', 'gratis',
  'flat', 'rate', 'extra', 'additional', 'tambahan', 'subsidi', 'instant', 'instan', 'kilat', 'cargo', 'kargo', 'kayu',
  'shop', 'toko', 'store', 'seller', 'penjual', 'order', 'pesanan', 'produk', 'product', 'total', 'cost', 'costs', 'price', 'harga',
  'service', 'services', 'layanan', 'jasa', 'penanganan', 'pengemasan', 'admin', 'administrasi', 'administration',
  'transaction', 'transaksi', 'payment', 'pembayaran', 'processing', 'platform', 'marketplace', 'insurance', 'asuransi',
  'bank', 'transfer', 'card', 'credit', 'kredit', 'paypal', 'amazon', 'ebay', 'etsy', 'dotcom',
  'shopee', 'tokopedia', 'lazada', 'tiktok', 'bukalapak', 'blibli', 'promo', 'code', 'kode', 'kirim',
  'post', 'royal', 'mail', 'dhl', 'fedex', 'ups', 'usps', 'tnt', 'jne', 'jnt', 'sicepat', 'anteraja', 'gosend',
  'grabexpress', 'ninja', 'pos', 'kurir', 'rp', 'idr', 'usd', 'gbp', 'eur', 'sgd', 'myr',
  'and', 'dan', 'of', 'for', 'untuk', 'per', 'the', 'to', 'ke',
];

/** A word with a digit: an amount, a percentage, a date or a voucher code (`10`, `rp10`, `hemat50`). */
const NUMBER_WORD = '[a-z]*[0-9][a-z0-9]*';
const FEE = `(?:${FEE_WORDS.join('|')})`;
const AROUND = `(?:${FEE_QUALIFIERS.join('|')}|${NUMBER_WORD})`;

/** The normalised text (lower case, words one space apart) is qualifiers, one fee word, then fee words or qualifiers. */
const FEE_PHRASE = new RegExp(`^(?:${AROUND} )*${FEE}(?: (?:${FEE}|${AROUND}))*$`);

/** Any fee word's first word anywhere, without case: most texts have none, and are answered without being split. */
const ANY_FEE_WORD = new RegExp(FEE_WORDS.map((word) => word.split(' ')[0]).join('|'), 'i');

/** Fee phrases are short; a longer text is a product's name or a sentence. */
const MAX_PHRASE_WORDS = 8;

/** Where a note after the phrase begins: a colon, a bracket, or a dash or bar between spaces (`Shipping - JNE REG`). */
const NOTE = /[:([]|\s[-–—|]\s/;

/**
 * Whether a text IS a fee phrase: a fee word (postage, carriage, shipping, delivery, ongkir, biaya, fee, charges,
 * commission, discount, diskon, voucher, potongan, adjustment, manual, samples, gift wrap …) with nothing around it
 * but qualifiers (Next Day, Express, admin, bank, Amazon, a courier), amounts or codes, and optionally a note after a
 * colon, a bracket or a spaced dash. A product whose name merely contains such a word is not one: in
 * "SHIPPING CRATE WOODEN", "FRENCH CARRIAGE LANTERN" or "SPACEBOY GIFT WRAP" other words come first or follow.
 *
 * Cost: O(length) for the regex on the normalised text; callers in a loop cache the answer per distinct text.
 *
 * @example
 * isFeePhrase('Next Day Carriage'); // true
 * isFeePhrase('Ongkos Kirim (JNE REG)'); // true
 * isFeePhrase('SHIPPING CRATE WOODEN'); // false
 */
export function isFeePhrase(text: string): boolean {
  if (!ANY_FEE_WORD.test(text)) return false;
  const note = text.search(NOTE);
  const words = (note < 0 ? text : text.slice(0, note)).toLowerCase().split(/[^a-z0-9]+/).filter((word) => word !== '');
  return words.length > 0 && words.length <= MAX_PHRASE_WORDS && FEE_PHRASE.test(words.join(' '));
}

/** Whether a product code is not goods: one of NON_PRODUCT_CODES, or a fee phrase itself (`SHIPPING`, `ONGKIR`). */
export function isNonProductCode(code: string): boolean {
  return NON_PRODUCT_CODES.has(code) || (code.length <= 12 && NON_PRODUCT_CODES.has(code.toUpperCase())) || isFeePhrase(code);
}

/**
 * Whether a sale line is postage, a fee, a discount or another entry that is not goods, by its code or by its
 * description (see isFeePhrase). The import sets such lines aside unless told to keep them, and baskets never count
 * them as products either way.
 *
 * @example
 * isNonProductLine('POST', 'POSTAGE'); // true
 * isNonProductLine('23444', 'Next Day Carriage'); // true
 * isNonProductLine('22633', 'SHIPPING CRATE WOODEN'); // false
 */
export function isNonProductLine(code: string | null, description: string | null): boolean {
  return (code !== null && isNonProductCode(code)) || (description !== null && isFeePhrase(description));
}

/** Distinct texts whose answer is remembered; beyond this (a column of free text) each is worked out again. */
const MAX_REMEMBERED = 65_536;

/**
 * isNonProductLine for a loop over many lines, remembering the answer per distinct code and description: a shop's
 * lines repeat a few thousand products (Online Retail: 4,000 over 541,909 rows).
 */
export class NonProductLines {
  private readonly codes = new Map<string, boolean>();
  private readonly descriptions = new Map<string, boolean>();

  test(code: string | null, description: string | null): boolean {
    return (
      (code !== null && remembered(this.codes, code, isNonProductCode)) ||
      (description !== null && remembered(this.descriptions, description, isFeePhrase))
    );
  }
}

function remembered(answers: Map<string, boolean>, text: string, answer: (text: string) => boolean): boolean {
  const known = answers.get(text);
  if (known !== undefined) return known;
  const fresh = answer(text);
  if (answers.size < MAX_REMEMBERED) answers.set(text, fresh);
  return fresh;
}
