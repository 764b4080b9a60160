/**
 * Who asked for a segmentation run: the member whose `/segment run` or upload made it, so `/segment runs` can say
 * by whom. Null for runs stored before this column existed.
 */
export const m009RunAuthor = /* sql */ `
ALTER TABLE segmentation_runs ADD COLUMN run_by TEXT;
`;
