import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadConfigFile } from '../scripts/loadConfigFile';
import type { AppConfigForManifest } from './appConfigForManifest';
import { BREVLADEVAKTEN_APP_ID, MANIFEST_SCHEMA_URL, buildManifest } from './buildManifest';
import { validateManifest } from './validateManifest';

function demoConfig(): AppConfigForManifest {
  const result = loadConfigFile(new URL('../config.json', import.meta.url).pathname);
  if (!result.ok) throw new Error(result.message);
  return result.config;
}

const httpsConfig: AppConfigForManifest = {
  organisation: { name: 'Sjöby kommun' },
  auth: { clientId: '3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6b' },
  app: { baseUrl: 'https://brevladevakten.sjoby.se/app' },
};

describe('buildManifest', () => {
  // Any attempt to download a schema fails the test: validation must run from the bundled copy.
  const fetchSpy = vi.fn(() => {
    throw new Error('network access during manifest validation');
  });
  beforeEach(() => vi.stubGlobal('fetch', fetchSpy));
  afterEach(() => {
    vi.unstubAllGlobals();
    fetchSpy.mockClear();
  });

  it('produces a manifest from the demo config.json that validates offline with zero errors', async () => {
    const errors = await validateManifest(buildManifest(demoConfig(), { version: '0.1.0' }));
    expect(errors).toEqual([]);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('produces a manifest from an https configuration that validates offline with zero errors', async () => {
    const errors = await validateManifest(buildManifest(httpsConfig));
    expect(errors).toEqual([]);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('names the bundled 1.24 schema and the fixed product id', () => {
    const manifest = buildManifest(httpsConfig, { version: '2.3.4' });
    expect(manifest.$schema).toBe(MANIFEST_SCHEMA_URL);
    expect(manifest.manifestVersion).toBe('1.24');
    expect(manifest.id).toBe(BREVLADEVAKTEN_APP_ID);
    expect(manifest.version).toBe('2.3.4');
    expect(buildManifest(demoConfig()).id).toBe(BREVLADEVAKTEN_APP_ID);
  });

  it('declares one personal Teams tab at the configured base URL', () => {
    const manifest = buildManifest(demoConfig());
    expect(manifest.staticTabs).toEqual([
      expect.objectContaining({
        name: 'Brevlådevakten',
        contentUrl: 'http://localhost:3000/teams-app/tab.html',
        websiteUrl: 'http://localhost:3000/teams-app/tab.html',
        scopes: ['personal'],
      }),
    ]);
  });

  it('keeps a path in the base URL and derives the valid domain and SSO resource from its host', () => {
    const manifest = buildManifest(httpsConfig);
    expect(manifest.staticTabs?.[0]?.contentUrl).toBe(
      'https://brevladevakten.sjoby.se/app/teams-app/tab.html',
    );
    expect(manifest.validDomains).toEqual(['brevladevakten.sjoby.se']);
    expect(manifest.webApplicationInfo).toEqual({
      id: '3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6b',
      resource: 'api://brevladevakten.sjoby.se/3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6b',
    });
  });

  it('declares webApplicationInfo with the client id from config.json', () => {
    const manifest = buildManifest(demoConfig());
    expect(manifest.webApplicationInfo).toEqual({
      id: '00000000-0000-0000-0000-000000000000',
      resource: 'api://localhost:3000/00000000-0000-0000-0000-000000000000',
    });
    expect(manifest.validDomains).toEqual(['localhost:3000']);
  });

  it('requires Mailbox 1.8 and asks for read/write item and shared folder permissions', () => {
    const manifest = buildManifest(httpsConfig);
    expect(manifest.extensions?.[0]?.requirements).toEqual({
      scopes: ['mail'],
      capabilities: [{ name: 'Mailbox', minVersion: '1.8' }],
    });
    expect(manifest.authorization?.permissions?.resourceSpecific).toEqual([
      { name: 'MailboxItem.ReadWrite.User', type: 'Delegated' },
      { name: 'Mailbox.SharedFolder', type: 'Delegated' },
    ]);
  });

  it('opens the task pane page from a short-lived runtime', () => {
    const runtime = buildManifest(httpsConfig).extensions?.[0]?.runtimes?.find(
      (r) => r.id === 'TaskPaneRuntime',
    );
    expect(runtime?.code).toEqual({ page: 'https://brevladevakten.sjoby.se/app/addin/taskpane.html' });
    expect(runtime?.lifetime).toBe('short');
    expect(runtime?.actions).toEqual([
      expect.objectContaining({ id: 'TaskPaneRuntimeShow', type: 'openPage', pinnable: true }),
    ]);
  });

  it('runs the three event handlers from a page for web clients and a script for classic Outlook', () => {
    const runtime = buildManifest(httpsConfig).extensions?.[0]?.runtimes?.find(
      (r) => r.id === 'EventRuntime',
    );
    expect(runtime?.code).toEqual({
      page: 'https://brevladevakten.sjoby.se/app/addin/commands.html',
      script: 'https://brevladevakten.sjoby.se/app/addin/commands.js',
    });
    expect(runtime?.requirements?.capabilities).toEqual([{ name: 'Mailbox', minVersion: '1.10' }]);
    expect(runtime?.actions?.map((a) => [a.id, a.type])).toEqual([
      ['onNewMessageComposeHandler', 'executeFunction'],
      ['onMessageFromChangedHandler', 'executeFunction'],
      ['onMessageSendHandler', 'executeFunction'],
    ]);
  });

  it('binds the three auto-run events, each behind the requirement set that introduced it, with softBlock on send', () => {
    const groups = buildManifest(httpsConfig).extensions?.[0]?.autoRunEvents ?? [];
    const events = groups.flatMap((group) =>
      group.events.map((event) => ({
        ...event,
        minVersion: group.requirements?.capabilities?.[0]?.minVersion,
      })),
    );
    expect(events).toEqual([
      { type: 'newMessageComposeCreated', actionId: 'onNewMessageComposeHandler', minVersion: '1.10' },
      {
        type: 'messageSending',
        actionId: 'onMessageSendHandler',
        options: { sendMode: 'softBlock' },
        minVersion: '1.12',
      },
      { type: 'messageFromChanged', actionId: 'onMessageFromChangedHandler', minVersion: '1.13' },
    ]);
    const actionIds = buildManifest(httpsConfig).extensions?.[0]?.runtimes?.flatMap(
      (r) => r.actions?.map((a) => a.id) ?? [],
    );
    for (const event of events) expect(actionIds).toContain(event.actionId);
  });

  it('adds a Brevlådevakten button to the default tab of both the read and the compose ribbon', () => {
    const ribbons = buildManifest(httpsConfig).extensions?.[0]?.ribbons ?? [];
    expect(ribbons.map((r) => r.contexts)).toEqual([['mailRead'], ['mailCompose']]);
    for (const ribbon of ribbons) {
      const tab = ribbon.tabs[0];
      expect(tab?.builtInTabId).toBe('TabDefault');
      const control = tab?.groups?.[0]?.controls?.[0];
      expect(control).toMatchObject({
        type: 'button',
        label: 'Brevlådevakten',
        actionId: 'TaskPaneRuntimeShow',
      });
      expect(control?.icons).toEqual(
        [16, 32, 80].map((size) => ({
          size,
          url: `https://brevladevakten.sjoby.se/app/assets/icon-${size}.png`,
        })),
      );
    }
    const controlIds = ribbons.flatMap((r) =>
      r.tabs.flatMap((t) => t.groups?.flatMap((g) => [g.id, ...(g.controls?.map((c) => c.id) ?? [])]) ?? []),
    );
    expect(new Set(controlIds).size).toBe(controlIds.length);
  });

  it('names Brevlådevakten as developer and describes the app in Swedish for the configured organisation', () => {
    const manifest = buildManifest(demoConfig());
    expect(manifest.developer.name).toBe('Brevlådevakten');
    expect(manifest.name).toEqual({
      short: 'Brevlådevakten',
      full: 'Brevlådevakten – bevakning av funktionsbrevlådor',
    });
    expect(manifest.description.full).toContain('Sjöby kommun');
    expect(manifest.localizationInfo?.defaultLanguageTag).toBe('sv-se');
  });

  it('is a pure function of its input', () => {
    expect(JSON.stringify(buildManifest(httpsConfig))).toBe(
      JSON.stringify(buildManifest(structuredClone(httpsConfig))),
    );
  });
});
