/**
 * The currency a dataset's amounts are in, as its platform export says (a Currency column, Rupiah for Shopee and
 * Tokopedia): amounts of that dataset are shown in it. Null where no upload said.
 */
export const m007DatasetCurrency = /* sql */ `
ALTER TABLE datasets ADD COLUMN currency TEXT CHECK (currency IS NULL OR length(currency) = 3);
`;
