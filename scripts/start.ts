/**
 * `npm start`: the product on the demo municipality — the Graph emulator and the app's dev server —
 * then prints the URLs to open. Stops with a named error if config.json is invalid.
 */
import { createServer } from 'vite';
import { createSyntheticTenant, startEmulator } from '../emulator/index.ts';
import { loadConfigFile } from './loadConfigFile.ts';

const loaded = loadConfigFile();
if (!loaded.ok) {
  console.error(loaded.message);
  process.exit(1);
}
const { config } = loaded;

const graphPort = Number(process.env.GRAPH_PORT ?? (new URL(config.graph.baseUrl).port || 4000));
const appPort = Number(process.env.APP_PORT ?? (new URL(config.app.baseUrl).port || 3000));
const seed = Number(process.env.DEMO_SEED ?? 1);
const now = process.env.DEMO_NOW ?? new Date().toISOString();

if (config.auth.mode !== 'demo') {
  console.warn(`Note: auth.mode is "${config.auth.mode}" in ${loaded.path}; the demo emulator starts anyway.`);
}

if (!Number.isInteger(seed)) {
  console.error(`DEMO_SEED must be a whole number; got ${process.env.DEMO_SEED}.`);
  process.exit(1);
}
if (Number.isNaN(Date.parse(now))) {
  console.error(`DEMO_NOW must be an ISO 8601 instant such as 2026-11-17T10:00:00+01:00; got ${now}.`);
  process.exit(1);
}

// DEMO_TENANT=large: a synthetic municipality of 500 mailboxes and 1,500 people, to try the manager
// view at scale (sign in as its manager with ?as=forvaltningschef@storsjo.example).
const large = process.env.DEMO_TENANT === 'large';
if (process.env.DEMO_TENANT && !large) {
  console.error(`DEMO_TENANT must be "large" or unset; got ${process.env.DEMO_TENANT}.`);
  process.exit(1);
}
// The demo follows the organisation's calendar, register location and handled categories.
const emulator = await startEmulator({
  port: graphPort,
  seed,
  now,
  calendar: config.organisation.calendar,
  register: config.register,
  handledCategories: config.organisation.handledCategories,
  ...(large
    ? { tenant: createSyntheticTenant({ seed, now, mailboxes: 500, people: 1500, messagesPerMailbox: 100, register: config.register }) }
    : {}),
});
const graphBaseUrl = `${new URL(emulator.url).origin}/v1.0`;
process.env.GRAPH_BASE_URL = graphBaseUrl;
process.env.APP_PORT = String(appPort);

const vite = await createServer({ configFile: 'vite.config.ts', server: { port: appPort } });
await vite.listen();
const app = `http://localhost:${appPort}`;

console.log(`
Brevlådevakten is running on the ${large ? 'large synthetic demo tenant (500 mailboxes, 1,500 people)' : `demo municipality (${config.organisation.name})`}, seed ${seed}, now ${now}.

  Outlook task pane:  ${app}/addin/taskpane.html
  Teams tab:          ${app}/teams-app/tab.html
  Graph emulator:     ${graphBaseUrl}
                      curl -H 'Authorization: Bearer demo' '${graphBaseUrl}/me'

Switch demo user in the page (staff, mailbox owner, manager). Ctrl+C stops everything.
`);

const stop = async () => {
  await vite.close();
  await emulator.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
