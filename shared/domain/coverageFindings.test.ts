import { describe, expect, it } from 'vitest';
import type { CoverageFinding } from './CoverageFinding.ts';
import { coverageFindings } from './coverageFindings.ts';
import type { AbsenceInterval, CoverageInput } from './CoverageInput.ts';
import { createWorkCalendar } from './createWorkCalendar.ts';
import type { RegisterEntry } from './parseRegisterEntry.ts';

// The default calendar: Europe/Stockholm, Monday–Friday 08:00–17:00. The weeks of 16 and 23 November
// 2026 have no holidays; `now` is Monday 16 November, 07:00, before opening.
const calendar = createWorkCalendar();
const at = (date: string, time: string) => `${date}T${time}:00+01:00`;
const MON = '2026-11-16';
const TUE = '2026-11-17';
const WED = '2026-11-18';
const THU = '2026-11-19';
const FRI = '2026-11-20';
const NEXT_MON = '2026-11-23';

const ANNA = 'anna.lind@sjoby.example';
const BO = 'bo.ek@sjoby.example';
const CARL = 'carl.berg@sjoby.example';
const BYGGLOV = 'bygglov@sjoby.example';

function entry(
  address: string,
  owner: string | null,
  deputy: string | null,
  extra: Partial<RegisterEntry> = {},
): RegisterEntry {
  return {
    itemId: address,
    etag: null,
    address,
    displayName: address.split('@')[0]!,
    kind: 'function',
    unit: 'Samhällsbyggnad',
    owner,
    deputy,
    manager: null,
    policyPreset: 'mjolby-funktionsbrevlada',
    policy: { kind: 'sameOrNextWorkingDay' },
    openingHours: null,
    trackedSince: null,
    ...extra,
  };
}

/** Bygglov, owned by Anna with Bo as deputy; both in the directory, at work, automatic replies off. */
function covered(overrides: Partial<CoverageInput> = {}): CoverageInput {
  return {
    entries: [entry(BYGGLOV, ANNA, BO)],
    people: {
      [ANNA]: { displayName: 'Anna Lind', found: true, accountEnabled: true },
      [BO]: { displayName: 'Bo Ek', found: true, accountEnabled: true },
      [CARL]: { displayName: 'Carl Berg', found: true, accountEnabled: true },
    },
    absences: {},
    autoReplies: {
      [ANNA]: { status: 'disabled', message: '' },
      [BO]: { status: 'disabled', message: '' },
      [CARL]: { status: 'disabled', message: '' },
    },
    lastIncoming: { [BYGGLOV]: at('2026-11-13', '14:00') },
    calendar,
    now: at(MON, '07:00'),
    ...overrides,
  };
}

const away = (start: string, end: string): AbsenceInterval => ({ start, end });
const kinds = (findings: readonly CoverageFinding[]) => findings.map((finding) => finding.kind);
const gaps = (input: CoverageInput) => coverageFindings(input).findings.filter((f) => f.kind === 'bothAway');

describe('coverageFindings for a well-covered mailbox', () => {
  it('finds nothing and shows ten covered working days from today', () => {
    const result = coverageFindings(covered());
    expect(result.findings).toEqual([]);
    expect(result.grid).toEqual([
      {
        mailbox: BYGGLOV,
        people: [ANNA, BO],
        days: ['16', '17', '18', '19', '20', '23', '24', '25', '26', '27'].map((day) => ({
          date: `2026-11-${day}`,
          status: 'covered',
          away: [],
        })),
      },
    ]);
  });

  it('finds nothing when one of the two is away and the other is in', () => {
    const result = coverageFindings(
      covered({
        absences: { [ANNA]: [away(at(TUE, '08:00'), at(THU, '17:00'))] },
        autoReplies: {
          [ANNA]: {
            status: 'scheduled',
            message: 'Kontakta Bo Ek.',
            start: at(TUE, '08:00'),
            end: at(THU, '17:00'),
          },
          [BO]: { status: 'disabled', message: '' },
        },
      }),
    );
    expect(result.findings).toEqual([]);
  });
});

describe('coverageFindings on nominations', () => {
  it('reports a mailbox without an owner', () => {
    expect(coverageFindings(covered({ entries: [entry(BYGGLOV, null, BO)] })).findings).toEqual([
      { kind: 'noOwner', severity: 'error', mailbox: BYGGLOV, mailboxName: 'bygglov' },
    ]);
  });

  it('reports a mailbox without a deputy, naming the owner', () => {
    expect(coverageFindings(covered({ entries: [entry(BYGGLOV, ANNA, null)] })).findings).toEqual([
      {
        kind: 'noDeputy',
        severity: 'error',
        mailbox: BYGGLOV,
        mailboxName: 'bygglov',
        owner: { address: ANNA, name: 'Anna Lind' },
      },
    ]);
  });

  it('reports both when neither owner nor deputy is nominated', () => {
    expect(kinds(coverageFindings(covered({ entries: [entry(BYGGLOV, null, null)] })).findings)).toEqual([
      'noOwner',
      'noDeputy',
    ]);
  });

  it('reports the owner named as deputy, and not as a missing deputy', () => {
    expect(coverageFindings(covered({ entries: [entry(BYGGLOV, ANNA, ANNA)] })).findings).toEqual([
      {
        kind: 'ownerIsDeputy',
        severity: 'error',
        mailbox: BYGGLOV,
        mailboxName: 'bygglov',
        person: { address: ANNA, name: 'Anna Lind' },
      },
    ]);
  });

  it('compares owner and deputy addresses without regard to case', () => {
    expect(
      kinds(coverageFindings(covered({ entries: [entry(BYGGLOV, ANNA, ANNA.toUpperCase())] })).findings),
    ).toEqual(['ownerIsDeputy']);
  });
});

describe('coverageFindings on the directory', () => {
  it('reports a deputy the directory does not know, and one that was not looked up', () => {
    const notFound = coverageFindings(
      covered({
        people: {
          [ANNA]: { displayName: 'Anna Lind', found: true, accountEnabled: true },
          [BO]: { displayName: '', found: false, accountEnabled: null },
        },
      }),
    );
    const notLookedUp = coverageFindings(
      covered({ people: { [ANNA]: { displayName: 'Anna Lind', found: true, accountEnabled: true } } }),
    );
    for (const result of [notFound, notLookedUp]) {
      expect(result.findings).toContainEqual({
        kind: 'personNotFound',
        severity: 'error',
        mailbox: BYGGLOV,
        mailboxName: 'bygglov',
        address: BO,
        name: BO,
        role: 'deputy',
      });
    }
  });

  it('reports an owner whose account is disabled', () => {
    const result = coverageFindings(
      covered({
        people: {
          ...covered().people,
          [ANNA]: { displayName: 'Anna Lind', found: true, accountEnabled: false },
        },
      }),
    );
    expect(result.findings).toEqual([
      {
        kind: 'personDisabled',
        severity: 'error',
        mailbox: BYGGLOV,
        mailboxName: 'bygglov',
        address: ANNA,
        name: 'Anna Lind',
        role: 'owner',
      },
    ]);
  });

  it('does not report an account whose state could not be read', () => {
    const result = coverageFindings(
      covered({
        people: {
          ...covered().people,
          [ANNA]: { displayName: 'Anna Lind', found: true, accountEnabled: null },
        },
      }),
    );
    expect(result.findings).toEqual([]);
  });

  it('reports a person who is owner and deputy once, as owner', () => {
    const result = coverageFindings(covered({ entries: [entry(BYGGLOV, CARL, CARL)], people: {} }));
    expect(kinds(result.findings)).toEqual(['ownerIsDeputy', 'personNotFound']);
    expect(result.findings[1]).toMatchObject({ address: CARL, role: 'owner' });
  });

  it('counts a deputy who is not in the directory as away, so an absent owner leaves a gap', () => {
    const result = coverageFindings(
      covered({
        people: { [ANNA]: { displayName: 'Anna Lind', found: true, accountEnabled: true } },
        absences: { [ANNA]: [away(at(WED, '08:00'), at(WED, '17:00'))] },
      }),
    );
    expect(kinds(result.findings)).toEqual(['personNotFound', 'bothAway']);
    expect(result.grid[0]!.days.map((day) => day.status).slice(0, 4)).toEqual([
      'oneAway',
      'oneAway',
      'bothAway',
      'oneAway',
    ]);
  });
});

describe('coverageFindings on absence and automatic replies', () => {
  const awayNow = { [BO]: [away(at('2026-11-13', '08:00'), at(WED, '17:00'))] };

  it('reports a person out of office now with the automatic reply off', () => {
    expect(coverageFindings(covered({ absences: awayNow })).findings).toEqual([
      {
        kind: 'awayWithoutAutoReply',
        severity: 'error',
        mailbox: BYGGLOV,
        mailboxName: 'bygglov',
        address: BO,
        name: 'Bo Ek',
        role: 'deputy',
        awayFrom: '2026-11-13T08:00:00+01:00',
        awayUntil: '2026-11-18T17:00:00+01:00',
      },
    ]);
  });

  it('reports an automatic reply that is scheduled but has not started', () => {
    const autoReplies = {
      ...covered().autoReplies,
      [BO]: {
        status: 'scheduled' as const,
        message: `Skriv till ${BYGGLOV}.`,
        start: at(TUE, '00:00'),
        end: at(WED, '17:00'),
      },
    };
    expect(kinds(coverageFindings(covered({ absences: awayNow, autoReplies })).findings)).toEqual([
      'awayWithoutAutoReply',
    ]);
  });

  it.each([
    ['always on', { status: 'alwaysEnabled' as const, message: `Skriv till ${BYGGLOV}.` }],
    [
      'scheduled over now',
      {
        status: 'scheduled' as const,
        message: `Skriv till ${BYGGLOV}.`,
        start: at('2026-11-13', '08:00'),
        end: at(WED, '17:00'),
      },
    ],
  ])('does not report a person away now whose automatic reply is %s', (_how, reply) => {
    expect(
      coverageFindings(covered({ absences: awayNow, autoReplies: { ...covered().autoReplies, [BO]: reply } }))
        .findings,
    ).toEqual([]);
  });

  it('does not report absence when the automatic reply is unknown', () => {
    expect(coverageFindings(covered({ absences: awayNow, autoReplies: {} })).findings).toEqual([]);
  });

  it('does not report an absence that has ended or not begun', () => {
    const absences = {
      [BO]: [away(at('2026-11-13', '08:00'), at(MON, '07:00')), away(at(MON, '12:00'), at(MON, '13:00'))],
    };
    expect(coverageFindings(covered({ absences })).findings).toEqual([]);
  });

  it('warns about an automatic reply that names neither the deputy nor the mailbox', () => {
    const autoReplies = {
      ...covered().autoReplies,
      [ANNA]: {
        status: 'scheduled' as const,
        message: '<p>Jag är ledig.</p>',
        start: at(TUE, '08:00'),
        end: at(FRI, '17:00'),
      },
    };
    expect(coverageFindings(covered({ autoReplies })).findings).toEqual([
      {
        kind: 'autoReplyNamesNeitherDeputyNorMailbox',
        severity: 'warning',
        mailbox: BYGGLOV,
        mailboxName: 'bygglov',
        address: ANNA,
        name: 'Anna Lind',
        role: 'owner',
        autoReply: {
          status: 'scheduled',
          start: '2026-11-17T08:00:00+01:00',
          end: '2026-11-20T17:00:00+01:00',
        },
        shouldName: { address: BO, name: 'Bo Ek' },
      },
    ]);
  });

  it.each([
    ['the deputy by name, in HTML and another case', '<p>Kontakta <b>BO EK</b> under tiden.</p>'],
    ['the deputy by name with an entity', '<p>Kontakta Bo&nbsp;Ek.</p>'],
    ['the deputy by address in a link', `<a href="mailto:${BO}">min ersättare</a>`],
    ['the mailbox address', `Ärenden skickas till ${BYGGLOV.toUpperCase()}.`],
    ['the mailbox address with an encoded at sign', 'Skriv till bygglov&#64;sjoby.example.'],
  ])('accepts an automatic reply that names %s', (_what, message) => {
    const autoReplies = { ...covered().autoReplies, [ANNA]: { status: 'alwaysEnabled' as const, message } };
    expect(kinds(coverageFindings(covered({ autoReplies })).findings)).not.toContain(
      'autoReplyNamesNeitherDeputyNorMailbox',
    );
  });

  it('accepts a deputy named first name first when the directory lists surname first', () => {
    const people = {
      ...covered().people,
      [BO]: { displayName: 'Ek, Bo Göran (SBF)', found: true, accountEnabled: true },
    };
    const autoReplies = {
      ...covered().autoReplies,
      [ANNA]: { status: 'alwaysEnabled' as const, message: 'Kontakta Bo Ek.' },
    };
    expect(coverageFindings(covered({ people, autoReplies })).findings).toEqual([]);
  });

  it('does not take part of a longer name for the deputy', () => {
    const autoReplies = {
      ...covered().autoReplies,
      [ANNA]: { status: 'alwaysEnabled' as const, message: 'Kontakta Bo Ekström.' },
    };
    expect(kinds(coverageFindings(covered({ autoReplies })).findings)).toContain(
      'autoReplyNamesNeitherDeputyNorMailbox',
    );
  });

  it("checks the deputy's automatic reply for the owner", () => {
    const autoReplies = {
      ...covered().autoReplies,
      [BO]: { status: 'alwaysEnabled' as const, message: 'Kontakta Anna Lind.' },
    };
    const result = coverageFindings(covered({ autoReplies }));
    expect(kinds(result.findings)).not.toContain('autoReplyNamesNeitherDeputyNorMailbox');
  });

  it('does not check an automatic reply whose schedule has ended', () => {
    const autoReplies = {
      ...covered().autoReplies,
      [ANNA]: {
        status: 'scheduled' as const,
        message: 'Jag är ledig.',
        start: at('2026-11-09', '08:00'),
        end: at('2026-11-13', '17:00'),
      },
    };
    expect(coverageFindings(covered({ autoReplies })).findings).toEqual([]);
  });

  it('asks only for the mailbox address when the mailbox has no deputy', () => {
    const autoReplies = {
      ...covered().autoReplies,
      [ANNA]: { status: 'alwaysEnabled' as const, message: 'Jag är ledig.' },
    };
    const result = coverageFindings(covered({ entries: [entry(BYGGLOV, ANNA, null)], autoReplies }));
    expect(result.findings[1]).toMatchObject({
      kind: 'autoReplyNamesNeitherDeputyNorMailbox',
      autoReply: { status: 'alwaysEnabled', start: null, end: null },
      shouldName: null,
    });
  });
});

describe('coverageFindings on dormant mailboxes', () => {
  it('reports a mailbox that has never received mail', () => {
    expect(coverageFindings(covered({ lastIncoming: { [BYGGLOV]: null } })).findings).toEqual([
      {
        kind: 'dormantMailbox',
        severity: 'warning',
        mailbox: BYGGLOV,
        mailboxName: 'bygglov',
        lastIncoming: null,
        daysWithoutMail: null,
        dormantAfterDays: 60,
      },
    ]);
  });

  it('reports a mailbox without mail for 60 days, and not one with mail 59 days ago', () => {
    const sixtyDaysAgo = '2026-09-17T07:00:00+02:00';
    expect(coverageFindings(covered({ lastIncoming: { [BYGGLOV]: sixtyDaysAgo } })).findings).toEqual([
      {
        kind: 'dormantMailbox',
        severity: 'warning',
        mailbox: BYGGLOV,
        mailboxName: 'bygglov',
        lastIncoming: sixtyDaysAgo,
        daysWithoutMail: 60,
        dormantAfterDays: 60,
      },
    ]);
    expect(
      coverageFindings(covered({ lastIncoming: { [BYGGLOV]: '2026-09-18T08:00:00+02:00' } })).findings,
    ).toEqual([]);
  });

  it('uses the configured number of days', () => {
    const input = covered({ lastIncoming: { [BYGGLOV]: at('2026-11-01', '12:00') }, dormantAfterDays: 14 });
    expect(coverageFindings(input).findings).toMatchObject([{ kind: 'dormantMailbox', daysWithoutMail: 14 }]);
  });

  it('does not report a mailbox whose last message is unknown', () => {
    expect(coverageFindings(covered({ lastIncoming: {} })).findings).toEqual([]);
  });
});

describe('coverageFindings on coverage gaps', () => {
  it('reports the overlap of partial-day absences: owner 08–12 and deputy 10–15 leave 10–12 uncovered', () => {
    const result = coverageFindings(
      covered({
        absences: {
          [ANNA]: [away(at(TUE, '08:00'), at(TUE, '12:00'))],
          [BO]: [away(at(TUE, '10:00'), at(TUE, '15:00'))],
        },
      }),
    );
    expect(result.findings).toEqual([
      {
        kind: 'bothAway',
        severity: 'error',
        mailbox: BYGGLOV,
        mailboxName: 'bygglov',
        owner: { address: ANNA, name: 'Anna Lind' },
        deputy: { address: BO, name: 'Bo Ek' },
        start: '2026-11-17T10:00:00+01:00',
        end: '2026-11-17T12:00:00+01:00',
        openMinutes: 120,
        dates: [TUE],
        endsAfterHorizon: false,
      },
    ]);
  });

  it('reports nothing when owner and deputy are away at different times of the same day', () => {
    const result = coverageFindings(
      covered({
        absences: {
          [ANNA]: [away(at(TUE, '08:00'), at(TUE, '12:00'))],
          [BO]: [away(at(TUE, '12:00'), at(TUE, '17:00'))],
        },
      }),
    );
    expect(result.findings).toEqual([]);
    expect(result.grid[0]!.days[1]).toEqual({ date: TUE, status: 'oneAway', away: [ANNA, BO] });
  });

  it('reports nothing for a gap from Friday 18:00 to Monday 07:00, which takes no opening hours', () => {
    const both = [away(at(FRI, '18:00'), at(NEXT_MON, '07:00'))];
    expect(gaps(covered({ absences: { [ANNA]: both, [BO]: both } }))).toEqual([]);
  });

  it('counts only the opening hours of a gap from Friday 15:00 to Monday 09:00', () => {
    const both = [away(at(FRI, '15:00'), at(NEXT_MON, '09:00'))];
    expect(gaps(covered({ absences: { [ANNA]: both, [BO]: both } }))).toMatchObject([
      { start: at(FRI, '15:00'), end: at(NEXT_MON, '09:00'), openMinutes: 120 + 60, dates: [FRI, NEXT_MON] },
    ]);
  });

  it('joins gaps separated only by closed time into one', () => {
    const daily = [away(at(TUE, '08:00'), at(TUE, '17:00')), away(at(WED, '08:00'), at(WED, '17:00'))];
    expect(gaps(covered({ absences: { [ANNA]: daily, [BO]: daily } }))).toMatchObject([
      { start: at(TUE, '08:00'), end: at(WED, '17:00'), openMinutes: 2 * 540, dates: [TUE, WED] },
    ]);
  });

  it('keeps gaps apart when there are opening hours between them', () => {
    const owner = [away(at(TUE, '08:00'), at(TUE, '17:00')), away(at(THU, '08:00'), at(THU, '17:00'))];
    const deputy = [away(at(TUE, '08:00'), at(THU, '17:00'))];
    expect(gaps(covered({ absences: { [ANNA]: owner, [BO]: deputy } })).map((gap) => gap.dates)).toEqual([
      [TUE],
      [THU],
    ]);
  });

  it('counts a scheduled automatic reply as away', () => {
    const result = gaps(
      covered({
        absences: { [ANNA]: [away(at(WED, '08:00'), at(WED, '17:00'))] },
        autoReplies: {
          [ANNA]: { status: 'disabled', message: '' },
          [BO]: {
            status: 'scheduled',
            message: `Kontakta Anna Lind eller ${BYGGLOV}.`,
            start: at(WED, '13:00'),
            end: at(THU, '12:00'),
          },
        },
      }),
    );
    expect(result).toMatchObject([{ start: at(WED, '13:00'), end: at(WED, '17:00'), openMinutes: 240 }]);
  });

  it('clips a gap to the horizon: from now to the close of the tenth working day', () => {
    const result = gaps(
      covered({
        now: at(MON, '10:30'),
        absences: { [ANNA]: [away(at('2026-11-01', '00:00'), at('2026-12-31', '00:00'))] },
        autoReplies: {
          [ANNA]: { status: 'alwaysEnabled', message: `Kontakta Bo Ek.` },
          [BO]: { status: 'alwaysEnabled', message: `Kontakta Anna Lind.` },
        },
      }),
    );
    expect(result).toMatchObject([
      {
        start: at(MON, '10:30'),
        end: at('2026-11-27', '17:00'),
        openMinutes: 390 + 9 * 540,
        endsAfterHorizon: true,
      },
    ]);
    expect(result[0]!.dates).toHaveLength(10);
  });

  it('ignores gaps that are over, and gaps after the horizon', () => {
    const both = [
      away(at('2026-11-13', '08:00'), at('2026-11-13', '17:00')),
      away(at('2026-11-30', '08:00'), at('2026-11-30', '17:00')),
    ];
    expect(gaps(covered({ absences: { [ANNA]: both, [BO]: both } }))).toEqual([]);
  });

  it('counts the hours across the change to summer time', () => {
    // Summer time starts Sunday 29 March 2026: Friday is +01:00, Monday +02:00.
    const both = [
      away('2026-03-27T15:00:00+01:00', '2026-03-30T09:00:00+02:00'),
      away('2026-03-31T08:00:00+02:00', '2026-03-31T17:00:00+02:00'),
    ];
    const result = gaps(
      covered({ now: '2026-03-23T07:00:00+01:00', absences: { [ANNA]: both, [BO]: both }, lastIncoming: {} }),
    );
    expect(result).toMatchObject([
      {
        start: '2026-03-27T15:00:00+01:00',
        end: '2026-03-30T09:00:00+02:00',
        openMinutes: 180,
        dates: ['2026-03-27', '2026-03-30'],
      },
      {
        start: '2026-03-31T08:00:00+02:00',
        end: '2026-03-31T17:00:00+02:00',
        openMinutes: 540,
        dates: ['2026-03-31'],
      },
    ]);
  });

  it('does not count one person named owner and deputy as both away', () => {
    const result = coverageFindings(
      covered({
        entries: [entry(BYGGLOV, ANNA, ANNA)],
        absences: { [ANNA]: [away(at(TUE, '08:00'), at(TUE, '17:00'))] },
      }),
    );
    expect(kinds(result.findings)).toEqual(['ownerIsDeputy']);
    expect(result.grid[0]).toMatchObject({ people: [ANNA] });
    expect(result.grid[0]!.days[1]).toEqual({ date: TUE, status: 'oneAway', away: [ANNA] });
  });

  it("uses the mailbox's own opening hours", () => {
    const both = [away(at(FRI, '13:00'), at(FRI, '17:00'))];
    const input = covered({ absences: { [ANNA]: both, [BO]: both } });
    expect(gaps(input)).toHaveLength(1);
    const halfDayFriday = entry(BYGGLOV, ANNA, BO, { openingHours: { fri: '08:00-12:00' } });
    expect(gaps({ ...input, entries: [halfDayFriday] })).toEqual([]);
    const closedFridays = createWorkCalendar({ openingHours: { fri: null } });
    const result = coverageFindings({ ...input, calendarFor: () => closedFridays });
    expect(result.findings).toEqual([]);
    expect(result.grid[0]!.days.map((day) => day.date)).not.toContain(FRI);
  });
});

describe('coverageFindings grid', () => {
  it('shows who is away each day: covered, one away, both away', () => {
    const result = coverageFindings(
      covered({
        absences: {
          [ANNA]: [away(at(TUE, '00:00'), at(TUE, '23:59')), away(at(THU, '16:00'), at(FRI, '09:00'))],
          [BO]: [away(at(WED, '08:00'), at(WED, '17:00')), away(at(THU, '08:00'), at(THU, '16:30'))],
        },
      }),
    );
    expect(result.grid[0]!.days.slice(0, 6)).toEqual([
      { date: MON, status: 'covered', away: [] },
      { date: TUE, status: 'oneAway', away: [ANNA] },
      { date: WED, status: 'oneAway', away: [BO] },
      { date: THU, status: 'bothAway', away: [ANNA, BO] },
      { date: FRI, status: 'oneAway', away: [ANNA] },
      { date: NEXT_MON, status: 'covered', away: [] },
    ]);
  });

  it('does not count an absence outside the day’s opening hours', () => {
    const result = coverageFindings(
      covered({ absences: { [ANNA]: [away(at(TUE, '17:00'), at(WED, '08:00'))] } }),
    );
    expect(result.grid[0]!.days.slice(1, 3).map((day) => day.status)).toEqual(['covered', 'covered']);
  });

  it('starts today while today is open, and looks only at the hours left', () => {
    const result = coverageFindings(
      covered({ now: at(MON, '13:00'), absences: { [ANNA]: [away(at(MON, '08:00'), at(MON, '12:00'))] } }),
    );
    expect(result.grid[0]!.days[0]).toEqual({ date: MON, status: 'covered', away: [] });
  });

  it('starts with the next working day after closing time and at the weekend', () => {
    const afterClosing = coverageFindings(covered({ now: at(MON, '17:00') }));
    expect(afterClosing.grid[0]!.days[0]!.date).toBe(TUE);
    expect(afterClosing.grid[0]!.days.at(-1)!.date).toBe('2026-11-30');
    const saturday = coverageFindings(covered({ now: at('2026-11-21', '10:00') }));
    expect(saturday.grid[0]!.days[0]!.date).toBe(NEXT_MON);
  });

  it('skips holidays and covers the requested number of working days', () => {
    const result = coverageFindings(
      covered({ now: at('2026-12-21', '09:00'), workingDays: 5, lastIncoming: {} }),
    );
    expect(result.grid[0]!.days.map((day) => day.date)).toEqual([
      '2026-12-21',
      '2026-12-22',
      '2026-12-23',
      '2026-12-28',
      '2026-12-29',
    ]);
  });
});

describe('coverageFindings over several mailboxes', () => {
  it('sorts errors before warnings, then by mailbox address', () => {
    const result = coverageFindings(
      covered({
        entries: [
          entry('zeta@sjoby.example', ANNA, null),
          entry(BYGGLOV, ANNA, BO),
          entry('alfa@sjoby.example', null, CARL),
        ],
        lastIncoming: { 'zeta@sjoby.example': null, [BYGGLOV]: null, 'alfa@sjoby.example': at(MON, '06:00') },
      }),
    );
    expect(result.findings.map((f) => [f.severity, f.mailbox, f.kind])).toEqual([
      ['error', 'alfa@sjoby.example', 'noOwner'],
      ['error', 'zeta@sjoby.example', 'noDeputy'],
      ['warning', BYGGLOV, 'dormantMailbox'],
      ['warning', 'zeta@sjoby.example', 'dormantMailbox'],
    ]);
    expect(result.grid.map((row) => row.mailbox)).toEqual([
      'zeta@sjoby.example',
      BYGGLOV,
      'alfa@sjoby.example',
    ]);
  });

  it('reads the maps whatever the case of their keys', () => {
    const result = coverageFindings(
      covered({
        people: {
          [ANNA.toUpperCase()]: { displayName: 'Anna Lind', found: true, accountEnabled: true },
          [BO]: { displayName: 'Bo Ek', found: true, accountEnabled: true },
        },
        lastIncoming: { [BYGGLOV.toUpperCase()]: null },
      }),
    );
    expect(kinds(result.findings)).toEqual(['dormantMailbox']);
  });
});

describe('coverageFindings on invalid input', () => {
  it('names the input holding an instant it cannot read', () => {
    expect(() =>
      coverageFindings(covered({ absences: { [BO]: [away(at(TUE, '08:00'), '2026-11-17 12:00')] } })),
    ).toThrow(
      /coverageFindings: absences\["bo\.ek@sjoby\.example"\]\[0\]\.end: Expected an ISO 8601 instant/,
    );
    expect(() => coverageFindings(covered({ now: 'idag' }))).toThrow(/coverageFindings: now:/);
  });

  it('says what a valid number of working days is', () => {
    expect(() => coverageFindings(covered({ workingDays: 2.5 }))).toThrow(
      'coverageFindings: expected `workingDays` to be a whole number ≥ 0, such as 10; got 2.5.',
    );
  });
});
