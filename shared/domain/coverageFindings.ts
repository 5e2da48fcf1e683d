import { autoReplyMentions } from './autoReplyMentions.ts';
import type {
  CoverageFinding,
  CoverageGridRow,
  CoveragePersonRef,
  CoverageResult,
} from './CoverageFinding.ts';
import type { AutoReplyState, CoverageInput } from './CoverageInput.ts';
import { createWorkCalendar } from './createWorkCalendar.ts';
import type { WorkCalendar } from './createWorkCalendar.ts';
import { coverageGaps } from './coverageGaps.ts';
import { intersectIntervals, overlapsAny, unionIntervals } from './intervalSet.ts';
import type { Interval } from './intervalSet.ts';
import { mergeCalendarOptions } from './mergeCalendarOptions.ts';
import type { MailboxRole, RegisterEntry } from './parseRegisterEntry.ts';
import { parseInstantMs } from './parseInstantMs.ts';
import { workingDaysAhead } from './workingDaysAhead.ts';
import type { WorkingDayHours } from './workingDaysAhead.ts';

const MS_PER_DAY = 86_400_000;
const EVER: Interval = [-Infinity, Infinity];

/** What is known about one owner or deputy, independent of the mailbox. */
interface PersonState {
  ref: CoveragePersonRef;
  status: 'active' | 'notFound' | 'disabled';
  /** Out-of-office intervals (getSchedule `oof`), merged. */
  absences: Interval[];
  /** Undefined when the automatic reply is unknown. */
  reply: AutoReplyState | undefined;
  /** When the automatic reply is on; null when it is off or unknown. */
  replyWindow: Interval | null;
  /** When the person cannot cover: absences and automatic-reply window; always, if not found or disabled. */
  away: Interval[];
}

interface Nominee {
  person: PersonState;
  role: MailboxRole;
}

function byAddress<T>(record: Readonly<Record<string, T>>): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const [key, value] of Object.entries(record)) {
    const address = key.trim().toLowerCase();
    map.set(address, [...(map.get(address) ?? []), value]);
  }
  return map;
}

function instantMs(text: string | undefined, where: string): number {
  try {
    return parseInstantMs(text as string);
  } catch (error) {
    throw new RangeError(`coverageFindings: ${where}: ${(error as Error).message}`, { cause: error });
  }
}

function wholeNumber(value: number | undefined, fallback: number, name: string, min: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min) {
    throw new RangeError(
      `coverageFindings: expected \`${name}\` to be a whole number ≥ ${min}, such as ${fallback}; got ${value}.`,
    );
  }
  return value;
}

/** The part of a working day the grid and the gaps look at: its opening hours from now on. */
function hoursAhead(day: WorkingDayHours, nowMs: number): Interval {
  return [Math.max(day.openMs, nowMs), day.closeMs];
}

/**
 * The coverage check of rules.md §4 (R3, R4, R9) for every mailbox of the register, as findings and a
 * day-by-day grid over the next `workingDays` working days of each mailbox's calendar. Pure: `now`, the
 * calendars and the directory, calendar and mail-tips data are all arguments.
 *
 * Decisions beyond the rules:
 * - Away means: within an out-of-office interval, or while an automatic reply is on — a scheduled one
 *   from its start to its end, one that is always on from now for the whole horizon (its end is not
 *   known). An owner or deputy who is not found or whose account is disabled cannot cover either, and
 *   counts as away throughout.
 * - Gaps are only reported for two different people. A missing deputy, or the owner named deputy, is
 *   already an error of its own; the one person's absences then show as `oneAway` in the grid.
 * - The horizon starts at `now`: today counts when it is a working day that has not closed, and the
 *   grid's today only looks at the opening hours still ahead.
 * - `awayWithoutAutoReply` looks at out-of-office intervals only, and needs the person's automatic
 *   reply to be known (present in `autoReplies`).
 *
 * Invalid instants in the input throw a RangeError that names the input (`absences["a@b.se"][0].end`).
 */
export function coverageFindings(input: CoverageInput): CoverageResult {
  const nowMs = instantMs(input.now, 'now');
  const workingDays = wholeNumber(input.workingDays, 10, 'workingDays', 0);
  const dormantAfterDays = wholeNumber(input.dormantAfterDays, 60, 'dormantAfterDays', 1);
  const people = byAddress(input.people);
  const absences = byAddress(input.absences);
  const autoReplies = byAddress(input.autoReplies);
  const lastIncoming = byAddress(input.lastIncoming);

  const ownCalendars = new Map<string, WorkCalendar>();
  const calendarFor =
    input.calendarFor ??
    ((entry: RegisterEntry) => {
      if (!entry.openingHours) return input.calendar;
      const key = JSON.stringify(entry.openingHours);
      let calendar = ownCalendars.get(key);
      if (!calendar) {
        calendar = createWorkCalendar(
          mergeCalendarOptions(input.calendar.options, { openingHours: entry.openingHours }),
        );
        ownCalendars.set(key, calendar);
      }
      return calendar;
    });

  const states = new Map<string, PersonState>();
  const personState = (address: string): PersonState => {
    const known = states.get(address);
    if (known) return known;
    const info = people.get(address)?.[0];
    const status = !info?.found ? 'notFound' : info.accountEnabled === false ? 'disabled' : 'active';
    const personAbsences = unionIntervals(
      (absences.get(address) ?? [])
        .flat()
        .map((absence, i): Interval => [
          instantMs(absence.start, `absences["${address}"][${i}].start`),
          instantMs(absence.end, `absences["${address}"][${i}].end`),
        ]),
    );
    const reply = autoReplies.get(address)?.[0];
    let replyWindow: Interval | null = null;
    if (reply?.status === 'alwaysEnabled') replyWindow = [nowMs, Infinity];
    if (reply?.status === 'scheduled') {
      replyWindow = [
        reply.start === undefined ? -Infinity : instantMs(reply.start, `autoReplies["${address}"].start`),
        reply.end === undefined ? Infinity : instantMs(reply.end, `autoReplies["${address}"].end`),
      ];
    }
    const state: PersonState = {
      ref: { address, name: info?.displayName.trim() || address },
      status,
      absences: personAbsences,
      reply,
      replyWindow,
      away:
        status === 'active'
          ? unionIntervals(replyWindow ? [...personAbsences, replyWindow] : personAbsences)
          : [EVER],
    };
    states.set(address, state);
    return state;
  };

  const findings: CoverageFinding[] = [];
  const grid: CoverageGridRow[] = [];
  for (const entry of input.entries) {
    const mailbox = entry.address.trim().toLowerCase();
    const base = { mailbox, mailboxName: entry.displayName };
    const ownerAddress = entry.owner?.trim().toLowerCase() || null;
    const deputyAddress = entry.deputy?.trim().toLowerCase() || null;
    const owner = ownerAddress === null ? null : personState(ownerAddress);
    // The owner named deputy is one person: their findings and absences count once.
    const deputy =
      deputyAddress === null || deputyAddress === ownerAddress ? null : personState(deputyAddress);
    const nominees: Nominee[] = [];
    if (owner) nominees.push({ person: owner, role: 'owner' });
    if (deputy) nominees.push({ person: deputy, role: 'deputy' });

    if (!owner) findings.push({ ...base, kind: 'noOwner', severity: 'error' });
    if (deputyAddress === null)
      findings.push({ ...base, kind: 'noDeputy', severity: 'error', owner: owner?.ref ?? null });
    else if (owner && !deputy)
      findings.push({ ...base, kind: 'ownerIsDeputy', severity: 'error', person: owner.ref });
    for (const { person, role } of nominees) {
      if (person.status === 'notFound')
        findings.push({ ...base, ...person.ref, role, kind: 'personNotFound', severity: 'error' });
      if (person.status === 'disabled')
        findings.push({ ...base, ...person.ref, role, kind: 'personDisabled', severity: 'error' });
    }

    const calendar = calendarFor(entry);
    const days = workingDaysAhead(calendar, nowMs, workingDays);
    const horizonEndMs = days[days.length - 1]?.closeMs ?? nowMs;
    const bothAway = owner && deputy ? intersectIntervals(owner.away, deputy.away) : [];
    for (const gap of coverageGaps(bothAway, calendar, nowMs, horizonEndMs)) {
      findings.push({
        ...base,
        kind: 'bothAway',
        severity: 'error',
        owner: owner!.ref,
        deputy: deputy!.ref,
        start: calendar.formatInstant(gap.start),
        end: calendar.formatInstant(gap.end),
        openMinutes: calendar.openDurationMs(gap.start, gap.end) / 60_000,
        dates: days
          .filter((day) => overlapsAny([[gap.start, gap.end]], ...hoursAhead(day, nowMs)))
          .map((day) => day.date),
        endsAfterHorizon: gap.endsAfterHorizon,
      });
    }

    for (const { person, role } of nominees) {
      if (person.status !== 'active' || person.reply === undefined) continue;
      const replyOn = person.replyWindow;
      const absence = person.absences.find(([start, end]) => start <= nowMs && nowMs < end);
      if (absence && !(replyOn && replyOn[0] <= nowMs && nowMs < replyOn[1])) {
        findings.push({
          ...base,
          ...person.ref,
          role,
          kind: 'awayWithoutAutoReply',
          severity: 'error',
          awayFrom: calendar.formatInstant(absence[0]),
          awayUntil: calendar.formatInstant(absence[1]),
        });
      }
      const other = nominees.find((nominee) => nominee.person !== person)?.person.ref ?? null;
      if (
        replyOn &&
        replyOn[1] > nowMs &&
        (person.reply.status === 'alwaysEnabled' || person.reply.status === 'scheduled') &&
        !autoReplyMentions(
          person.reply.message,
          other ? [other.name] : [],
          other ? [other.address, mailbox] : [mailbox],
        )
      ) {
        findings.push({
          ...base,
          ...person.ref,
          role,
          kind: 'autoReplyNamesNeitherDeputyNorMailbox',
          severity: 'warning',
          autoReply: {
            status: person.reply.status,
            start:
              Number.isFinite(replyOn[0]) && person.reply.status === 'scheduled'
                ? calendar.formatInstant(replyOn[0])
                : null,
            end: Number.isFinite(replyOn[1]) ? calendar.formatInstant(replyOn[1]) : null,
          },
          shouldName: other,
        });
      }
    }

    const newest = lastIncoming.get(mailbox);
    if (newest) {
      const received = newest[0] ?? null;
      const receivedMs = received === null ? null : instantMs(received, `lastIncoming["${mailbox}"]`);
      if (receivedMs === null || nowMs - receivedMs >= dormantAfterDays * MS_PER_DAY) {
        findings.push({
          ...base,
          kind: 'dormantMailbox',
          severity: 'warning',
          lastIncoming: receivedMs === null ? null : calendar.formatInstant(receivedMs),
          daysWithoutMail: receivedMs === null ? null : Math.floor((nowMs - receivedMs) / MS_PER_DAY),
          dormantAfterDays,
        });
      }
    }

    grid.push({
      mailbox,
      people: nominees.map(({ person }) => person.ref.address),
      days: days.map((day) => {
        const [from, to] = hoursAhead(day, nowMs);
        const away = nominees
          .filter(({ person }) => overlapsAny(person.away, from, to))
          .map(({ person }) => person.ref.address);
        const status = overlapsAny(bothAway, from, to) ? 'bothAway' : away.length > 0 ? 'oneAway' : 'covered';
        return { date: day.date, status, away };
      }),
    });
  }

  const rank = { error: 0, warning: 1 } as const;
  findings.sort(
    (a, b) =>
      rank[a.severity] - rank[b.severity] || (a.mailbox < b.mailbox ? -1 : a.mailbox > b.mailbox ? 1 : 0),
  );
  return { findings, grid };
}
