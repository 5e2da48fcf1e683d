import type { TeamsManifestV1D24 } from '@microsoft/app-manifest';
import type { ManifestUrls } from './manifestUrls';

type ElementExtension = TeamsManifestV1D24.ElementExtension;
type RibbonsArray = TeamsManifestV1D24.ExtensionRibbonsArray;
type Requirements = TeamsManifestV1D24.RequirementsExtensionElement;

/** Action ids the add-in code must pass to `Office.actions.associate` (and the task pane action). */
export const ADDIN_ACTION_IDS = {
  showTaskpane: 'TaskPaneRuntimeShow',
  onNewMessageCompose: 'onNewMessageComposeHandler',
  onMessageFromChanged: 'onMessageFromChangedHandler',
  onMessageSend: 'onMessageSendHandler',
} as const;

const BUTTON_LABEL = 'Brevlådevakten';

function mailbox(minVersion: string, scopes = false): Requirements {
  return {
    capabilities: [{ name: 'Mailbox', minVersion }],
    ...(scopes ? { scopes: ['mail' as const] } : {}),
  };
}

/**
 * The Outlook add-in part of the unified manifest (schema 1.24).
 *
 * Requirement sets: the add-in installs from Mailbox 1.8 (`getSharedPropertiesAsync` for shared
 * folders); each event carries the set that introduced it (OnNewMessageCompose 1.10,
 * OnMessageSend 1.12, OnMessageFromChanged 1.13), so a client that lacks 1.13 still gets the
 * signature on compose and the send check. Feature checks at run time do the rest.
 * https://learn.microsoft.com/office/dev/add-ins/develop/event-based-activation#supported-events
 */
export function buildOutlookExtension(urls: ManifestUrls): ElementExtension {
  const buttonIcons = ([16, 32, 80] as const).map((size) => ({ size, url: urls.icon(size) }));

  const ribbon = (
    context: 'mailRead' | 'mailCompose',
    idPart: 'Read' | 'Compose',
    description: string,
  ): RibbonsArray => ({
    contexts: [context],
    tabs: [
      {
        builtInTabId: 'TabDefault',
        groups: [
          {
            id: `Brevladevakten${idPart}Group`,
            label: BUTTON_LABEL,
            controls: [
              {
                id: `Brevladevakten${idPart}Button`,
                type: 'button',
                label: BUTTON_LABEL,
                icons: buttonIcons,
                supertip: { title: BUTTON_LABEL, description },
                actionId: ADDIN_ACTION_IDS.showTaskpane,
              },
            ],
          },
        ],
      },
    ],
  });

  return {
    requirements: { scopes: ['mail'], ...mailbox('1.8') },
    runtimes: [
      {
        id: 'TaskPaneRuntime',
        type: 'general',
        code: { page: urls.taskpanePage },
        lifetime: 'short',
        // Pinnable: read mode follows the selected message while the pane stays open.
        actions: [{ id: ADDIN_ACTION_IDS.showTaskpane, type: 'openPage', displayName: BUTTON_LABEL, pinnable: true }],
      },
      {
        id: 'EventRuntime',
        type: 'general',
        requirements: mailbox('1.10'),
        // Classic Outlook on Windows runs event handlers in a JavaScript-only runtime that loads
        // `script`; Outlook on the web and new Outlook load `page`, which includes the same script.
        // https://learn.microsoft.com/office/dev/add-ins/testing/runtimes#javascript-only-runtime
        code: { page: urls.commandsPage, script: urls.commandsScript },
        lifetime: 'short',
        actions: [
          ADDIN_ACTION_IDS.onNewMessageCompose,
          ADDIN_ACTION_IDS.onMessageFromChanged,
          ADDIN_ACTION_IDS.onMessageSend,
        ].map((id) => ({
          id,
          type: 'executeFunction' as const,
          displayName: id,
        })),
      },
    ],
    ribbons: [
      ribbon(
        'mailRead',
        'Read',
        'Visa brevlådans läge: obesvarade meddelanden, svarstider och vem som hanterar vad.',
      ),
      ribbon(
        'mailCompose',
        'Compose',
        'Öppna Brevlådevakten för funktionsbrevlådans signatur och kontroll innan du skickar.',
      ),
    ],
    autoRunEvents: [
      {
        requirements: mailbox('1.10', true),
        events: [{ type: 'newMessageComposeCreated', actionId: ADDIN_ACTION_IDS.onNewMessageCompose }],
      },
      {
        requirements: mailbox('1.12', true),
        // softBlock: the user must fix what the handler reports before sending, but when the
        // add-in cannot load at all the user may still "Send Anyway" (unlike `block`). Keep the
        // handler fast: with softBlock a slow handler holds the send until it completes.
        // https://learn.microsoft.com/office/dev/add-ins/outlook/onmessagesend-onappointmentsend-events#available-send-mode-options
        events: [
          {
            type: 'messageSending',
            actionId: ADDIN_ACTION_IDS.onMessageSend,
            options: { sendMode: 'softBlock' },
          },
        ],
      },
      {
        requirements: mailbox('1.13', true),
        events: [{ type: 'messageFromChanged', actionId: ADDIN_ACTION_IDS.onMessageFromChanged }],
      },
    ],
    alternates: [
      {
        // Used when the admin centre generates an add-in only (XML) manifest for clients without
        // unified-manifest support. `size` is ignored there but must be a schema-valid value, so
        // the 128 px high-resolution icon is declared as 64.
        // https://learn.microsoft.com/office/dev/add-ins/develop/unified-manifest-overview
        alternateIcons: {
          icon: { size: 64, url: urls.icon(64) },
          highResolutionIcon: { size: 64, url: urls.icon(128) },
        },
      },
    ],
  };
}
