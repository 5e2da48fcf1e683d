import { errors, graphError, json } from '../pipeline/respond.ts';
import type { GraphContext, RouteDefinition } from '../pipeline/types.ts';
import type { FaultSettingsInput } from '../faults/faultInjector.ts';
import { refuseRemoteAnonymous } from './demoAccess.ts';
import { readJsonObject } from './resolve.ts';

/**
 * Fault injection and the request log over HTTP, for the demo and manual debugging (not Graph):
 *
 * - `GET /demo/faults` — the settings and counters; `POST /demo/faults` replaces the settings
 *   (`{"throttleRate": 0.2, "retryAfterSeconds": 1, "seed": 7, …}`); `DELETE /demo/faults` clears them;
 * - `POST /demo/faults/expireTokens` — every token issued by `POST /demo/token` so far expires;
 * - `POST /demo/deltaTokens/expire` `{"mailbox"?: "…"}` — delta links of one mailbox (or all) answer 410;
 * - `GET /demo/log?since=<seq>&limit=<n>` — the request log (newest last); `DELETE /demo/log` clears it.
 */

function noFaults(context: GraphContext): Response {
  return graphError(context, {
    status: 404,
    code: 'NotFound',
    message: 'This emulator runs without fault injection (createGraphHandlers without `faults`).',
  });
}

function faultsState(context: GraphContext) {
  const faults = context.faults;
  return faults
    ? { settings: faults.settings, counters: faults.counters, tokenEpoch: faults.tokenEpoch }
    : { settings: null, counters: null, tokenEpoch: 0 };
}

const settingNames = [
  'throttleRate',
  'unavailableRate',
  'dropRate',
  'latencyMs',
  'retryAfterSeconds',
  'retryAfterFormat',
  'refuseDeltaExpand',
  'seed',
];

async function setFaults(context: GraphContext): Promise<Response> {
  const refused = refuseRemoteAnonymous(context);
  if (refused) return refused;
  if (!context.faults) return noFaults(context);
  const body = await readJsonObject(context.request);
  if (!body.ok) return graphError(context, body.error);
  const unknown = Object.keys(body.value).filter((k) => !settingNames.includes(k));
  if (unknown.length > 0)
    return graphError(
      context,
      errors.badRequest(`Unknown fault settings: ${unknown.join(', ')}. Known: ${settingNames.join(', ')}.`),
    );
  try {
    context.faults.set(body.value as FaultSettingsInput);
  } catch (error) {
    return graphError(context, errors.badRequest(error instanceof Error ? error.message : String(error)));
  }
  return json(faultsState(context));
}

export const demoFaultRoutes: RouteDefinition[] = [
  {
    name: 'demo.faults.get',
    method: 'GET',
    path: '/demo/faults',
    scope: 'origin',
    handle: (context) => json(faultsState(context)),
  },
  { name: 'demo.faults.set', method: 'POST', path: '/demo/faults', scope: 'origin', handle: setFaults },
  {
    name: 'demo.faults.clear',
    method: 'DELETE',
    path: '/demo/faults',
    scope: 'origin',
    handle: (context) => {
      const refused = refuseRemoteAnonymous(context);
      if (refused) return refused;
      context.faults?.clear();
      return json(faultsState(context));
    },
  },
  {
    name: 'demo.faults.expireTokens',
    method: 'POST',
    path: '/demo/faults/expireTokens',
    scope: 'origin',
    handle: (context) => {
      const refused = refuseRemoteAnonymous(context);
      if (refused) return refused;
      if (!context.faults) return noFaults(context);
      context.faults.expireTokens();
      return json(faultsState(context));
    },
  },
  {
    name: 'demo.deltaTokens.expire',
    method: 'POST',
    path: '/demo/deltaTokens/expire',
    scope: 'origin',
    handle: async (context) => {
      const refused = refuseRemoteAnonymous(context);
      if (refused) return refused;
      const text = await context.request.text();
      let mailbox: unknown;
      try {
        mailbox = text.trim() === '' ? undefined : (JSON.parse(text) as { mailbox?: unknown }).mailbox;
      } catch {
        return graphError(context, errors.badRequest('Send {"mailbox": "…"} or nothing (all mailboxes).'));
      }
      if (mailbox !== undefined && (typeof mailbox !== 'string' || !context.tenant.findUser(mailbox)))
        return graphError(context, errors.userNotFound(String(mailbox)));
      context.tenant.expireDeltaTokens(mailbox);
      return json({ expired: mailbox ?? 'all' });
    },
  },
  {
    name: 'demo.log.get',
    method: 'GET',
    path: '/demo/log',
    scope: 'origin',
    handle: (context) => {
      const since = Number(context.url.searchParams.get('since') ?? 0);
      const limit = Number(context.url.searchParams.get('limit') ?? 1000);
      const entries = (context.log?.entries() ?? []).filter(
        (e) => e.seq > (Number.isFinite(since) ? since : 0),
      );
      return json({ value: entries.slice(-Math.max(1, Number.isFinite(limit) ? limit : 1000)) });
    },
  },
  {
    name: 'demo.log.clear',
    method: 'DELETE',
    path: '/demo/log',
    scope: 'origin',
    handle: (context) => {
      const refused = refuseRemoteAnonymous(context);
      if (refused) return refused;
      context.log?.clear();
      return json({ cleared: true });
    },
  },
];
