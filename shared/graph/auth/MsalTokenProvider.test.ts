import { beforeEach, describe, expect, it, vi } from 'vitest';

// MSAL itself is replaced: these tests check how the provider drives it (NAA app, cache location,
// silent first, popup only when interaction is required), not MSAL's own behaviour.
const calls: { config?: unknown; silent: unknown[]; popup: unknown[] } = { silent: [], popup: [] };
let silentOutcome: 'ok' | 'interaction' | 'network' = 'ok';

vi.mock('@azure/msal-browser', () => {
  class InteractionRequiredAuthError extends Error {}
  const account = { username: 'anna@kommun.se' };
  return {
    BrowserCacheLocation: { SessionStorage: 'sessionStorage', LocalStorage: 'localStorage' },
    InteractionRequiredAuthError,
    createNestablePublicClientApplication: vi.fn(async (config: unknown) => {
      calls.config = config;
      return {
        getActiveAccount: () => null,
        getAllAccounts: () => [],
        setActiveAccount: vi.fn(),
        acquireTokenSilent: vi.fn(async (request: unknown) => {
          calls.silent.push(request);
          if (silentOutcome === 'interaction') throw new InteractionRequiredAuthError('consent_required');
          if (silentOutcome === 'network') throw new Error('network down');
          return { accessToken: 'silent-token', account };
        }),
        acquireTokenPopup: vi.fn(async (request: unknown) => {
          calls.popup.push(request);
          return { accessToken: 'popup-token', account };
        }),
      };
    }),
  };
});

const { MsalTokenProvider } = await import('./MsalTokenProvider.ts');
const settings = { clientId: '11111111-2222-3333-4444-555555555555', tenantId: 'tenant', redirectUri: 'https://app/auth-redirect.html' };

beforeEach(() => {
  calls.config = undefined;
  calls.silent = [];
  calls.popup = [];
  silentOutcome = 'ok';
});

describe('MsalTokenProvider', () => {
  it('creates a nestable (NAA) client that caches in sessionStorage, never localStorage', async () => {
    await new MsalTokenProvider(settings).getToken();
    expect(calls.config).toMatchObject({
      auth: { clientId: settings.clientId, authority: 'https://login.microsoftonline.com/tenant', redirectUri: settings.redirectUri },
      cache: { cacheLocation: 'sessionStorage' },
    });
  });

  it('gets tokens silently when it can, asking for the product’s delegated scopes', async () => {
    expect(await new MsalTokenProvider(settings).getToken()).toBe('silent-token');
    expect(calls.popup).toEqual([]);
    expect((calls.silent[0] as { scopes: string[] }).scopes).toEqual(expect.arrayContaining(['Mail.ReadWrite.Shared', 'Calendars.ReadBasic']));
  });

  it('falls back to a popup when sign-in or consent is required', async () => {
    silentOutcome = 'interaction';
    expect(await new MsalTokenProvider(settings).getToken()).toBe('popup-token');
    expect(calls.popup).toHaveLength(1);
  });

  it('passes forceRefresh through when the Graph client renews an expired token', async () => {
    await new MsalTokenProvider(settings).getToken({ forceRefresh: true });
    expect(calls.silent[0]).toMatchObject({ forceRefresh: true });
  });

  it('reuses one MSAL instance across calls', async () => {
    const msal = await import('@azure/msal-browser');
    const create = vi.mocked(msal.createNestablePublicClientApplication);
    const before = create.mock.calls.length;
    const provider = new MsalTokenProvider(settings);
    await provider.getToken();
    await provider.getToken();
    expect(create.mock.calls.length - before).toBe(1);
  });
});
