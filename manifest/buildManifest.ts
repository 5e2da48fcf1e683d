import type { TeamsManifestV1D24 } from '@microsoft/app-manifest';
import type { AppConfigForManifest } from './appConfigForManifest';
import { buildOutlookExtension } from './buildOutlookExtension';
import { manifestUrls } from './manifestUrls';

export type BrevladevaktenManifest = TeamsManifestV1D24.TeamsManifestV1D24;

/**
 * Schema 1.24: the newest bundled version whose URL fields still accept `http://` (1.28 makes
 * runtime and icon URLs https-only, which would reject the demo configuration), with the same
 * `extensions` shape as Microsoft's current Outlook samples (1.22) plus larger action limits.
 * The URL form without a locale segment makes `@microsoft/app-manifest` validate against its
 * bundled copy instead of fetching it.
 */
export const MANIFEST_VERSION = '1.24';
export const MANIFEST_SCHEMA_URL = `https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`;

/** The product's app id. Fixed: Outlook and Teams identify installed versions by it. */
export const BREVLADEVAKTEN_APP_ID = 'f5112f30-bd7c-4e37-be51-b1850e524bf0';

export const DEFAULT_APP_VERSION = '1.0.0';
export const ACCENT_COLOR = '#0F6CBD';

/** Files the package holds next to manifest.json. */
export const PACKAGE_ICON_FILES = { color: 'color.png', outline: 'outline.png' } as const;

/** Builds the unified app manifest (Teams personal tab + Outlook add-in) from configuration. */
export function buildManifest(
  config: AppConfigForManifest,
  options: { version?: string } = {},
): BrevladevaktenManifest {
  const urls = manifestUrls(config.app.baseUrl);
  const { clientId } = config.auth;

  return {
    $schema: MANIFEST_SCHEMA_URL,
    manifestVersion: MANIFEST_VERSION,
    version: options.version ?? DEFAULT_APP_VERSION,
    id: BREVLADEVAKTEN_APP_ID,
    // Swedish is the language of every string in this file; English and Finnish would come as
    // additional language files (`localizationInfo.additionalLanguages`) inside the package.
    localizationInfo: { defaultLanguageTag: 'sv-se' },
    developer: {
      name: 'Brevlådevakten',
      websiteUrl: urls.website,
      privacyUrl: urls.privacy,
      termsOfUseUrl: urls.termsOfUse,
    },
    name: {
      short: 'Brevlådevakten',
      full: 'Brevlådevakten – bevakning av funktionsbrevlådor',
    },
    description: {
      short: 'Bevakar kommunens funktionsbrevlådor så att ingen fråga blir obesvarad.',
      full:
        'Brevlådevakten hjälper handläggare och chefer att hålla kommunens servicelöften för funktionsbrevlådor. ' +
        'Den visar obesvarade och ohanterade meddelanden, svarstider mot riktlinjerna med hänsyn till öppettider och helgdagar, ' +
        'vem som bevakar vilken brevlåda och vem som är frånvarande. I Outlook lägger tillägget in rätt signatur när du skriver ' +
        'från en funktionsbrevlåda och påminner innan du skickar; i Teams ger fliken en överblick över alla brevlådor du bevakar. ' +
        `Den här installationen är konfigurerad för ${config.organisation.name}.`,
    },
    icons: { color: PACKAGE_ICON_FILES.color, outline: PACKAGE_ICON_FILES.outline },
    accentColor: ACCENT_COLOR,
    staticTabs: [
      {
        entityId: 'brevladevakten',
        name: 'Brevlådevakten',
        contentUrl: urls.teamsTab,
        websiteUrl: urls.teamsTab,
        scopes: ['personal'],
        context: ['personalTab'],
      },
    ],
    // Teams compares hosts with the port (`localhost:3000`) and without the scheme.
    validDomains: [urls.host],
    webApplicationInfo: {
      id: clientId,
      resource: `api://${urls.host}/${clientId}`,
    },
    authorization: {
      permissions: {
        resourceSpecific: [
          // Read/write item: setSignatureAsync and the send check need to change the draft.
          { name: 'MailboxItem.ReadWrite.User', type: 'Delegated' },
          // The unified manifest's equivalent of the add-in only manifest's
          // <SupportsSharedFolders>true</SupportsSharedFolders>: lets the add-in activate in
          // shared folders (Mailbox 1.8) and shared mailboxes (1.13).
          // https://learn.microsoft.com/office/dev/add-ins/outlook/delegate-access#configure-the-manifest
          { name: 'Mailbox.SharedFolder', type: 'Delegated' },
        ],
      },
    },
    extensions: [buildOutlookExtension(urls)],
  };
}
