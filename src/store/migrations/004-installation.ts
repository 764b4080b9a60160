/**
 * Facts about this installation rather than any workspace, such as the Discord application the data belongs
 * to: a bot started with another application's token must not take that application's servers for departed.
 */
export const m004Installation = /* sql */ `
CREATE TABLE installation (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
`;
