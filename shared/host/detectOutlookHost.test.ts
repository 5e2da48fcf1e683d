import { describe, expect, it } from 'vitest';
import { plainBrowserTab } from './plainBrowserTab.ts';

function scope(overrides: Record<string, unknown> = {}) {
  const g: Record<string, unknown> = { location: { search: '', hash: '' }, name: '', ...overrides };
  g.window = g;
  if (!('parent' in g)) g.parent = g;
  return g;
}

describe('plainBrowserTab', () => {
  it('recognises a top-level page with no Office handshake', () => {
    expect(plainBrowserTab(scope())).toBe(true);
  });

  it('waits for Office inside a frame, as Outlook on the web hosts add-ins', () => {
    expect(plainBrowserTab(scope({ parent: {} }))).toBe(false);
  });

  it('waits for Office when classic Outlook passes its host info', () => {
    expect(plainBrowserTab(scope({ location: { search: '?_host_Info=Outlook$Win32$16.02$sv-SE', hash: '' } }))).toBe(false);
    expect(plainBrowserTab(scope({ name: '{"hostInfo":"_host_Info=Outlook|Win32"}' }))).toBe(false);
  });

  it('waits for Office in a desktop webview', () => {
    expect(plainBrowserTab(scope({ external: { GetContext: () => ({}) } }))).toBe(false);
    expect(plainBrowserTab(scope({ chrome: { webview: {} } }))).toBe(false);
    expect(plainBrowserTab(scope({ webkit: { messageHandlers: {} } }))).toBe(false);
  });
});
