import type { CalendarEventState, FreeBusyStatus, UserState } from '../model/types.ts';
import { errors, fail, graphError, json, ok } from '../pipeline/respond.ts';
import type { GraphErrorBody, Outcome } from '../pipeline/respond.ts';
import type { GraphContext, RouteDefinition } from '../pipeline/types.ts';
import { instantOfDateTimeTimeZone, toZonedDateTimeTimeZone } from '../time.ts';
import { readMailboxAction } from './mailboxAction.ts';
import { timeZonePreferenceApplied } from './timeZonePreference.ts';
import type { OutputZone } from './timeZonePreference.ts';

/**
 * `POST /users/{id}/calendar/getSchedule` (and `/me/calendar/getSchedule`): free/busy of up to 20
 * people, rooms or mailboxes over a window shorter than 62 days, with an `availabilityView` of
 * 5–1440-minute slots ('0' free, '1' tentative, '2' busy, '3' oof, '4' working elsewhere; a slot
 * shows the strongest status overlapping it: oof > busy > working elsewhere > tentative > free).
 * Times are UTC unless `Prefer: outlook.timezone` names a zone. An unknown address is an entry with
 * `error` (`responseCode: "5009"`, as Exchange answers), not a failed call.
 */

export const scheduleLimits = { schedules: 20, windowDays: 62, minInterval: 5, maxInterval: 1440 } as const;

const MINUTE = 60_000;

interface ScheduleRequest {
  schedules: string[];
  startMs: number;
  endMs: number;
  interval: number;
}

function property(body: Record<string, unknown>, name: string): unknown {
  const key = Object.keys(body).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : body[key];
}

const invalidInterval: GraphErrorBody = {
  status: 400,
  code: 'ErrorInvalidMergedFreeBusyInterval',
  message:
    'The specified merged free/busy interval is not valid. Specify an interval that is less than the free/busy time window and  between 5 and 1440 minutes.',
};

const invalidWindow = (detail: string): GraphErrorBody => ({
  status: 400,
  code: 'ErrorInvalidTimeInterval',
  message: `The time duration specified for FreeBusyViewOptions.TimeWindow is invalid. ${detail}`,
});

function parseRequest(body: Record<string, unknown>): Outcome<ScheduleRequest> {
  const schedules = property(body, 'schedules');
  if (!Array.isArray(schedules) || schedules.length === 0 || !schedules.every((s) => typeof s === 'string'))
    return fail(errors.badRequest('schedules must be a non-empty array of SMTP addresses.'));
  if (schedules.length > scheduleLimits.schedules)
    return fail({
      status: 400,
      code: 'ErrorInvalidParameter',
      message: `Too many schedules (${schedules.length}): getSchedule accepts at most ${scheduleLimits.schedules} addresses per call.`,
    });
  const times: number[] = [];
  for (const name of ['startTime', 'endTime']) {
    const value = property(body, name);
    const instant =
      typeof value === 'object' && value !== null
        ? instantOfDateTimeTimeZone(value as Record<string, unknown>)
        : null;
    if (!instant)
      return fail(
        errors.badRequest(
          `${name} must be a dateTimeTimeZone such as {"dateTime": "2026-11-17T08:00:00", "timeZone": "W. Europe Standard Time"}.`,
        ),
      );
    times.push(Date.parse(instant));
  }
  const [startMs = 0, endMs = 0] = times;
  if (endMs <= startMs) return fail(invalidWindow('endTime must be after startTime.'));
  if (endMs - startMs >= scheduleLimits.windowDays * 24 * 60 * MINUTE)
    return fail(invalidWindow(`The window must be shorter than ${scheduleLimits.windowDays} days.`));
  const rawInterval = property(body, 'availabilityViewInterval');
  const interval = rawInterval === undefined || rawInterval === null ? 30 : rawInterval;
  if (
    typeof interval !== 'number' ||
    !Number.isInteger(interval) ||
    interval < scheduleLimits.minInterval ||
    interval > scheduleLimits.maxInterval ||
    interval * MINUTE > endMs - startMs
  )
    return fail(invalidInterval);
  return ok({ schedules: schedules as string[], startMs, endMs, interval });
}

const viewCode: Record<FreeBusyStatus, string> = {
  free: '0',
  tentative: '1',
  busy: '2',
  oof: '3',
  workingElsewhere: '4',
  unknown: '0',
};
/** How strongly a status shows in a slot that several events overlap. */
const strength: Record<FreeBusyStatus, number> = {
  unknown: 0,
  free: 0,
  tentative: 1,
  workingElsewhere: 2,
  busy: 3,
  oof: 4,
};

function availabilityView(events: CalendarEventState[], request: ScheduleRequest): string {
  const slots = Math.ceil((request.endMs - request.startMs) / (request.interval * MINUTE));
  let view = '';
  for (let i = 0; i < slots; i++) {
    const from = request.startMs + i * request.interval * MINUTE;
    const to = Math.min(request.endMs, from + request.interval * MINUTE);
    let status: FreeBusyStatus = 'free';
    for (const event of events) {
      if (
        Date.parse(event.start) < to &&
        Date.parse(event.end) > from &&
        strength[event.status] > strength[status]
      )
        status = event.status;
    }
    view += viewCode[status];
  }
  return view;
}

function scheduleInformation(user: UserState, address: string, request: ScheduleRequest, zone: OutputZone) {
  const events = user.mailbox.events
    .filter((e) => Date.parse(e.start) < request.endMs && Date.parse(e.end) > request.startMs)
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || (a.id < b.id ? -1 : 1));
  const hours = user.mailbox.workingHours;
  return {
    scheduleId: address,
    availabilityView: availabilityView(events, request),
    scheduleItems: events.map((event) => {
      const item: Record<string, unknown> = { isPrivate: event.isPrivate, status: event.status };
      // Private events show their time only.
      if (!event.isPrivate) item.subject = event.subject;
      item.start = toZonedDateTimeTimeZone(event.start, zone);
      item.end = toZonedDateTimeTimeZone(event.end, zone);
      return item;
    }),
    workingHours: {
      daysOfWeek: [...hours.daysOfWeek],
      startTime: hours.startTime,
      endTime: hours.endTime,
      timeZone: { name: hours.timeZone },
    },
  };
}

async function getSchedule(context: GraphContext): Promise<Response> {
  const action = await readMailboxAction(context, parseRequest);
  if (!action.ok) return graphError(context, action.error);
  const { request, zone } = action.value;
  const value = request.schedules.map((address) => {
    const found = context.tenant.findUser(address.trim());
    return found
      ? scheduleInformation(found, address, request, zone)
      : {
          scheduleId: address,
          error: {
            message: `Unable to resolve e-mail address ${address} to an Active Directory object.`,
            responseCode: '5009',
          },
        };
  });
  return json(
    {
      '@odata.context': `${context.serviceRoot}/$metadata#Collection(microsoft.graph.scheduleInformation)`,
      value,
    },
    { headers: timeZonePreferenceApplied(zone) },
  );
}

export const scheduleRoutes: RouteDefinition[] = [
  {
    name: 'calendar.getSchedule',
    method: 'POST',
    path: '/users/{userId}/calendar/getSchedule',
    handle: getSchedule,
  },
];
