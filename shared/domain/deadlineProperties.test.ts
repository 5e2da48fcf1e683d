import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import {
  DAY,
  RUNS,
  TIMEOUT,
  hhmm,
  instantArbitrary,
  ordinaryCalendar,
  policyArbitrary,
  utc,
} from './calendarArbitraries.fixture.ts';
import { createWorkCalendar } from './createWorkCalendar.ts';
import { deadlineState, deadlineStateMs } from './deadlineState.ts';
import { parseInstantMs } from './parseInstantMs.ts';

// Properties of rules.md §5 on random calendars, policies and instants.

describe('deadline properties on random calendars', () => {
  it(
    'never puts the due time before the received time',
    () => {
      fc.assert(
        fc.property(ordinaryCalendar, policyArbitrary, instantArbitrary, (options, policy, received) => {
          expect(createWorkCalendar(options).dueAtMs(received, policy)).toBeGreaterThanOrEqual(received);
        }),
        RUNS,
      );
    },
    TIMEOUT,
  );

  it(
    'puts the due time within opening hours of a working day, or at its closing',
    () => {
      fc.assert(
        fc.property(ordinaryCalendar, policyArbitrary, instantArbitrary, (options, policy, received) => {
          const calendar = createWorkCalendar(options);
          const due = calendar.dueAtMs(received, policy);
          const opening = calendar.openingOn(calendar.formatInstant(due).slice(0, 10));
          expect(opening).not.toBeNull();
          expect(due).toBeGreaterThanOrEqual(parseInstantMs(opening!.open));
          expect(due).toBeLessThanOrEqual(parseInstantMs(opening!.close));
        }),
        RUNS,
      );
    },
    TIMEOUT,
  );

  it(
    'never moves the due time earlier for a later received time',
    () => {
      fc.assert(
        fc.property(
          ordinaryCalendar,
          policyArbitrary,
          instantArbitrary,
          fc.integer({ min: 0, max: 10 * DAY }),
          (options, policy, first, later) => {
            const calendar = createWorkCalendar(options);
            expect(calendar.dueAtMs(first + later, policy)).toBeGreaterThanOrEqual(
              calendar.dueAtMs(first, policy),
            );
          },
        ),
        RUNS,
      );
    },
    TIMEOUT,
  );

  it(
    'moves the state only forward, ok → approaching → overdue, as now grows',
    () => {
      const rank = { ok: 0, approaching: 1, overdue: 2 } as const;
      fc.assert(
        fc.property(
          ordinaryCalendar,
          policyArbitrary,
          instantArbitrary,
          fc.array(fc.integer({ min: 0, max: 20 * DAY }), { minLength: 2, maxLength: 8 }),
          (options, policy, received, offsets) => {
            const calendar = createWorkCalendar(options);
            const ranks = [...offsets]
              .sort((a, b) => a - b)
              .map((offset) => rank[deadlineStateMs(received, received + offset, policy, calendar).state]);
            expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
          },
        ),
        RUNS,
      );
    },
    TIMEOUT,
  );

  it(
    'adds up opening-hours minutes over adjacent intervals',
    () => {
      fc.assert(
        fc.property(
          ordinaryCalendar,
          fc.array(instantArbitrary, { minLength: 3, maxLength: 3 }),
          (options, instants) => {
            const calendar = createWorkCalendar(options);
            const [a, b, c] = [...instants].sort((x, y) => x - y) as [number, number, number];
            expect(calendar.openDurationMs(a, c)).toBe(
              calendar.openDurationMs(a, b) + calendar.openDurationMs(b, c),
            );
            expect(calendar.openMinutesBetween(utc(a), utc(c))).toBeCloseTo(
              calendar.openMinutesBetween(utc(a), utc(b)) + calendar.openMinutesBetween(utc(b), utc(c)),
              9,
            );
          },
        ),
        RUNS,
      );
    },
    TIMEOUT,
  );

  it(
    'gives the same due time whatever offset the received time is written in',
    () => {
      fc.assert(
        fc.property(
          ordinaryCalendar,
          policyArbitrary,
          instantArbitrary,
          fc.integer({ min: -12 * 60, max: 14 * 60 }),
          (options, policy, received, offset) => {
            const calendar = createWorkCalendar(options);
            const local = Temporal.Instant.fromEpochMilliseconds(received).toString({
              timeZone: offsetZone(offset),
            });
            expect(deadlineState(local, utc(received), policy, calendar)).toEqual(
              deadlineState(utc(received), utc(received), policy, calendar),
            );
          },
        ),
        RUNS,
      );
    },
    TIMEOUT,
  );
});

function offsetZone(minutes: number): string {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${hhmm(abs)}`;
}
