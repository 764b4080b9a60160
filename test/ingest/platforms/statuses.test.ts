import { describe, expect, it } from 'vitest';
import { shopify } from '../../../src/ingest/platforms/shopify.js';
import { orderStatus } from '../../../src/ingest/platforms/statuses.js';
import { tiktokShop } from '../../../src/ingest/platforms/tiktok-shop.js';
import { tokopedia } from '../../../src/ingest/platforms/tokopedia.js';

describe('orderStatus', () => {
  it('GIVEN Shopify financial statuses THEN voided is cancelled, pending unpaid, refunded refunded, the rest kept', () => {
    expect(orderStatus(shopify, 'voided', null)).toBe('cancelled');
    expect(orderStatus(shopify, 'pending', null)).toBe('unpaid');
    expect(orderStatus(shopify, 'refunded', null)).toBe('refunded');
    expect(orderStatus(shopify, 'partially_refunded', null)).toBe('kept');
    expect(orderStatus(shopify, 'paid', null)).toBe('kept');
  });

  it('GIVEN a cancellation date THEN cancelled, whatever the status', () => {
    expect(orderStatus(shopify, 'paid', '2024-01-03 10:15:00 -0500')).toBe('cancelled');
  });

  it('GIVEN Tokopedia statuses with who cancelled THEN each is cancelled; Pesanan Selesai is kept', () => {
    for (const status of ['Dibatalkan Pembeli', 'Dibatalkan Penjual', 'Dibatalkan Sistem', 'dibatalkan']) expect(orderStatus(tokopedia, status, null)).toBe('cancelled');
    expect(orderStatus(tokopedia, 'Pesanan Selesai', null)).toBe('kept');
  });

  it('GIVEN TikTok Shop statuses in English and Indonesian THEN both UIs mean the same', () => {
    expect(orderStatus(tiktokShop, 'Cancelled', null)).toBe('cancelled');
    expect(orderStatus(tiktokShop, 'Dibatalkan', null)).toBe('cancelled');
    expect(orderStatus(tiktokShop, 'Belum dibayar', null)).toBe('unpaid');
    expect(orderStatus(tiktokShop, 'Unpaid', null)).toBe('unpaid');
    expect(orderStatus(tiktokShop, 'Selesai', null)).toBe('kept');
    expect(orderStatus(tiktokShop, 'Akan dikirim', null)).toBe('kept');
  });

  it('GIVEN a word that only starts like a listed status THEN it does not match it', () => {
    expect(orderStatus(shopify, 'pendingreview', null)).toBe('kept');
  });
});
