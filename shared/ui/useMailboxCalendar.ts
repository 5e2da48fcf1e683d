import { useMemo } from 'react';
import { createWorkCalendar, mergeCalendarOptions } from '../domain/index.ts';
import type { RegisterEntry, WorkCalendar } from '../domain/index.ts';
import { useAppServices } from './AppContext.tsx';

/** The organisation's working-day calendar with the mailbox's own opening hours applied. */
export function useMailboxCalendar(entry: RegisterEntry | null): WorkCalendar {
  const { config } = useAppServices();
  const openingHours = entry?.openingHours ?? null;
  return useMemo(
    () =>
      createWorkCalendar(
        openingHours ? mergeCalendarOptions(config.organisation.calendar, { openingHours }) : config.organisation.calendar,
      ),
    [config, openingHours],
  );
}
