import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPlantedProblems, startEmulator } from '../../emulator/index.ts';
import type { RunningEmulator } from '../../emulator/index.ts';

/** getMailTips (automatic replies) and calendar/getSchedule (free/busy), with their limits. */

type Json = Record<string, unknown>;
const NOW = '2026-11-17T10:00:00+01:00'; // Tuesday
let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, seed: 2, now: NOW, clock: () => '2026-11-17T09:00:00Z' });
});
afterAll(async () => {
  await emulator?.close();
});

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${emulator.url}${path}`, {
    method: 'POST',
    headers: { Authorization: 'Bearer demo', 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { response, status: response.status, body: (await response.json()) as Json };
}

const values = (body: Json) => body.value as Json[];
const utc = (instant: string) => ({
  dateTime: new Date(instant).toISOString().replace(/Z$/, '0000'),
  timeZone: 'UTC',
});

describe('getMailTips', () => {
  const tips = (addresses: string[], headers: Record<string, string> = {}) =>
    post('/me/getMailTips', { EmailAddresses: addresses, MailTipsOptions: 'automaticReplies' }, headers);

  it('gives each recipient’s automatic reply: scheduled, always on, off, and an error for an unknown one', async () => {
    const scheduled = 'oskar.nilsson@sjoby.example';
    const always = demoPlantedProblems.autoReplyNamesNeither.person;
    const { status, body } = await tips([
      scheduled,
      always,
      'elin.berg@sjoby.example',
      'nobody@sjoby.example',
    ]);
    expect(status).toBe(200);
    expect(body['@odata.context']).toMatch(/\$metadata#Collection\(microsoft\.graph\.mailTips\)$/);
    const [a, b, c, d] = values(body);
    const oskar = emulator.tenant.findUser(scheduled)?.mailbox.automaticReplies;
    expect(a).toEqual({
      emailAddress: { name: '', address: scheduled },
      automaticReplies: {
        message: expect.stringContaining('Elin Berg (elin.berg@sjoby.example) bevakar bygglov@sjoby.example'),
        messageLanguage: { locale: 'sv-SE', displayName: 'Swedish (Sweden)' },
        scheduledStartTime: utc(String(oskar?.scheduledStartDateTime)),
        scheduledEndTime: utc(String(oskar?.scheduledEndDateTime)),
      },
    });
    // The absence starts after now: the tip still announces it.
    expect(Date.parse(String(oskar?.scheduledStartDateTime))).toBeGreaterThan(Date.parse(NOW));
    expect(String((a?.automaticReplies as Json).message)).toMatch(/^<html>/);
    expect(b?.automaticReplies).toEqual({
      message: expect.stringContaining('ring växeln'),
      messageLanguage: { locale: 'sv-SE', displayName: 'Swedish (Sweden)' },
    });
    expect(c).toEqual({
      emailAddress: { name: '', address: 'elin.berg@sjoby.example' },
      automaticReplies: { message: '' },
    });
    expect(d).toEqual({
      emailAddress: { name: '', address: 'nobody@sjoby.example' },
      error: { code: 'UnknownRecipient', message: expect.stringContaining('nobody@sjoby.example') },
    });
  });

  it('answers a scheduled reply whose end has passed as no reply, and accepts camelCase keys', async () => {
    const person = emulator.tenant.findUser('ida.magnusson@sjoby.example');
    if (!person) throw new Error('no ida');
    person.mailbox.automaticReplies = {
      ...person.mailbox.automaticReplies,
      status: 'scheduled',
      scheduledStartDateTime: '2026-11-01T07:00:00Z',
      scheduledEndDateTime: '2026-11-10T07:00:00Z',
      internalReplyMessage: 'Jag var ledig.',
    };
    const { body } = await post('/me/getMailTips', {
      emailAddresses: ['ida.magnusson@sjoby.example', 'forskola@sjoby.example'],
      mailTipsOptions: 'automaticReplies, mailboxFullStatus',
    });
    expect(values(body)[0]).toEqual({
      emailAddress: { name: '', address: 'ida.magnusson@sjoby.example' },
      automaticReplies: { message: '' },
      mailboxFull: false,
    });
    expect(String((values(body)[1]?.automaticReplies as Json).message)).toMatch(/Förskoleplacering/);
  });

  it('writes scheduled times in the zone of Prefer: outlook.timezone', async () => {
    const { body, response } = await tips(['oskar.nilsson@sjoby.example'], {
      Prefer: 'outlook.timezone="W. Europe Standard Time"',
    });
    const reply = values(body)[0]?.automaticReplies as Json;
    expect(reply.scheduledStartTime).toEqual({
      dateTime: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T00:00:00\.0000000$/),
      timeZone: 'W. Europe Standard Time',
    });
    expect(response.headers.get('Preference-Applied')).toBe('outlook.timezone="W. Europe Standard Time"');
  });

  it('refuses a malformed request and a mailbox the caller cannot open', async () => {
    expect((await post('/me/getMailTips', { MailTipsOptions: 'automaticReplies' })).status).toBe(400);
    expect(
      (await post('/me/getMailTips', { EmailAddresses: ['a@b.se'], MailTipsOptions: 'moderationStatus' }))
        .status,
    ).toBe(400);
    const body = { EmailAddresses: ['elin.berg@sjoby.example'], MailTipsOptions: 'automaticReplies' };
    expect((await post('/users/bygglov@sjoby.example/getMailTips', body)).status).toBe(200);
    expect((await post('/users/socialtjanst@sjoby.example/getMailTips', body)).status).toBe(403);
  });
});

describe('getSchedule', () => {
  const window = (start: string, end: string, zone = 'W. Europe Standard Time') => ({
    startTime: { dateTime: start, timeZone: zone },
    endTime: { dateTime: end, timeZone: zone },
  });

  /** The availability view computed from the tenant's events, independently of the emulator. */
  function expectedView(upn: string, startMs: number, endMs: number, interval: number): string {
    const events = emulator.tenant.findUser(upn)?.mailbox.events ?? [];
    const rank = { free: 0, unknown: 0, tentative: 1, workingElsewhere: 2, busy: 3, oof: 4 } as const;
    const code = {
      free: '0',
      unknown: '0',
      tentative: '1',
      workingElsewhere: '4',
      busy: '2',
      oof: '3',
    } as const;
    let view = '';
    for (let from = startMs; from < endMs; from += interval * 60_000) {
      const to = Math.min(endMs, from + interval * 60_000);
      let status: keyof typeof rank = 'free';
      for (const e of events)
        if (Date.parse(e.start) < to && Date.parse(e.end) > from && rank[e.status] > rank[status])
          status = e.status;
      view += code[status];
    }
    return view;
  }

  it('gives schedule items, an availability view consistent with them, and working hours', async () => {
    const people = [
      'elin.berg@sjoby.example',
      demoPlantedProblems.awayNowWithoutAutoReply.person,
      demoPlantedProblems.ownerAndDeputyAwayNextWeek.owner,
      demoPlantedProblems.ownerAndDeputyAwayNextWeek.deputy,
      'bygglov@sjoby.example',
    ];
    const { status, body } = await post('/me/calendar/getSchedule', {
      schedules: people,
      ...window('2026-11-16T00:00:00', '2026-11-30T00:00:00'),
      availabilityViewInterval: 30,
    });
    expect(status).toBe(200);
    const startMs = Date.parse('2026-11-15T23:00:00Z');
    const endMs = Date.parse('2026-11-29T23:00:00Z');
    for (const [index, upn] of people.entries()) {
      const info = values(body)[index] as Json;
      expect(info.scheduleId).toBe(upn);
      expect(info.availabilityView).toBe(expectedView(upn, startMs, endMs, 30));
      expect(String(info.availabilityView)).toHaveLength(14 * 48);
      expect(info.workingHours).toEqual({
        daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
        startTime: '08:00:00.0000000',
        endTime: '17:00:00.0000000',
        timeZone: { name: 'W. Europe Standard Time' },
      });
      const events = emulator.tenant.findUser(upn)?.mailbox.events ?? [];
      expect((info.scheduleItems as Json[]).map((i) => i.status)).toEqual(events.map((e) => e.status));
    }
    const hanna = values(body)[1] as Json;
    expect(String(hanna.availabilityView)).toContain('3');
    expect((hanna.scheduleItems as Json[])[0]).toEqual({
      isPrivate: false,
      status: 'oof',
      subject: 'Ledig',
      start: utc(
        String(
          emulator.tenant.findUser(demoPlantedProblems.awayNowWithoutAutoReply.person)?.mailbox.events[0]
            ?.start,
        ),
      ),
      end: utc(
        String(
          emulator.tenant.findUser(demoPlantedProblems.awayNowWithoutAutoReply.person)?.mailbox.events[0]
            ?.end,
        ),
      ),
    });
    expect(values(body)[4]?.availabilityView).toMatch(/^0+$/);
  });

  it('writes local times under Prefer: outlook.timezone, UTC otherwise', async () => {
    const request = {
      schedules: ['elin.berg@sjoby.example'],
      ...window('2026-11-17T08:00:00', '2026-11-17T17:00:00'),
      availabilityViewInterval: 60,
    };
    const local = await post('/me/calendar/getSchedule', request, {
      Prefer: 'outlook.timezone="W. Europe Standard Time"',
    });
    const items = (values(local.body)[0]?.scheduleItems ?? []) as Json[];
    expect(items[0]).toMatchObject({
      status: 'busy',
      subject: 'Arbetsplatsträff',
      start: { dateTime: '2026-11-17T13:00:00.0000000', timeZone: 'W. Europe Standard Time' },
      end: { dateTime: '2026-11-17T14:00:00.0000000', timeZone: 'W. Europe Standard Time' },
    });
    expect(values(local.body)[0]?.availabilityView).toBe('000002000');
    const plain = await post('/me/calendar/getSchedule', request);
    expect(((values(plain.body)[0]?.scheduleItems ?? []) as Json[])[0]?.start).toEqual({
      dateTime: '2026-11-17T12:00:00.0000000',
      timeZone: 'UTC',
    });
  });

  it('answers an unknown address with an error entry, not a failed call', async () => {
    const { status, body } = await post('/me/calendar/getSchedule', {
      schedules: ['nobody@sjoby.example', 'elin.berg@sjoby.example'],
      ...window('2026-11-17T00:00:00', '2026-11-18T00:00:00'),
    });
    expect(status).toBe(200);
    expect(values(body)[0]).toEqual({
      scheduleId: 'nobody@sjoby.example',
      error: {
        message: 'Unable to resolve e-mail address nobody@sjoby.example to an Active Directory object.',
        responseCode: '5009',
      },
    });
    expect(String(values(body)[1]?.availabilityView)).toHaveLength(48);
  });

  it('enforces Graph’s limits: 20 schedules, a window under 62 days, intervals of 5–1440 minutes', async () => {
    const one = ['elin.berg@sjoby.example'];
    const ok = await post('/me/calendar/getSchedule', {
      schedules: Array.from({ length: 20 }, () => 'elin.berg@sjoby.example'),
      ...window('2026-11-16T00:00:00', '2027-01-15T00:00:00'),
      availabilityViewInterval: 1440,
    });
    expect(ok.status).toBe(200);
    const cases: Array<[unknown, string]> = [
      [
        {
          schedules: Array.from({ length: 21 }, () => one[0]),
          ...window('2026-11-16T00:00:00', '2026-11-17T00:00:00'),
        },
        'ErrorInvalidParameter',
      ],
      [
        { schedules: one, ...window('2026-11-16T00:00:00', '2027-01-17T00:00:00') },
        'ErrorInvalidTimeInterval',
      ],
      [
        { schedules: one, ...window('2026-11-17T00:00:00', '2026-11-16T00:00:00') },
        'ErrorInvalidTimeInterval',
      ],
      [
        {
          schedules: one,
          ...window('2026-11-16T00:00:00', '2026-11-17T00:00:00'),
          availabilityViewInterval: 4,
        },
        'ErrorInvalidMergedFreeBusyInterval',
      ],
      [
        {
          schedules: one,
          ...window('2026-11-16T00:00:00', '2026-11-20T00:00:00'),
          availabilityViewInterval: 1441,
        },
        'ErrorInvalidMergedFreeBusyInterval',
      ],
      [
        {
          schedules: one,
          ...window('2026-11-16T00:00:00', '2026-11-16T01:00:00'),
          availabilityViewInterval: 90,
        },
        'ErrorInvalidMergedFreeBusyInterval',
      ],
      [{ schedules: [], ...window('2026-11-16T00:00:00', '2026-11-17T00:00:00') }, 'BadRequest'],
      [{ schedules: one, startTime: '2026-11-16', endTime: '2026-11-17' }, 'BadRequest'],
    ];
    for (const [request, code] of cases) {
      const { status, body } = await post('/me/calendar/getSchedule', request);
      expect(status, JSON.stringify(request).slice(0, 120)).toBe(400);
      expect((body.error as Json).code).toBe(code);
    }
  });
});
