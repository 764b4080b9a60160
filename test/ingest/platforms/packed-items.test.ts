import { describe, expect, it } from 'vitest';
import { parseNumberText } from '../../../src/ingest/numbers.js';
import { packedItems } from '../../../src/ingest/platforms/packed-items.js';

const money = (text: string) => parseNumberText(text, 'dot');

describe('packedItems', () => {
  it('GIVEN BigCommerce\'s Product Details with two items THEN both, a comma inside a name kept', () => {
    const cell =
      'Product ID: 100, Product Qty: 2, Product SKU: MUG-CER, Product Name: Ceramic Mug, Product Weight: 0.5, Product Variation Details: , Product Unit Price: 12.50, Product Total Price: 25.00' +
      '|Product ID: 101, Product Qty: 1, Product SKU: CAP-NVY, Product Name: Baseball Cap, Navy, Product Weight: 0.2, Product Variation Details: Size: L, Product Unit Price: 24.00, Product Total Price: 24.00';
    expect(packedItems(cell, money)).toEqual([
      { sku: 'MUG-CER', name: 'Ceramic Mug', quantity: 2, unitPrice: 12.5, total: 25 },
      { sku: 'CAP-NVY', name: 'Baseball Cap, Navy', quantity: 1, unitPrice: 24, total: 24 },
    ]);
  });

  it('GIVEN an item without a total THEN quantity and unit price stand for it; without either, it is left out', () => {
    expect(packedItems('Product Qty: 3, Product Name: Sock, Product Unit Price: 4.00', money)).toEqual([
      { sku: null, name: 'Sock', quantity: 3, unitPrice: 4, total: null },
    ]);
    expect(packedItems('Product Name: Sock', money)).toEqual([]);
    expect(packedItems('free text the shop typed', money)).toEqual([]);
  });
});
