/**
 * The Graph emulator as a command: `npx tsx emulator/server.ts` (or `npm run emulator`).
 *
 * Environment: GRAPH_PORT (default 4000), GRAPH_HOST (default loopback), DEMO_SEED (default 1),
 * DEMO_NOW (ISO instant; default the current time), BREVLADEVAKTEN_CONFIG (default ./config.json:
 * its calendar, register and handled categories shape the demo), GRAPH_FAULTS (fault injection,
 * e.g. `throttle=0.2,unavailable=0.05,drop=0.02,latency=150,retryAfter=1`; change it at run time
 * with POST/DELETE /demo/faults).
 */
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseFaultSpec } from './faults/faultInjector.ts';
import type { FaultSettings } from './faults/faultInjector.ts';
import type { StartEmulatorOptions } from './startEmulator.ts';
import { startEmulator } from './startEmulator.ts';

export { startEmulator } from './startEmulator.ts';
export type { RunningEmulator, StartEmulatorOptions } from './startEmulator.ts';

function fail(message: string): never {
  console.error(`[emulator] ${message}`);
  process.exit(1);
}

/** The parts of config.json the demo uses; anything missing falls back to the demo defaults. */
function readConfig(path: string): Pick<StartEmulatorOptions, 'calendar' | 'register' | 'handledCategories'> {
  if (!existsSync(path)) return {};
  let config: {
    organisation?: { calendar?: unknown; handledCategories?: unknown };
    register?: { siteId?: unknown; listId?: unknown };
  };
  try {
    config = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    fail(
      `Could not read ${path}: ${error instanceof Error ? error.message : String(error)}. Fix the JSON or set BREVLADEVAKTEN_CONFIG.`,
    );
  }
  const options: Pick<StartEmulatorOptions, 'calendar' | 'register' | 'handledCategories'> = {};
  const calendar = config.organisation?.calendar;
  if (calendar && typeof calendar === 'object')
    options.calendar = calendar as StartEmulatorOptions['calendar'];
  const categories = config.organisation?.handledCategories;
  if (Array.isArray(categories) && categories.every((c) => typeof c === 'string'))
    options.handledCategories = categories;
  const { siteId, listId } = config.register ?? {};
  if (typeof siteId === 'string' && typeof listId === 'string') options.register = { siteId, listId };
  return options;
}

async function main(): Promise<void> {
  const port = Number(process.env.GRAPH_PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    fail(`GRAPH_PORT must be a port number; got ${process.env.GRAPH_PORT}.`);
  const seed = Number(process.env.DEMO_SEED ?? 1);
  if (!Number.isInteger(seed)) fail(`DEMO_SEED must be a whole number; got ${process.env.DEMO_SEED}.`);
  const now = process.env.DEMO_NOW ?? new Date().toISOString();
  if (Number.isNaN(Date.parse(now)))
    fail(`DEMO_NOW must be an ISO 8601 instant such as 2026-11-17T10:00:00+01:00; got ${now}.`);
  const configPath = resolve(process.env.BREVLADEVAKTEN_CONFIG ?? 'config.json');
  let faults: FaultSettings | undefined;
  try {
    faults = process.env.GRAPH_FAULTS ? parseFaultSpec(process.env.GRAPH_FAULTS) : undefined;
  } catch (error) {
    fail(error instanceof Error ? error.message.replace(/^\[emulator\] /, '') : String(error));
  }

  const emulator = await startEmulator({
    port,
    seed,
    now,
    ...(faults ? { faults } : {}),
    ...(process.env.GRAPH_HOST ? { host: process.env.GRAPH_HOST } : {}),
    ...readConfig(configPath),
  }).catch((error: unknown) =>
    fail(
      `Could not start on port ${port}: ${error instanceof Error ? error.message : String(error)}. Is another emulator running? Set GRAPH_PORT.`,
    ),
  );
  console.log(`[emulator] Microsoft Graph emulator (Sjöby kommun, seed ${seed}, now ${now})`);
  console.log(emulator.url);
  for (const persona of emulator.tenant.personas) {
    const user = emulator.tenant.findUser(persona.upn);
    console.log(`  ${persona.role.padEnd(8)} ${persona.upn.padEnd(32)} ${user?.displayName ?? ''}`);
  }
  console.log(`  try: curl -H 'Authorization: Bearer demo' '${emulator.url}/me'`);
  console.log(
    `  new mail: curl -X POST -d '{"count":3}' -H 'Content-Type: application/json' ${emulator.origin}/demo/simulate`,
  );
  if (faults)
    console.log(
      `  faults: ${JSON.stringify(emulator.faults.settings)} (change with ${emulator.origin}/demo/faults)`,
    );

  const stop = () => {
    void emulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(realpathSync(entry)).href) void main();
