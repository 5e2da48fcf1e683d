export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/** Monday first, as in Sweden (ISO 8601); index = the engine's weekday number. */
export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/**
 * How an organisation (or one mailbox) keeps office hours. Every field is optional; see
 * `DEFAULT_CALENDAR_OPTIONS` for the defaults of rules.md §2.
 */
export interface WorkCalendarOptions {
  /** IANA time zone all day arithmetic happens in. Default `Europe/Stockholm`. */
  timeZone?: string;
  /**
   * `HH:MM-HH:MM` (open before close, same day) or `null` for closed, per weekday. A partial object
   * overrides only the days it names. A weekday with opening hours is a working day unless it is a
   * holiday, an eve or a closed date — so `sat: '10:00-14:00'` makes ordinary Saturdays working days.
   */
  openingHours?: Partial<Record<Weekday, string | null>>;
  /** Extra non-working days (klämdagar), `YYYY-MM-DD`. */
  closedDates?: string[];
  /** `YYYY-MM-DD` → closing time `HH:MM` on that day, e.g. `{ "2026-01-05": "12:00" }` (trettondagsafton). */
  shortDays?: Record<string, string>;
  /** Whether midsommarafton, julafton and nyårsafton are working days. Default `false`. */
  evesAreWorkingDays?: boolean;
}

/** The options a calendar actually uses: the given ones with every default filled in. */
export interface ResolvedCalendarOptions {
  timeZone: string;
  openingHours: Record<Weekday, string | null>;
  closedDates: string[];
  shortDays: Record<string, string>;
  evesAreWorkingDays: boolean;
}

/** The defaults of rules.md §2. */
export const DEFAULT_CALENDAR_OPTIONS = Object.freeze({
  timeZone: 'Europe/Stockholm',
  openingHours: Object.freeze<Record<Weekday, string | null>>({
    mon: '08:00-17:00',
    tue: '08:00-17:00',
    wed: '08:00-17:00',
    thu: '08:00-17:00',
    fri: '08:00-17:00',
    sat: null,
    sun: null,
  }),
  closedDates: Object.freeze<string[]>([]),
  shortDays: Object.freeze<Record<string, string>>({}),
  evesAreWorkingDays: false,
});
