import { describe, expect, it } from 'vitest';
import { BasketProducts } from '../../src/app/import/basket-products.js';
import { NO_NAME } from '../../src/segment/customer-baskets.js';
import { NO_TEXT } from '../../src/store/transactions.js';

describe('BasketProducts', () => {
  const texts = ['85123A', 'WHITE HANGING HEART T-LIGHT HOLDER', 'POST', 'POSTAGE', '23444', 'Next Day Carriage', 'PADS', 'PADS TO MATCH ALL CUSHIONS'];
  const id = (text: string) => texts.indexOf(text);

  it('GIVEN goods THEN the basket counts them by description, else by code', () => {
    const products = new BasketProducts((at) => texts[at]!);
    expect(products.nameOf(id('85123A'), id('WHITE HANGING HEART T-LIGHT HOLDER'))).toBe(id('WHITE HANGING HEART T-LIGHT HOLDER'));
    expect(products.nameOf(id('85123A'), NO_TEXT)).toBe(id('85123A'));
    expect(products.nameOf(NO_TEXT, NO_TEXT)).toBe(NO_NAME);
  });

  it('GIVEN postage, carriage or a filler line kept by the upload THEN no product, by its code or its description', () => {
    const products = new BasketProducts((at) => texts[at]!);
    expect(products.nameOf(id('POST'), id('POSTAGE'))).toBe(NO_NAME);
    expect(products.nameOf(id('23444'), id('Next Day Carriage'))).toBe(NO_NAME);
    expect(products.nameOf(id('PADS'), id('PADS TO MATCH ALL CUSHIONS'))).toBe(NO_NAME);
    expect(products.nameOf(NO_TEXT, id('POSTAGE'))).toBe(NO_NAME);
  });

  it('GIVEN text numbers far apart THEN each is looked at once and answered the same', () => {
    const looked: number[] = [];
    const products = new BasketProducts((at) => {
      looked.push(at);
      return at === 5_000 ? 'Ongkos kirim' : 'KOPI SUSU';
    });
    for (let round = 0; round < 2; round++) {
      expect(products.nameOf(4_999, 5_000)).toBe(NO_NAME);
      expect(products.nameOf(4_999, 5_001)).toBe(5_001);
    }
    expect(looked).toEqual([4_999, 5_000, 5_001]);
  });
});
