import {
  BrowserCacheLocation,
  InteractionRequiredAuthError,
  createNestablePublicClientApplication,
} from '@azure/msal-browser';
import type { AccountInfo, IPublicClientApplication } from '@azure/msal-browser';
import { graphScopes } from './TokenProvider.ts';
import type { TokenProvider } from './TokenProvider.ts';

export interface MsalSettings {
  clientId: string;
  tenantId: string;
  /** Where a popup returns to; an SPA redirect URI of the app registration. */
  redirectUri: string;
}

/**
 * A real-tenant token provider. Inside Outlook and Teams, Nested App Authentication lets the host's
 * signed-in account be used without a prompt; elsewhere MSAL falls back to a standard public client
 * and a popup. Tokens stay in sessionStorage: never localStorage.
 * Docs: https://learn.microsoft.com/office/dev/add-ins/develop/enable-nested-app-authentication-in-your-add-in
 */
export class MsalTokenProvider implements TokenProvider {
  private appPromise: Promise<IPublicClientApplication> | null = null;
  private account: AccountInfo | null = null;

  constructor(
    private readonly settings: MsalSettings,
    private readonly scopes: readonly string[] = graphScopes,
  ) {}

  private app(): Promise<IPublicClientApplication> {
    this.appPromise ??= createNestablePublicClientApplication({
      auth: {
        clientId: this.settings.clientId,
        authority: `https://login.microsoftonline.com/${this.settings.tenantId}`,
        redirectUri: this.settings.redirectUri,
      },
      cache: { cacheLocation: BrowserCacheLocation.SessionStorage },
    });
    return this.appPromise;
  }

  async getToken(options?: { forceRefresh?: boolean }): Promise<string> {
    const app = await this.app();
    const scopes = [...this.scopes];
    this.account ??= app.getActiveAccount() ?? app.getAllAccounts()[0] ?? null;
    try {
      // Under NAA, acquireTokenSilent without an account uses the host's signed-in user.
      const result = await app.acquireTokenSilent({
        scopes,
        ...(this.account ? { account: this.account } : {}),
        forceRefresh: options?.forceRefresh ?? false,
      });
      this.account = result.account;
      return result.accessToken;
    } catch (error) {
      if (!(error instanceof InteractionRequiredAuthError) && this.account) throw error;
      // Consent or sign-in needed: a popup is the one interactive flow NAA supports.
      const result = await app.acquireTokenPopup({ scopes });
      this.account = result.account;
      app.setActiveAccount(result.account);
      return result.accessToken;
    }
  }
}
