import { afterEach, describe, expect, it, vi } from 'vitest';
import { OfficeMockObject } from 'office-addin-mock';
import { ADDIN_ACTION_IDS } from '../../manifest/index.ts';
import { checkDigitFor } from '../../shared/domain/personnummerArbitraries.fixture.ts';
import { renderSignature } from '../../shared/domain/index.ts';
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

  it.each(['onNewMessageComposeHandler', 'onMessageFromChangedHandler'] as const)('%s completes its event even without Office', async (name) => {
    const completed = vi.fn();
    eventHandlers[name]({ completed });
    await vi.waitFor(() => expect(completed).toHaveBeenCalledTimes(1));
  });
});

/** A compose item in office-addin-mock: body, From and roaming settings the handlers read and write. */
function composeWith(options: { body?: string; from?: string; settings?: Record<string, unknown> } = {}) {
  const state = { body: options.body ?? '<p>Hej</p>', from: options.from ?? 'elin.berg@sjoby.example' };
  const settings = { ...options.settings };
  const ok = (value?: unknown) => ({ status: 'succeeded', value });
  const mock = new OfficeMockObject({
    host: 'outlook',
    context: {
      displayLanguage: 'sv-SE',
      roamingSettings: {
        get: (name: string) => settings[name],
        set: (name: string, value: unknown) => void (settings[name] = value),
        saveAsync: (callback?: (r: unknown) => void) => callback?.(ok()),
      },
      mailbox: {
        userProfile: { displayName: 'Elin Berg', emailAddress: 'elin.berg@sjoby.example' },
        item: {
          from: { getAsync: (_o: object, callback: (r: unknown) => void) => callback(ok({ emailAddress: state.from, displayName: state.from })) },
          body: {
            getAsync: (_t: string, _o: object, callback: (r: unknown) => void) => callback(ok(state.body)),
            setAsync: (data: string, _o: object, callback?: (r: unknown) => void) => {
              state.body = data;
              callback?.(ok());
            },
            setSignatureAsync: (data: string, _o: object, callback?: (r: unknown) => void) => {
              state.body += data;
              callback?.(ok());
            },
          },
        },
      },
    },
    MailboxEnums: { SendModeOverride: { PromptUser: 'promptUser' } },
  });
  vi.stubGlobal('Office', mock);
  return state;
}

const run = (name: 'onNewMessageComposeHandler' | 'onMessageFromChangedHandler') =>
  new Promise<void>((resolve) => eventHandlers[name]({ completed: () => resolve() }));
const signatures = (html: string) => (html.match(/data-brevladevakten-signature/g) ?? []).length;
const cache = {
  template: '{displayName}\n{mail}\n{organisationName}',
  organisation: { organisationName: 'Sjöby kommun' },
  personal: renderSignature('{displayName}\n{mail}', { displayName: 'Elin Berg', mail: 'elin.berg@sjoby.example' }).html,
  mailboxes: { 'bygglov@sjoby.example': renderSignature('{displayName}\n{mail}', { displayName: 'Bygglov', mail: 'bygglov@sjoby.example' }).html },
};

describe('the signature on compose events', () => {
  it('inserts the cached personal signature into a new message, once', async () => {
    const state = composeWith({ settings: { signatures: cache } });
    await run('onNewMessageComposeHandler');
    await run('onNewMessageComposeHandler');
    expect(signatures(state.body)).toBe(1);
    expect(state.body).toContain('Elin Berg');
  });

  it('falls back to the user profile when the task pane has cached nothing', async () => {
    const state = composeWith();
    await run('onNewMessageComposeHandler');
    expect(signatures(state.body)).toBe(1);
    expect(state.body).toContain('elin.berg@sjoby.example');
  });

  it('inserts nothing when automatic signatures are switched off', async () => {
    const state = composeWith({ settings: { signatures: cache, autoSignature: false } });
    await run('onNewMessageComposeHandler');
    expect(state.body).toBe('<p>Hej</p>');
  });

  it('switches to the function mailbox’s signature when From changes, and back', async () => {
    const state = composeWith({ settings: { signatures: cache } });
    await run('onNewMessageComposeHandler');
    state.from = 'bygglov@sjoby.example';
    await run('onMessageFromChangedHandler');
    expect(signatures(state.body)).toBe(1);
    expect(state.body).toContain('bygglov@sjoby.example');
    expect(state.body).not.toContain('Elin Berg');
    state.from = 'elin.berg@sjoby.example';
    await run('onMessageFromChangedHandler');
    expect(signatures(state.body)).toBe(1);
    expect(state.body).toContain('Elin Berg');
  });

  it('with automatic signatures off, switches an existing signature but adds none', async () => {
    const state = composeWith({ from: 'bygglov@sjoby.example', settings: { signatures: cache, autoSignature: false } });
    await run('onMessageFromChangedHandler');
    expect(state.body).toBe('<p>Hej</p>');
    state.body = `<p>Hej</p>${cache.personal}`;
    await run('onMessageFromChangedHandler');
    expect(signatures(state.body)).toBe(1);
    expect(state.body).toContain('bygglov@sjoby.example');
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
