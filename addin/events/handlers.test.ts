import { afterEach, describe, expect, it, vi } from 'vitest';
import { OfficeMockObject } from 'office-addin-mock';
import { ADDIN_ACTION_IDS } from '../../manifest/index.ts';
import { checkDigitFor } from '../../shared/domain/personnummerArbitraries.fixture.ts';
import { eventHandlers } from './handlers.ts';

// A fictitious date with a computed check digit: not a real person's number.
const nine = '800101238';
const personnummer = `19${nine.slice(0, 6)}-${nine.slice(6)}${checkDigitFor(nine)}`;

function outlookWith(subject: string, body: string, options: { readFails?: boolean; language?: string } = {}) {
  const result = (value: string) => ({ status: options.readFails ? 'failed' : 'succeeded', value, error: { message: 'no access' } });
  const mock = new OfficeMockObject({
    host: 'outlook',
    context: {
      displayLanguage: options.language ?? 'sv-SE',
      mailbox: {
        item: {
          subject: { getAsync: (_options: object, callback: (r: unknown) => void) => callback(result(subject)) },
          body: { getAsync: (_type: string, _options: object, callback: (r: unknown) => void) => callback(result(body)) },
        },
      },
    },
    MailboxEnums: { SendModeOverride: { PromptUser: 'promptUser' } },
  });
  vi.stubGlobal('Office', mock);
}

function send(): Promise<Record<string, unknown> | undefined> {
  return new Promise((resolve) => eventHandlers.onMessageSendHandler({ completed: (options) => resolve(options) }));
}

afterEach(() => vi.unstubAllGlobals());

describe('event handlers', () => {
  it('registers exactly the handler ids the manifest declares', () => {
    expect(Object.keys(eventHandlers).sort()).toEqual(
      Object.values(ADDIN_ACTION_IDS)
        .filter((id) => id.endsWith('Handler'))
        .sort(),
    );
  });

  it.each(['onNewMessageComposeHandler', 'onMessageFromChangedHandler'] as const)('%s completes its event', (name) => {
    const completed = vi.fn();
    eventHandlers[name]({ completed });
    expect(completed).toHaveBeenCalledTimes(1);
  });
});

describe('the personnummer Smart Alert on send', () => {
  it('lets an ordinary message be sent', async () => {
    outlookWith('Bygglov Storgatan 1', 'Hej! Ärendenummer KS/2024:73, ring 070-123 45 67.');
    expect(await send()).toEqual({ allowEvent: true });
  });

  it('stops a message with a personnummer in the body, masking it and offering Send Anyway', async () => {
    outlookWith('Ansökan', `Sökande: ${personnummer}`);
    const decision = await send();
    expect(decision?.allowEvent).toBe(false);
    expect(decision?.sendModeOverride).toBe('promptUser');
    const message = String(decision?.errorMessage);
    expect(message).toContain('19800101-****');
    expect(message).not.toContain(personnummer);
    expect(message).toContain('i texten');
    expect(message).toMatch(/säkra kanal/);
    expect(message.length).toBeLessThanOrEqual(500);
  });

  it('counts numbers in the subject and the body and says where they are', async () => {
    outlookWith(`Gäller ${personnummer.replace('-', '')}`, `Se ${personnummer.slice(2)}`);
    const message = String((await send())?.errorMessage);
    expect(message).toContain('2 personnummer');
    expect(message).toContain('i ämnesraden och i texten');
  });

  it('warns in the user’s display language', async () => {
    outlookWith('', personnummer, { language: 'fi-FI' });
    expect(String((await send())?.errorMessage)).toContain('henkilötunnus');
  });

  it('lets the message through when the item cannot be read, rather than blocking mail', async () => {
    outlookWith('', personnummer, { readFails: true });
    expect(await send()).toEqual({ allowEvent: true });
  });
});
