import { describe, expect, it } from 'vitest';
import { isFeePhrase, isNonProductCode, isNonProductLine, NonProductLines } from '../../src/ingest/non-product-lines.js';
import { parseExport } from '../../src/ingest/parse-export.js';
import { rawTable } from './helpers/tables.js';

describe('isFeePhrase', () => {
  // Online Retail's fee lines, and what Shopee, Tokopedia and Shopify sellers write for theirs.
  it.each([
    'POSTAGE', 'DOTCOM POSTAGE', 'CARRIAGE', 'Next Day Carriage', 'Manual', 'Discount', 'SAMPLES', 'Bank Charges', 'AMAZON FEE',
    'Adjust bad debt', 'PACKING CHARGE', 'adjustment', 'Amazon Adjustment',
    'Shipping', 'Express Shipping', 'Free shipping', 'Shipping - Standard', 'Shipping: Royal Mail 1st class', 'Delivery fee',
    'Same day delivery', 'Freight', 'Gift wrap', 'Gift wrapping service', 'Admin fee', 'Credit card surcharge', 'Commission',
    'Ongkos kirim', 'Ongkos Kirim (JNE REG)', 'Ongkir', 'Gratis ongkir', 'Subsidi Ongkir', 'Biaya kirim', 'Biaya pengiriman',
    'Biaya admin', 'Biaya layanan', 'Biaya penanganan', 'Asuransi pengiriman', 'Diskon', 'Diskon 10%', 'Diskon toko',
    'Voucher', 'Voucher Toko Rp10.000', 'VOUCHER HEMAT50', 'Potongan harga', 'Cashback', 'Packing kayu',
  ])('GIVEN %j THEN it is a fee phrase', (text) => {
    expect(isFeePhrase(text)).toBe(true);
  });

  // Products of Online Retail and of a shop that name a fee word among others.
  it.each([
    'SHIPPING CRATE WOODEN', 'FRENCH CARRIAGE LANTERN', 'BLACK BAROQUE CARRIAGE CLOCK', 'SPACEBOY GIFT WRAP',
    'CURIOUS IMAGES GIFT WRAP SET', 'WRAP VINTAGE PETALS  DESIGN', 'ROLL WRAP VINTAGE CHRISTMAS', 'PIGGY BANK RETROSPOT ',
    'BANK ACCOUNT  GREETING  CARD ', 'YELLOW EASTER EGG HUNT START POST', 'VINTAGE POST OFFICE CABINET',
    'Dotcomgiftshop Gift Voucher £20.00', 'PADS TO MATCH ALL CUSHIONS', 'Delivery truck toy', 'Sample jar set of 3',
    'Manual coffee grinder', 'Kopi Robusta Lampung 500g', 'Packing tape', '', '  ', '£20.00',
  ])('GIVEN %j THEN it is not', (text) => {
    expect(isFeePhrase(text)).toBe(false);
  });
});

describe('isNonProductLine', () => {
  it('GIVEN an Online Retail code or a fee description THEN a non-product line; a product code and name THEN not', () => {
    expect(isNonProductLine('PADS', 'PADS TO MATCH ALL CUSHIONS')).toBe(true);
    expect(isNonProductLine('m', 'Manual')).toBe(true);
    expect(isNonProductLine('23444', 'Next Day Carriage')).toBe(true);
    expect(isNonProductLine('ONGKIR', null)).toBe(true);
    expect(isNonProductLine('22633', 'SHIPPING CRATE WOODEN')).toBe(false);
    expect(isNonProductLine(null, null)).toBe(false);
  });

  it('GIVEN codes that merely start like a non-product code THEN products', () => {
    expect(['POST2', 'DCGSSGIRL', 'gift_0001_20', '84406B'].filter(isNonProductCode)).toEqual([]);
  });

  it('GIVEN the same texts many times THEN NonProductLines answers as isNonProductLine', () => {
    const lines = new NonProductLines();
    const pairs: [string | null, string | null][] = [['POST', 'POSTAGE'], ['23444', 'Next Day Carriage'], ['22633', 'SHIPPING CRATE WOODEN'], [null, 'Diskon']];
    for (let round = 0; round < 2; round++) {
      expect(pairs.map(([code, description]) => lines.test(code, description))).toEqual(pairs.map(([code, description]) => isNonProductLine(code, description)));
    }
  });
});

describe('a platform export with a fee sold as an item', () => {
  it('GIVEN a Moka receipt with a service-fee and a delivery item THEN the row rules set them aside like any file', () => {
    const header = (
      'Tanggal,Waktu,Outlet,Nomor Struk,Kategori,Produk,Variant,SKU,Jumlah,Penjualan Kotor,Diskon,Penjualan Bersih,Pajak,' +
      'Total,Nama Pelanggan,Nomor Telepon Pelanggan,Metode Pembayaran,Tipe Penjualan,Dilayani Oleh,Catatan,Status'
    ).split(',');
    const item = (product: string, sku: string, money: string) => [
      '01/10/2024', '10:46', 'Toko Roti Harum - Tebet', '#7VGLTZ', 'Lain-lain', product, '', sku, '1', money, 'Rp 0', money, 'Rp 0', money,
      'Nanda Gunawan', '081442273909', 'Tunai', 'Delivery', 'Siti', '', 'Selesai',
    ];
    const parsed = parseExport(rawTable(header, [
      item('Kopi Susu', 'KPS-01', 'Rp 18.000'),
      item('Biaya Layanan', 'SVC-01', 'Rp 2.000'),
      item('Ongkos Kirim (GoSend)', 'ONGKIR', 'Rp 12.000'),
    ]));
    expect(parsed.platform?.platform).toBe('moka');
    expect(parsed.rows.map((row) => row.description ?? row.product)).toEqual(['Kopi Susu']);
    expect(parsed.rowsSkipped.nonProductLine?.count).toBe(2);
  });
});
