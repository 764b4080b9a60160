/**
 * A server's time zone (IANA name): the one `/digest set` uses when it is given none. Null: Asia/Jakarta, where most
 * of Segmenta's users are.
 */
export const m010WorkspaceTimezone = /* sql */ `
ALTER TABLE workspace_settings ADD COLUMN timezone TEXT;
`;
