import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chunk, getAbsences, getAutomaticReplies, splitWindow } from './absences.ts';
import { createBatchRunner } from './batch.ts';
import { createLimiter } from './concurrency.ts';
import { fakeBatchEndpoint, instantTimers, testClient } from './testing.fixture.ts';
import type { PartAnswer, SentPart } from './testing.fixture.ts';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function runnerAnswering(answer: (part: SentPart) => PartAnswer) {
  const endpoint = fakeBatchEndpoint(answer);
  server.use(endpoint.handler);
  const runner = createBatchRunner({
    client: testClient(),
    limiter: createLimiter(4),
    timers: instantTimers(),
    retry: { maxAttempts: 1 },
  });
  return { endpoint, runner };
}

const people = (n: number) => Array.from({ length: n }, (_, i) => `person${i}@sjoby.example`);
const DAY = 86_400_000;

describe('chunk and splitWindow', () => {
  it('cuts 45 addresses into chunks of 20, 20 and 5', () => {
    expect(chunk(people(45), 20).map((c) => c.length)).toEqual([20, 20, 5]);
  });

  it('cuts a 90-day window into pieces under 62 days', () => {
    const start = Date.UTC(2026, 10, 1);
    const windows = splitWindow(start, start + 90 * DAY);
    expect(windows.map(([from, to]) => (to - from) / DAY)).toEqual([61, 29]);
    expect(windows[1]?.[0]).toBe(windows[0]?.[1]);
  });
});

describe('getAutomaticReplies', () => {
  it('asks for mail tips in chunks of 20 inside $batch and reports unknown addresses per person', async () => {
    const { endpoint, runner } = runnerAnswering((part) => {
      const body = part.body as { EmailAddresses: string[]; MailTipsOptions: string };
      return {
        status: 200,
        body: {
          value: body.EmailAddresses.map((address) =>
            address === 'person7@sjoby.example'
              ? {
                  emailAddress: { address },
                  error: { code: 'UnknownRecipient', message: 'No such recipient' },
                }
              : {
                  emailAddress: { address },
                  automaticReplies: {
                    message:
                      address === 'person0@sjoby.example'
                        ? 'Jag är ledig, kontakta bygglov@sjoby.example'
                        : '',
                    scheduledStartTime: { dateTime: '2026-11-16T07:00:00.0000000', timeZone: 'UTC' },
                    scheduledEndTime: { dateTime: '2026-11-20T16:00:00.0000000', timeZone: 'UTC' },
                  },
                },
          ),
        },
      };
    });
    const results = await getAutomaticReplies(runner, people(45));
    expect(endpoint.batches).toHaveLength(1);
    expect(
      endpoint.batches[0]?.map((p) => [
        p.method,
        p.url,
        (p.body as { EmailAddresses: string[] }).EmailAddresses.length,
      ]),
    ).toEqual([
      ['POST', '/me/getMailTips', 20],
      ['POST', '/me/getMailTips', 20],
      ['POST', '/me/getMailTips', 5],
    ]);
    expect(results).toHaveLength(45);
    expect(results[0]).toEqual({
      address: 'person0@sjoby.example',
      automaticReplies: {
        message: 'Jag är ledig, kontakta bygglov@sjoby.example',
        scheduledStart: '2026-11-16T07:00:00Z',
        scheduledEnd: '2026-11-20T16:00:00Z',
      },
      error: null,
    });
    expect(results[7]).toEqual({
      address: 'person7@sjoby.example',
      automaticReplies: null,
      error: { code: 'UnknownRecipient', message: 'No such recipient' },
    });
    expect(results.filter((r) => r.error).length).toBe(1);
  });

  it('reports a chunk that failed for each of its people, and keeps the others', async () => {
    const { runner } = runnerAnswering((part) =>
      (part.body as { EmailAddresses: string[] }).EmailAddresses.includes('person20@sjoby.example')
        ? { status: 500, body: { error: { code: 'InternalServerError', message: 'Oops' } } }
        : { status: 200, body: { value: [] } },
    );
    const results = await getAutomaticReplies(runner, people(25));
    expect(results.slice(20).every((r) => r.error?.code === 'InternalServerError')).toBe(true);
    expect(results.slice(0, 20).every((r) => r.error?.code === 'noAnswer')).toBe(true);
  });
});

describe('getAbsences', () => {
  it('splits people into chunks of 20 and long windows into pieces, asking in UTC', async () => {
    const { endpoint, runner } = runnerAnswering(() => ({ status: 200, body: { value: [] } }));
    await getAbsences(runner, people(45), { start: '2026-11-01T00:00:00Z', end: '2027-01-30T00:00:00Z' });
    const parts = endpoint.batches.flat();
    expect(parts).toHaveLength(6);
    for (const part of parts) {
      const body = part.body as {
        schedules: string[];
        startTime: { dateTime: string; timeZone: string };
        endTime: { dateTime: string };
      };
      expect(part.url).toBe('/me/calendar/getSchedule');
      expect(part.headers?.Prefer).toBe('outlook.timezone="UTC"');
      expect(body.schedules.length).toBeLessThanOrEqual(20);
      const days =
        (Date.parse(`${body.endTime.dateTime}Z`) - Date.parse(`${body.startTime.dateTime}Z`)) / DAY;
      expect(days).toBeLessThan(62);
    }
  });

  it('returns only out-of-office intervals as instants, joined across window pieces', async () => {
    const { runner } = runnerAnswering((part) => {
      const body = part.body as { schedules: string[]; startTime: { dateTime: string } };
      const first = body.startTime.dateTime.startsWith('2026-11-01');
      return {
        status: 200,
        body: {
          value: body.schedules.map((scheduleId) =>
            scheduleId === 'ghost@sjoby.example'
              ? { scheduleId, error: { message: 'Not found', responseCode: 'ErrorMailRecipientNotFound' } }
              : {
                  scheduleId,
                  scheduleItems: first
                    ? [
                        {
                          status: 'busy',
                          start: { dateTime: '2026-11-03T09:00:00.0000000', timeZone: 'UTC' },
                          end: { dateTime: '2026-11-03T10:00:00.0000000', timeZone: 'UTC' },
                        },
                        {
                          status: 'oof',
                          start: { dateTime: '2026-12-28T23:00:00.0000000', timeZone: 'UTC' },
                          end: { dateTime: '2027-01-01T00:00:00.0000000', timeZone: 'UTC' },
                        },
                      ]
                    : [
                        {
                          status: 'oof',
                          start: { dateTime: '2027-01-01T00:00:00.0000000', timeZone: 'UTC' },
                          end: { dateTime: '2027-01-05T23:00:00.0000000', timeZone: 'UTC' },
                        },
                      ],
                },
          ),
        },
      };
    });
    const results = await getAbsences(runner, ['anna@sjoby.example', 'ghost@sjoby.example'], {
      start: '2026-11-01T00:00:00Z',
      end: '2027-01-30T00:00:00Z',
    });
    expect(results).toEqual([
      {
        address: 'anna@sjoby.example',
        intervals: [{ start: '2026-12-28T23:00:00Z', end: '2027-01-05T23:00:00Z' }],
        error: null,
      },
      {
        address: 'ghost@sjoby.example',
        intervals: [],
        error: { code: 'ErrorMailRecipientNotFound', message: 'Not found' },
      },
    ]);
  });

  it('converts W. Europe Standard Time when Graph answers in it despite the preference', async () => {
    const { runner } = runnerAnswering(() => ({
      status: 200,
      body: {
        value: [
          {
            scheduleId: 'anna@sjoby.example',
            scheduleItems: [
              {
                status: 'oof',
                start: { dateTime: '2026-11-17T08:00:00.0000000', timeZone: 'W. Europe Standard Time' },
                end: { dateTime: '2026-11-17T17:00:00.0000000', timeZone: 'W. Europe Standard Time' },
              },
            ],
          },
        ],
      },
    }));
    const [anna] = await getAbsences(runner, ['anna@sjoby.example'], {
      start: '2026-11-16T00:00:00Z',
      end: '2026-11-30T00:00:00Z',
    });
    expect(anna?.intervals).toEqual([{ start: '2026-11-17T07:00:00Z', end: '2026-11-17T16:00:00Z' }]);
  });
});
