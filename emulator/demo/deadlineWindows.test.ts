import { describe, expect, it } from 'vitest';
import { createWorkCalendar, deadlineStateMs, policyPresets } from '../../shared/domain/index.ts';
import { demoCalendarOptions } from './createDemoTenant.ts';
import { deadlineWindows } from './deadlineWindows.ts';

const calendar = createWorkCalendar(demoCalendarOptions);
const DAY = 86_400_000;

describe('deadlineWindows', () => {
  it('splits received times into overdue, approaching and ok at a weekday morning under workingDays(1)', () => {
    const now = Date.parse('2026-11-17T10:00:00+01:00');
    const policy = policyPresets['eskilstuna-verksamhet-epost']!;
    const w = deadlineWindows(calendar, policy, now, now - 30 * DAY);
    expect(w.hasApproaching).toBe(true);
    expect(deadlineStateMs(w.lastOverdueMs!, now, policy, calendar).state).toBe('overdue');
    expect(deadlineStateMs(w.lastOverdueMs! + 60_000, now, policy, calendar).state).toBe('approaching');
    expect(deadlineStateMs(w.firstOkMs!, now, policy, calendar).state).toBe('ok');
    expect(deadlineStateMs(w.firstOkMs! - 60_000, now, policy, calendar).state).toBe('approaching');
  });

  it('finds no approaching window for a same-or-next-working-day policy on a Saturday', () => {
    const now = Date.parse('2026-11-21T11:00:00+01:00');
    const w = deadlineWindows(calendar, policyPresets['mjolby-funktionsbrevlada']!, now, now - 30 * DAY);
    expect(w.hasApproaching).toBe(false);
    expect(w.lastOverdueMs).not.toBeNull();
    expect(w.firstOkMs).toBe(w.lastOverdueMs! + 60_000);
  });
});
