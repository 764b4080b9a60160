import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectPlatform } from '../../../src/ingest/platforms/detect.js';
import { PLATFORM_PROFILES } from '../../../src/ingest/platforms/index.js';
import { projectFile } from '../../helpers.js';

/** Every name a profile's signature and columns know, first spelling each: a header the platform would write. */
const headerOf = (id: string): string[] => {
  const profile = PLATFORM_PROFILES.find((p) => p.id === id)!;
  const names = new Set<string>();
  for (const entry of profile.signature) names.add(typeof entry === 'string' ? entry : entry[0]!);
  for (const columns of Object.values(profile.columns)) names.add(columns[0]!);
  names.add(profile.customer[0]!);
  return [...names];
};

describe('detectPlatform', () => {
  it('GIVEN each profile\'s own header THEN that profile is recognised, and no other', () => {
    for (const profile of PLATFORM_PROFILES) {
      expect(detectPlatform(['Notes', ...headerOf(profile.id), 'Internal ref'])?.profile.id, profile.id).toBe(profile.id);
    }
  });

  it('GIVEN a header written with other case, spaces and punctuation THEN it is still recognised', () => {
    const header = headerOf('shopify').map((name) => name.toUpperCase().replace(/ /g, '_'));
    expect(detectPlatform(header)?.profile.id).toBe('shopify');
  });

  it('GIVEN Online Retail\'s header THEN no platform: the generic mapping reads it', () => {
    expect(detectPlatform(['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country'])).toBeNull();
  });

  it('GIVEN Moka\'s Indonesian header THEN Moka, with the Indonesian columns found', () => {
    const match = detectPlatform(['Tanggal', 'Waktu', 'Nomor Struk', 'Produk', 'Jumlah', 'Penjualan Kotor', 'Diskon', 'Penjualan Bersih', 'Nama Pelanggan']);
    expect(match?.profile.id).toBe('moka');
    expect(match?.index.time).toBe(1);
    expect(match?.customer).toEqual([8]);
  });

  it('GIVEN a Shopee export in the English UI THEN Shopee, not TikTok Shop, although both have Order ID and Order Status', () => {
    const header = ['Order ID', 'Order Status', 'Order Creation Date', 'Product Name', 'Deal Price', 'Quantity', 'Product Subtotal', 'Username (Buyer)'];
    expect(detectPlatform(header)?.profile.id).toBe('shopee');
  });

  it('GIVEN a recognised export without its buyer column THEN it is still recognised, with no customer column', () => {
    const header = headerOf('shopee').filter((name) => name !== 'Username (Pembeli)');
    const match = detectPlatform(header);
    expect(match?.profile.id).toBe('shopee');
    expect(match?.customer).toEqual([]);
  });
});

describe('the README', () => {
  it('GIVEN every platform profile THEN the README lists it with where to export it from', () => {
    const readme = readFileSync(projectFile('README.md'), 'utf8');
    const rows = readme.split('\n').filter((line) => line.startsWith('| ') && line.includes('→'));
    for (const profile of PLATFORM_PROFILES) {
      const brand = profile.name.split(' ')[0]!;
      expect(rows.some((row) => row.startsWith(`| ${brand}`)), profile.id).toBe(true);
    }
  });
});
