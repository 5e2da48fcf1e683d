/**
 * The part of the configuration the app package needs. The file itself is read and validated by the
 * configuration module (scripts/loadConfigFile.ts); the manifest code depends only on these fields.
 */
export interface AppConfigForManifest {
  organisation: { name: string };
  auth: { clientId: string };
  app: { baseUrl: string };
}

const NIL_GUID = '00000000-0000-0000-0000-000000000000';

/**
 * Warnings that do not stop packaging but stop a working installation: Outlook and Teams load
 * add-in and tab pages only over HTTPS, and the nil client id cannot sign anyone in.
 */
export function sideloadingWarnings(config: AppConfigForManifest, source: string): string[] {
  const warnings: string[] = [];
  if (new URL(config.app.baseUrl).protocol !== 'https:') {
    warnings.push(
      `Warning: \`app.baseUrl\` in \`${source}\` is \`${config.app.baseUrl}\`. The package validates, but Outlook and Teams ` +
        'load add-in and tab pages only over HTTPS: set `app.baseUrl` to an https URL (locally e.g. `https://localhost:3000` ' +
        'with a trusted development certificate) before sideloading the package.',
    );
  }
  if (config.auth.clientId === NIL_GUID) {
    warnings.push(
      `Warning: \`auth.clientId\` in \`${source}\` is the nil GUID (demo mode). Register the app in Microsoft Entra ID and ` +
        'put its application (client) id there, otherwise sign-in (NAA/SSO) fails in Outlook and Teams.',
    );
  }
  return warnings;
}
