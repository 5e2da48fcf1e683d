import type { WorkCalendar } from '../../shared/domain/index.ts';
import { exchangeId, randomFromName } from '../model/ids.ts';
import type { Tenant } from '../tenant.ts';
import { addDays, isoWeekday, localParts, zonedInstant } from '../time.ts';
import type { AutomaticRepliesState, CalendarEventState, UserState } from '../model/types.ts';
import { demoPlantedProblems } from './plantedProblems.ts';

interface Absence {
  upn: string;
  /** Local dates, `to` inclusive. */
  from: string;
  to: string;
  subject: string;
  autoReply: Omit<
    AutomaticRepliesState,
    'scheduledStartDateTime' | 'scheduledEndDateTime' | 'externalAudience'
  > | null;
}

function user(tenant: Tenant, upn: string): UserState {
  const found = tenant.findUser(upn);
  if (!found) throw new Error(`[emulator] Demo data refers to ${upn}, who is not in the tenant.`);
  return found;
}

function addEvent(tenant: Tenant, upn: string, event: Omit<CalendarEventState, 'id'>): void {
  const target = user(tenant, upn);
  const id = exchangeId(
    randomFromName(`event:${upn}:${target.mailbox.events.length}:${event.start}`),
    'item',
  );
  target.mailbox.events.push({ id, ...event });
}

/** The first `count` working days on or after `from`, looking at most six weeks ahead. */
function workingDaysFrom(calendar: WorkCalendar, from: string, count: number): string[] {
  const days: string[] = [];
  for (let date = from, i = 0; days.length < count && i < 42; date = addDays(date, 1), i++) {
    if (calendar.isWorkingDay(date)) days.push(date);
  }
  return days;
}

/**
 * Calendars and automatic replies, relative to `now`, including the planted coverage problems:
 * owner and deputy of one mailbox both away on two working days next week, someone away now
 * without an automatic reply, and an automatic reply that names neither deputy nor mailbox.
 */
export function plantAbsences(tenant: Tenant, calendar: WorkCalendar, now: string): void {
  const zone = calendar.timeZone;
  const today = localParts(now, zone).date;
  const nextMonday = addDays(today, 8 - isoWeekday(today));
  const format = (date: string) =>
    new Intl.DateTimeFormat('sv-SE', { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(
      new Date(`${date}T12:00:00Z`),
    );
  const p = demoPlantedProblems;

  // Next week's working days (looking further when holidays leave fewer than three).
  const [first, overlapStart, overlapEnd, after] = workingDaysFrom(calendar, nextMonday, 4);
  const both = p.ownerAndDeputyAwayNextWeek;
  const absences: Absence[] = [
    {
      upn: both.owner,
      from: first ?? nextMonday,
      to: overlapEnd ?? addDays(nextMonday, 2),
      subject: 'Semester',
      autoReply: {
        status: 'scheduled',
        internalReplyMessage: `Hej! Jag är ledig till och med ${format(overlapEnd ?? nextMonday)}. Under tiden svarar min ersättare Henrik Forsberg (henrik.forsberg@sjoby.example). Frågor om äldreomsorg kan också skickas till ${both.mailbox}.`,
        externalReplyMessage: `Hej! Jag är ledig till och med ${format(overlapEnd ?? nextMonday)}. Skriv till ${both.mailbox} så hjälper mina kollegor dig.`,
      },
    },
    {
      upn: both.deputy,
      from: overlapStart ?? addDays(nextMonday, 1),
      to: after ?? addDays(nextMonday, 4),
      subject: 'Utbildning, heldag',
      autoReply: {
        status: 'scheduled',
        internalReplyMessage: `Hej! Jag är på utbildning till och med ${format(after ?? nextMonday)}. Kontakta Birgitta Nyström eller skriv till ${both.mailbox}.`,
        externalReplyMessage: `Hej! Jag är på utbildning. Skriv till ${both.mailbox}.`,
      },
    },
    {
      upn: p.awayNowWithoutAutoReply.person,
      from: addDays(today, -1),
      to: addDays(today, 1),
      subject: 'Ledig',
      autoReply: null,
    },
    {
      upn: p.autoReplyNamesNeither.person,
      from: addDays(today, -2),
      to: addDays(today, 2),
      subject: 'Semester',
      autoReply: {
        status: 'alwaysEnabled',
        internalReplyMessage:
          'Hej! Jag är på semester och läser inte min e-post förrän jag är tillbaka. Vid brådskande ärenden, ring växeln 0999-10 00 00.',
        externalReplyMessage: 'Hej! Jag är på semester. Vid brådskande ärenden, ring växeln 0999-10 00 00.',
      },
    },
  ];

  // A well-behaved absence for contrast: the bygglov owner is away, names the deputy and mailbox.
  const [oskarFrom, oskarTo] = workingDaysFrom(calendar, addDays(today, 2), 2);
  if (oskarFrom && oskarTo) {
    absences.push({
      upn: 'oskar.nilsson@sjoby.example',
      from: oskarFrom,
      to: oskarTo,
      subject: 'Kurs i plan- och bygglagen',
      autoReply: {
        status: 'scheduled',
        internalReplyMessage: `Hej! Jag är på kurs till och med ${format(oskarTo)}. Min ersättare Elin Berg (elin.berg@sjoby.example) bevakar bygglov@sjoby.example.`,
        externalReplyMessage: 'Hej! Jag är på kurs. Skriv till bygglov@sjoby.example så hjälper vi dig.',
      },
    });
  }

  for (const absence of absences) {
    const start = zonedInstant(absence.from, '00:00', zone);
    const end = zonedInstant(addDays(absence.to, 1), '00:00', zone);
    addEvent(tenant, absence.upn, {
      subject: absence.subject,
      start,
      end,
      status: 'oof',
      isAllDay: true,
      isPrivate: false,
    });
    if (absence.autoReply) {
      user(tenant, absence.upn).mailbox.automaticReplies = {
        ...absence.autoReply,
        externalAudience: 'all',
        scheduledStartDateTime: absence.autoReply.status === 'scheduled' ? start : null,
        scheduledEndDateTime: absence.autoReply.status === 'scheduled' ? end : null,
      };
    }
  }

  // Ordinary meetings, so calendars are not empty apart from absences.
  for (const upn of [
    'elin.berg@sjoby.example',
    'anna.johansson@sjoby.example',
    'lena.sjoberg@sjoby.example',
    'erik.dahl@sjoby.example',
  ]) {
    for (const [date, from, to, subject] of [
      [today, '13:00', '14:00', 'Arbetsplatsträff'],
      [addDays(today, 1), '09:00', '10:30', 'Ärendegenomgång'],
    ] as const) {
      addEvent(tenant, upn, {
        subject,
        start: zonedInstant(date, from, zone),
        end: zonedInstant(date, to, zone),
        status: 'busy',
        isAllDay: false,
        isPrivate: false,
      });
    }
  }

  // Function mailboxes may answer automatically too; this one does so correctly.
  user(tenant, 'forskola@sjoby.example').mailbox.automaticReplies = {
    status: 'alwaysEnabled',
    externalAudience: 'all',
    scheduledStartDateTime: null,
    scheduledEndDateTime: null,
    internalReplyMessage: 'Tack för ditt mejl till Förskoleplacering. Vi svarar inom en arbetsdag.',
    externalReplyMessage:
      'Tack för ditt mejl till Förskoleplacering i Sjöby kommun. Vi svarar inom en arbetsdag. Ange inte personnummer i e-post.',
  };
}
