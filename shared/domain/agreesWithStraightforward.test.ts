import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import {
  DAY,
  TIMEOUT,
  anyCalendar,
  calendarArbitrary,
  instantArbitrary,
  policyArbitrary,
  utc,
} from './calendarArbitraries.fixture.ts';
import { createWorkCalendar } from './createWorkCalendar.ts';
import { deadlineState } from './deadlineState.ts';
import {
  createStraightforwardCalendar,
  straightforwardDeadlineState,
  straightforwardNextOpening,
  straightforwardOpenMs,
} from './reference/straightforwardDueAt.ts';

// The fast day table must give exactly the answers of the straightforward day-by-day Temporal
// implementation (the oracle), in every zone, including days with DST changes inside opening hours.

describe('the fast day table agrees with the straightforward Temporal implementation', () => {
  it(
    'on deadline states, for random calendars, zones, policies and instants',
    () => {
      fc.assert(
        fc.property(
          anyCalendar,
          policyArbitrary,
          instantArbitrary,
          fc.integer({ min: -DAY, max: 15 * DAY }),
          (options, policy, received, later) => {
            const fast = deadlineState(
              utc(received),
              utc(received + later),
              policy,
              createWorkCalendar(options),
            );
            const reference = straightforwardDeadlineState(
              utc(received),
              utc(received + later),
              policy,
              createStraightforwardCalendar(options),
            );
            expect(fast).toEqual(reference);
          },
        ),
        { numRuns: 300 },
      );
    },
    TIMEOUT,
  );

  it(
    'on deadline states around offset changes, where the table asks Temporal',
    () => {
      fc.assert(
        fc.property(
          anyCalendar,
          policyArbitrary,
          instantArbitrary,
          fc.integer({ min: -3 * DAY, max: 3 * DAY }),
          fc.integer({ min: -DAY, max: 5 * DAY }),
          (options, policy, base, delta, later) => {
            const transition = Temporal.Instant.fromEpochMilliseconds(base)
              .toZonedDateTimeISO(options.timeZone!)
              .getTimeZoneTransition('next');
            const received = (transition?.epochMilliseconds ?? base) + delta;
            const fast = deadlineState(
              utc(received),
              utc(received + later),
              policy,
              createWorkCalendar(options),
            );
            const reference = straightforwardDeadlineState(
              utc(received),
              utc(received + later),
              policy,
              createStraightforwardCalendar(options),
            );
            expect(fast).toEqual(reference);
          },
        ),
        { numRuns: 300 },
      );
    },
    TIMEOUT,
  );

  it(
    'on the next opening and the opening minutes between two instants',
    () => {
      fc.assert(
        fc.property(
          anyCalendar,
          instantArbitrary,
          fc.integer({ min: 0, max: 20 * DAY }),
          (options, from, length) => {
            const calendar = createWorkCalendar(options);
            const reference = createStraightforwardCalendar(options);
            const instant = Temporal.Instant.fromEpochMilliseconds(from);
            expect(calendar.nextOpeningMs(from)).toBe(
              straightforwardNextOpening(reference, instant).epochMilliseconds,
            );
            expect(calendar.openDurationMs(from, from + length)).toBe(
              straightforwardOpenMs(
                reference,
                instant,
                Temporal.Instant.fromEpochMilliseconds(from + length),
              ),
            );
          },
        ),
        { numRuns: 200 },
      );
    },
    TIMEOUT,
  );

  it(
    'on deadline states in any year from 1900 to 2200',
    () => {
      // Received up to 2198: a calendar open one minute a week can push a due date a year or more on,
      // and both implementations rightly refuse dates past 2200 (the supported range).
      const anyYear = fc
        .integer({ min: Date.UTC(1900, 0, 2) / 1000, max: Date.UTC(2199, 0, 1) / 1000 })
        .map((seconds) => seconds * 1000);
      fc.assert(
        fc.property(
          calendarArbitrary(['Europe/Stockholm', 'Europe/Helsinki', 'America/New_York'], 0, 1439),
          policyArbitrary,
          anyYear,
          (options, policy, received) => {
            const { closedDates: _closed, shortDays: _short, ...yearless } = options;
            const fast = deadlineState(
              utc(received),
              utc(received + DAY),
              policy,
              createWorkCalendar(yearless),
            );
            const reference = straightforwardDeadlineState(
              utc(received),
              utc(received + DAY),
              policy,
              createStraightforwardCalendar(yearless),
            );
            expect(fast).toEqual(reference);
          },
        ),
        { numRuns: 60 },
      );
    },
    TIMEOUT,
  );
});
