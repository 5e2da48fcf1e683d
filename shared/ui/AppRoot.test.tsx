// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render } from '@testing-library/react';
import { webLightTheme } from '@fluentui/react-components';
import demoConfig from '../../config.json' with { type: 'json' };
import { parseAppConfig } from '../config/index.ts';
import { createI18n } from '../i18n/index.ts';
import { standaloneHost } from '../host/HostAdapter.ts';
import { useAppServices } from './AppContext.tsx';

const begun: Array<{ persona: string | null; tokens: unknown }> = [];
vi.mock('./sessionStart.ts', () => ({
  beginSession: (options: { persona: string | null; tokens: unknown }) => {
    begun.push({ persona: options.persona, tokens: options.tokens });
    return { graph: {}, who: Promise.resolve({ ok: true, upn: options.persona }), stop: vi.fn() };
  },
}));
vi.mock('./earlyStart.ts', () => ({ syncPersistence: () => Promise.resolve(null), loadGraphModule: () => new Promise(() => undefined) }));
vi.mock('../graph/index.ts', async (importOriginal) => ({
  ...(await importOriginal<Record<string, unknown>>()),
  fetchDemoPersonas: () => Promise.resolve([]),
}));

const { AppRoot } = await import('./AppRoot.tsx');
const { beginFirstSession } = await import('./firstSession.ts');

afterEach(() => {
  cleanup();
  begun.length = 0;
  window.history.replaceState(null, '', '/');
});

const parsed = parseAppConfig(demoConfig);
if (!parsed.ok) throw new Error('demo config.json does not parse');
const config = parsed.value;
const i18n = createI18n('sv');

function Who() {
  const { userPrincipalName, demo } = useAppServices();
  return (
    <>
      <p data-testid="who">{userPrincipalName}</p>
      <button type="button" onClick={() => demo?.switchTo('lena.sjoberg@sjoby.example')}>
        lena
      </button>
      <button type="button" onClick={() => demo?.switchTo('elin.berg@sjoby.example')}>
        elin
      </button>
    </>
  );
}

describe('AppRoot and the first session begun before it rendered', () => {
  it('takes that session over (its tokens, its reads) instead of beginning another', async () => {
    window.history.replaceState(null, '', '/?as=Elin.Berg@sjoby.example');
    const host = standaloneHost();
    const first = beginFirstSession(config, host);
    expect(begun).toEqual([{ persona: 'elin.berg@sjoby.example', tokens: first.tokens }]);
    const view = render(<AppRoot host={host} config={config} i18n={i18n} View={Who} initialTheme={webLightTheme} first={first} />);
    expect((await view.findByTestId('who')).textContent).toBe('elin.berg@sjoby.example');
    expect(begun).toHaveLength(1);
  });

  it('renders the views in its first render when the user and the sync cache were known before it', () => {
    window.history.replaceState(null, '', '/?as=elin.berg@sjoby.example');
    const host = standaloneHost();
    const first = beginFirstSession(config, host);
    const view = render(
      <AppRoot
        host={host}
        config={config}
        i18n={i18n}
        View={Who}
        initialTheme={webLightTheme}
        first={first}
        firstSignedIn={{ user: { ok: true, upn: 'elin.berg@sjoby.example' }, persistence: null }}
      />,
    );
    // Synchronously: no spinner first, no effect to wait for.
    expect(view.getByTestId('who').textContent).toBe('elin.berg@sjoby.example');
    expect(begun).toHaveLength(1);
  });

  it('begins a new session for another user, and again (not the stopped first one) on switching back', async () => {
    window.history.replaceState(null, '', '/?as=elin.berg@sjoby.example');
    const host = standaloneHost();
    const first = beginFirstSession(config, host);
    const view = render(<AppRoot host={host} config={config} i18n={i18n} View={Who} initialTheme={webLightTheme} first={first} />);
    await view.findByTestId('who');
    fireEvent.click(view.getByText('lena'));
    await view.findByText('lena.sjoberg@sjoby.example');
    fireEvent.click(view.getByText('elin'));
    await view.findByText('elin.berg@sjoby.example');
    expect(begun.map((b) => b.persona)).toEqual(['elin.berg@sjoby.example', 'lena.sjoberg@sjoby.example', 'elin.berg@sjoby.example']);
    expect(begun[2]?.tokens).not.toBe(first.tokens);
  });
});
