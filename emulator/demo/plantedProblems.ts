/**
 * The coverage problems planted in the demo municipality (rules.md §4, R3, R4, R9), so the
 * owner and manager views have something to find and tests can check that they do. Dates are
 * relative to the tenant's `now`; the people and mailboxes are fixed.
 */
export const demoPlantedProblems = {
  /** R3: a function mailbox with an owner but no deputy. */
  mailboxWithoutDeputy: { mailbox: 'gata-park@sjoby.example' },
  /** R3: the owner is also named deputy. */
  ownerIsDeputy: { mailbox: 'skolskjuts@sjoby.example', person: 'peter.strand@sjoby.example' },
  /**
   * §4 coverage gap: owner and deputy both out of office (calendar `oof`, with scheduled automatic
   * replies) on the same two working days of next week.
   */
  ownerAndDeputyAwayNextWeek: {
    mailbox: 'aldreomsorg@sjoby.example',
    owner: 'birgitta.nystrom@sjoby.example',
    deputy: 'henrik.forsberg@sjoby.example',
    overlapWorkingDays: 2,
  },
  /** R4: out of office now (calendar `oof` spanning now) with automatic replies disabled. */
  awayNowWithoutAutoReply: {
    person: 'hanna.oberg@sjoby.example',
    deputyOf: ['medborgarservice@sjoby.example'],
  },
  /** R4 warning: away now, with an automatic reply that names neither the deputy nor the mailbox. */
  autoReplyNamesNeither: {
    person: 'sofia.bjork@sjoby.example',
    ownerOf: 'kontaktcenter@sjoby.example',
    deputy: 'erik.dahl@sjoby.example',
  },
  /** R9: the deputy has left — the account is disabled but still named in the register. */
  deputyAccountDisabled: {
    mailbox: 'ekonomiskt-bistand@sjoby.example',
    person: 'lars.persson@sjoby.example',
  },
  /** §3: a mailbox added to the register a week ago, with older unhandled mail that is not tracked. */
  messagesBeforeTrackedSince: { mailbox: 'kontaktcenter@sjoby.example', count: 3 },
} as const;
