import { describe, expect, it } from 'vitest';
import { datasetsReply } from '../../../src/app/replies/datasets-reply.js';

const listing = { name: 'shop', kind: 'transactions', firstDate: '2011-01-04T10:00:00', lastDate: '2011-12-09T12:00:00', lastUploadAt: null };

describe('datasetsReply', () => {
  it('GIVEN a dataset of one upload THEN its line counts rows, customers and uploads in the right number', () => {
    expect(datasetsReply([{ ...listing, uploads: 1, rows: 30742, customers: 1 }], 'en').text).toBe(
      'Datasets:\n• **shop**: 30,742 rows, 1 customer, 2011-01-04 → 2011-12-09, 1 upload',
    );
    expect(datasetsReply([{ ...listing, uploads: 2, rows: 1, customers: 293 }], 'en').text).toContain('1 row, 293 customers, 2011-01-04 → 2011-12-09, 2 uploads');
    expect(datasetsReply([{ ...listing, uploads: 1, rows: 1, customers: 1 }], 'id').text).toContain('1 baris, 1 pelanggan, 2011-01-04 → 2011-12-09, 1 unggahan');
  });
});
