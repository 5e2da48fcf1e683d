/** The one seam through which every Graph request gets its bearer token. */
export interface TokenProvider {
  /** Returns a token for Graph; `forceRefresh` skips any cached token (used once after a 401). */
  getToken(options?: { forceRefresh?: boolean }): Promise<string>;
}

/**
 * The delegated scopes the product asks for — no more. See docs: graph.md "Permissions".
 * Mail.ReadWrite.Shared: read shared mailboxes (extended properties included) and mark handled.
 * Mail.Read: getMailTips. Calendars.ReadBasic: getSchedule. User.ReadBasic.All: people in the register.
 * Sites.ReadWrite.All: the mailbox register list (or Sites.Selected granted to the one site).
 */
export const graphScopes = [
  'User.Read',
  'User.ReadBasic.All',
  'Mail.Read',
  'Mail.ReadWrite.Shared',
  'Calendars.ReadBasic',
  'Sites.ReadWrite.All',
] as const;
