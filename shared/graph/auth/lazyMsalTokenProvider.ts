import type { MsalSettings } from './MsalTokenProvider.ts';
import type { TokenProvider } from './TokenProvider.ts';

/**
 * The MSAL token provider, loaded on first use: MSAL is a large library that the demo (and the
 * first paint of a real tenant's pane) does not need, so it stays out of the initial JavaScript.
 */
export function lazyMsalTokenProvider(settings: MsalSettings): TokenProvider {
  let provider: Promise<TokenProvider> | null = null;
  return {
    async getToken(options) {
      provider ??= import('./MsalTokenProvider.ts').then(({ MsalTokenProvider }) => new MsalTokenProvider(settings));
      return (await provider).getToken(options);
    },
  };
}
