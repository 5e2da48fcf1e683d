import type { DeadlinePolicy } from './DeadlinePolicy.ts';

// The examples of rules.md §5, shared by the tests of the fast engine and of the straightforward
// reference implementation. Copied verbatim; the comments say what each example shows.

const sameOrNextWorkingDay: DeadlinePolicy = { kind: 'sameOrNextWorkingDay' };
const workingDays = (days: number): DeadlinePolicy => ({ kind: 'workingDays', days });
const openingHours = (minutes: number): DeadlinePolicy => ({ kind: 'openingHours', minutes });

// rules.md §5, "Worked examples": default calendar (Europe/Stockholm, Mon–Fri 08:00–17:00, Swedish
// holidays and eves). Policy, received and due are copied verbatim; the last column says what each shows.
export const workedExamples: Array<[DeadlinePolicy, string, string, string]> = [
  [
    sameOrNextWorkingDay,
    '2026-11-17T10:00:00+01:00',
    '2026-11-18T17:00:00+01:00',
    'a Tuesday morning message is due at closing on Wednesday',
  ],
  [
    sameOrNextWorkingDay,
    '2026-11-20T20:00:00+01:00',
    '2026-11-23T17:00:00+01:00',
    'a Friday evening message is due at closing on Monday',
  ],
  [
    sameOrNextWorkingDay,
    '2026-11-21T11:00:00+01:00',
    '2026-11-23T17:00:00+01:00',
    'a Saturday message is due at closing on Monday',
  ],
  [
    sameOrNextWorkingDay,
    '2026-12-23T16:00:00+01:00',
    '2026-12-28T17:00:00+01:00',
    'a message the day before julafton is due after the Christmas holidays',
  ],
  [
    sameOrNextWorkingDay,
    '2026-04-02T09:00:00+02:00',
    '2026-04-07T17:00:00+02:00',
    'a message on skärtorsdagen is due the Tuesday after annandag påsk',
  ],
  [
    sameOrNextWorkingDay,
    '2026-03-27T12:00:00+01:00',
    '2026-03-30T17:00:00+02:00',
    'a message the Friday before summer time is due on Monday in summer time',
  ],
  [
    sameOrNextWorkingDay,
    '2026-06-18T15:00:00+02:00',
    '2026-06-22T17:00:00+02:00',
    'a message the day before midsommarafton is due the Monday after',
  ],
  [
    sameOrNextWorkingDay,
    '2026-11-17T06:30:00+01:00',
    '2026-11-18T17:00:00+01:00',
    'a message before opening is still due on the next working day',
  ],
  [
    workingDays(1),
    '2026-11-17T10:00:00+01:00',
    '2026-11-18T10:00:00+01:00',
    'one working day after Tuesday 10:00 is Wednesday 10:00',
  ],
  [
    workingDays(1),
    '2026-11-20T15:00:00+01:00',
    '2026-11-23T15:00:00+01:00',
    'one working day after Friday 15:00 is Monday 15:00',
  ],
  [
    workingDays(1),
    '2026-11-21T11:00:00+01:00',
    '2026-11-24T08:00:00+01:00',
    "a Saturday message counts from Monday's opening",
  ],
  [
    workingDays(1),
    '2026-11-17T18:30:00+01:00',
    '2026-11-19T08:00:00+01:00',
    "an evening message counts from the next morning's opening",
  ],
  [
    workingDays(2),
    '2026-12-22T11:00:00+01:00',
    '2026-12-28T11:00:00+01:00',
    'two working days from 22 December skip the Christmas holidays',
  ],
  [
    workingDays(1),
    '2026-04-30T14:00:00+02:00',
    '2026-05-04T14:00:00+02:00',
    'one working day from 30 April skips första maj and the weekend',
  ],
  [
    workingDays(2),
    '2026-10-22T09:30:00+02:00',
    '2026-10-26T09:30:00+01:00',
    'the clock time is kept across the end of summer time',
  ],
  [
    openingHours(60),
    '2026-11-17T10:00:00+01:00',
    '2026-11-17T11:00:00+01:00',
    'an hour within opening hours is an hour later',
  ],
  [
    openingHours(60),
    '2026-11-17T16:30:00+01:00',
    '2026-11-18T08:30:00+01:00',
    'the hour continues at the next opening after closing',
  ],
  [
    openingHours(60),
    '2026-11-21T11:00:00+01:00',
    '2026-11-23T09:00:00+01:00',
    "a Saturday message counts from Monday's opening",
  ],
  [
    openingHours(60),
    '2026-10-23T16:45:00+02:00',
    '2026-10-26T08:45:00+01:00',
    'the hour spans a weekend and the end of summer time',
  ],
  [
    openingHours(60),
    '2026-11-17T17:00:00+01:00',
    '2026-11-18T09:00:00+01:00',
    'a message at closing time counts from the next opening',
  ],
  [
    openingHours(60),
    '2026-11-17T16:00:00+01:00',
    '2026-11-17T17:00:00+01:00',
    'minutes that run out exactly at closing are due at closing',
  ],
  [
    openingHours(60),
    '2026-11-17T09:10:00Z',
    '2026-11-17T11:10:00+01:00',
    'a UTC instant is answered with the zone offset',
  ],
];

export const describePolicy = (policy: DeadlinePolicy) =>
  policy.kind === 'workingDays'
    ? `workingDays(${policy.days})`
    : policy.kind === 'openingHours'
      ? `openingHours(${policy.minutes})`
      : policy.kind;

// rules.md §5, "State": sameOrNextWorkingDay, received 2026-11-17T10:00+01:00 (due Wed 18 Nov 17:00),
// warnBefore 120.
export const stateExample = {
  policy: { kind: 'sameOrNextWorkingDay', warnBefore: 120 } as DeadlinePolicy,
  received: '2026-11-17T10:00+01:00',
  due: '2026-11-18T17:00:00+01:00',
  states: [
    ['Tue 12:00', '2026-11-17T12:00+01:00', 'ok'],
    ['Wed 14:59', '2026-11-18T14:59+01:00', 'ok'],
    ['Wed 15:00', '2026-11-18T15:00+01:00', 'approaching'],
    ['Wed 17:00', '2026-11-18T17:00+01:00', 'overdue'],
    ['Thu 09:00', '2026-11-19T09:00+01:00', 'overdue'],
  ] as Array<[string, string, 'ok' | 'approaching' | 'overdue']>,
};
