import { describe, expect, it } from 'vitest';
import { describePolicy, stateExample, workedExamples } from '../rulesExamples.fixture.ts';
import {
  createStraightforwardCalendar,
  straightforwardDeadlineState,
  straightforwardDueAt,
} from './straightforwardDueAt.ts';

// The oracle of the property tests must itself get rules.md §5 right.
describe('the straightforward reference implementation', () => {
  const calendar = createStraightforwardCalendar();

  for (const [policy, received, due, what] of workedExamples) {
    it(`gets the worked example right — ${describePolicy(policy)}: ${what}`, () => {
      expect(straightforwardDueAt(received, policy, calendar)).toBe(due);
    });
  }

  for (const [when, now, state] of stateExample.states) {
    it(`gets the state example right: ${state} at ${when}`, () => {
      expect(
        straightforwardDeadlineState(stateExample.received, now, stateExample.policy, calendar),
      ).toMatchObject({
        due: stateExample.due,
        state,
      });
    });
  }
});
