import { standaloneHost } from './HostAdapter.ts';
import type { HostAdapter, HostTheme } from './HostAdapter.ts';

function toTheme(teamsTheme: string | undefined): HostTheme {
  if (teamsTheme === 'dark') return 'dark';
  if (teamsTheme === 'contrast') return 'contrast';
  return 'light';
}

/**
 * Initialises the Teams SDK when the tab is framed by Teams; a top-level page is the standalone tab.
 * (app.initialize() outside Teams waits for a parent that never answers, so we do not call it there.)
 * The SDK is imported only when framed: on import it fetches its list of valid domains from
 * Microsoft's CDN, which a standalone page has no reason to do.
 */
export async function detectTeamsHost(timeoutMs = 5000): Promise<HostAdapter> {
  const framed = globalThis.window !== undefined && window.parent !== window;
  if (!framed) return standaloneHost();
  try {
    const { app, nestedAppAuth } = await import('@microsoft/teams-js');
    await Promise.race([
      app.initialize(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('Teams did not answer')), timeoutMs)),
    ]);
    const context = await app.getContext();
    return standaloneHost({
      kind: 'teams',
      locale: context.app.locale || 'sv-SE',
      theme: toTheme(context.app.theme),
      onThemeChange(listener) {
        app.registerOnThemeChangeHandler((theme) => listener(toTheme(theme)));
        return () => app.registerOnThemeChangeHandler(() => undefined);
      },
      supportsNestedAppAuth: nestedAppAuth.isNAAChannelRecommended(),
    });
  } catch {
    return standaloneHost();
  }
}
