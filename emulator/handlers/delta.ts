import { decodeDeltaToken, encodeDeltaToken } from '../model/deltaToken.ts';
import type { DeltaOptions, DeltaState } from '../model/deltaToken.ts';
import { messageProperties, messageView } from '../model/messageView.ts';
import type { MailFolderState, MessageState, UserState } from '../model/types.ts';
import { parseFilter } from '../odata/filter.ts';
import { parseSelect, parseTop, preferredPageSize } from '../odata/queryOptions.ts';
import { markFault } from '../pipeline/requestLog.ts';
import { errors, fail, graphError, json, ok } from '../pipeline/respond.ts';
import type { GraphErrorBody, Outcome } from '../pipeline/respond.ts';
import type { GraphContext, RouteDefinition } from '../pipeline/types.ts';
import { parseExtendedPropertyExpand } from './messageQuery.ts';
import { resolveFolder, resolveMailbox } from './resolve.ts';

/**
 * Message delta (`GET …/mailFolders/{id}/messages/delta`), as Graph documents it: a first round
 * returns every message of the folder, later rounds (from the `@odata.deltaLink`) what was
 * created, changed or moved in since — and `@removed` (`reason: deleted`) for messages that left,
 * whether deleted or moved. Options go in the first request only; links carry them.
 *
 * Tokens hold the round's change-sequence window and the sort key of the last item returned, so
 * pages are stable while the mailbox changes and every link can be replayed. A token of an older
 * delta generation (`tenant.expireDeltaTokens`) or one the emulator did not issue is 410 Gone,
 * `SyncStateNotFound`.
 */

const DEFAULT_PAGE_SIZE = 10;
const MAX_PAGE_SIZE = 1000;
/** "Applying `$filter` in a delta query returns only up to 5,000 messages." */
const FILTERED_LIMIT = 5000;

const invalidUrlQuery = (names: string[]): GraphErrorBody => ({
  status: 400,
  code: 'ErrorInvalidUrlQuery',
  message: `The following parameters are not supported with change tracking over the 'Messages' resource: '${names.join(', ')}'.`,
});

const syncStateNotFound = (detail: string): GraphErrorBody => ({
  status: 410,
  code: 'SyncStateNotFound',
  message: `The sync state generation is not found; ${detail} Drop the delta link and synchronise again from scratch.`,
});

interface DeltaQuery {
  /** The token's state, or `null` for a first request. */
  state: DeltaState | null;
  options: DeltaOptions;
}

/** Reads a delta request's query: options (first request) or a token (later ones), never both. */
function readDeltaQuery(
  url: URL,
): Outcome<DeltaQuery & { tokenName: 'skiptoken' | 'deltatoken' | null; token: string | null }> {
  const found: Record<string, string> = {};
  const unsupported: string[] = [];
  const known = ['select', 'expand', 'filter', 'orderby', 'top', 'skiptoken', 'deltatoken'];
  for (const [rawName, value] of url.searchParams) {
    const name = rawName.replace(/^\$/, '').toLowerCase();
    if (name === 'changetype' && !rawName.startsWith('$')) {
      found.changetype = value;
      continue;
    }
    if (!known.includes(name)) {
      if (rawName.startsWith('$')) unsupported.push(`$${name}`);
      continue; // a custom parameter: Graph ignores it
    }
    if (found[name] !== undefined)
      return fail(
        errors.badRequest(
          `Query option '$${name}' was specified more than once, it must be specified at most once.`,
        ),
      );
    found[name] = value;
  }
  if (unsupported.length > 0) return fail(invalidUrlQuery(unsupported));
  if (found.skiptoken !== undefined && found.deltatoken !== undefined)
    return fail(
      errors.badRequest('Send either $skiptoken or $deltatoken, not both: follow the link as given.'),
    );
  const tokenName =
    found.skiptoken !== undefined ? 'skiptoken' : found.deltatoken !== undefined ? 'deltatoken' : null;
  const token = tokenName ? (found[tokenName] ?? '') : null;
  const optionNames = ['select', 'expand', 'filter', 'orderby', 'top', 'changetype'].filter(
    (n) => found[n] !== undefined,
  );
  if (token !== null) {
    if (optionNames.length > 0)
      return fail(
        errors.badRequest(
          `Query options (${optionNames.map((n) => (n === 'changetype' ? n : `$${n}`)).join(', ')}) go in the first delta request only; the ${tokenName === 'skiptoken' ? '@odata.nextLink' : '@odata.deltaLink'} already carries them. Follow the link as given.`,
        ),
      );
    return ok({ state: null, options: emptyOptions(), tokenName, token });
  }

  const select = parseSelect(found.select, messageProperties, 'microsoft.graph.message');
  if (!select.ok) return select;
  const expand = parseExtendedPropertyExpand(found.expand);
  if (!expand.ok) return expand;
  const top = parseTop(found.top, MAX_PAGE_SIZE);
  if (!top.ok) return top;
  let filter: DeltaOptions['filter'] = null;
  if (found.filter !== undefined) {
    const parsed = parseFilter(found.filter);
    if (!parsed.ok) return parsed;
    const node = parsed.value;
    if (
      node.kind !== 'compare' ||
      node.property.toLowerCase() !== 'receiveddatetime' ||
      (node.operator !== 'ge' && node.operator !== 'gt') ||
      node.literal.kind !== 'dateTime'
    ) {
      return fail(
        errors.badRequest(
          `Message delta supports only $filter=receivedDateTime ge <instant> or receivedDateTime gt <instant>; got '${found.filter}'.`,
        ),
      );
    }
    filter = { operator: node.operator, instant: node.literal.value };
  }
  let newestFirst = false;
  if (found.orderby !== undefined) {
    if (!/^\s*receivedDateTime\s+desc\s*$/i.test(found.orderby))
      return fail(
        errors.badRequest(
          `Message delta supports only $orderby=receivedDateTime desc; got '${found.orderby}'.`,
        ),
      );
    newestFirst = true;
  }
  let changeType: DeltaOptions['changeType'] = null;
  if (found.changetype !== undefined) {
    const value = found.changetype.toLowerCase();
    if (value !== 'created' && value !== 'updated' && value !== 'deleted')
      return fail(
        errors.badRequest(`changeType must be created, updated or deleted; got '${found.changetype}'.`),
      );
    changeType = value;
  }
  return ok({
    state: null,
    tokenName: null,
    token: null,
    options: {
      select: select.value,
      expand: expand.value,
      filter,
      newestFirst,
      changeType,
      pageSize: top.value === null ? null : Math.max(1, top.value),
    },
  });
}

function emptyOptions(): DeltaOptions {
  return { select: null, expand: null, filter: null, newestFirst: false, changeType: null, pageSize: null };
}

/** Checks a token against the folder it is used on and the mailbox's current delta generation. */
function readToken(
  context: GraphContext,
  mailbox: UserState,
  folder: MailFolderState,
  tokenName: 'skiptoken' | 'deltatoken',
  token: string,
): Outcome<DeltaState> {
  const state = decodeDeltaToken(token);
  if (!state || (state.kind === 'skip') !== (tokenName === 'skiptoken'))
    return fail(syncStateNotFound(`the $${tokenName} is not one this service issued.`));
  if (state.instance !== context.tenant.instanceId)
    return fail(syncStateNotFound(`the $${tokenName} comes from an earlier run of the emulator.`));
  if (state.mailboxId !== mailbox.id || state.folderId !== folder.id)
    return fail(syncStateNotFound(`the $${tokenName} belongs to another mailbox or folder.`));
  const current = context.tenant.deltaGenerationOf(mailbox.id);
  if (state.generation !== current)
    return fail(syncStateNotFound(`generation=${state.generation};[highest=${current}].`));
  return ok(state);
}

type Entry =
  | { kind: 'message'; key: [number | string, string]; message: MessageState }
  | { kind: 'removed'; key: [number | string, string]; id: string };

function compareKeys(
  a: [number | string, string],
  b: [number | string, string],
  descending: boolean,
): number {
  const [a0, a1] = a;
  const [b0, b1] = b;
  const primary = a0 < b0 ? -1 : a0 > b0 ? 1 : 0;
  if (primary !== 0) return descending ? -primary : primary;
  return a1 < b1 ? -1 : a1 > b1 ? 1 : 0;
}

interface Round {
  entries: Entry[];
  /** Sort keys descend (newest first) rather than ascend. */
  descending: boolean;
  /** The latest change in the folder up to the round's end: where the next round starts. */
  watermark: number;
}

/**
 * Everything the round reports, in order: the whole folder for a first round (as of `upTo`), or the
 * changes in `(since, upTo]` — messages now in the folder, then `@removed` for those that left.
 */
function computeRound(
  mailbox: UserState,
  folder: MailFolderState,
  since: number | null,
  upTo: number,
  options: DeltaOptions,
): Round {
  const filterMs = options.filter ? Date.parse(options.filter.instant) : null;
  const matchesFilter = (m: MessageState) => {
    if (filterMs === null || !options.filter) return true;
    const t = Date.parse(m.receivedDateTime);
    return options.filter.operator === 'ge' ? t >= filterMs : t > filterMs;
  };
  let watermark = since ?? 0;
  const inFolder: MessageState[] = [];
  for (const message of mailbox.mailbox.messages.values()) {
    if (message.folderId !== folder.id || message.changeSeq > upTo) continue;
    if (message.changeSeq > watermark) watermark = message.changeSeq;
    inFolder.push(message);
  }
  for (const tombstone of mailbox.mailbox.tombstones)
    if (tombstone.folderId === folder.id && tombstone.changeSeq <= upTo && tombstone.changeSeq > watermark)
      watermark = tombstone.changeSeq;

  if (since === null) {
    let messages = inFolder.filter(matchesFilter);
    if (options.filter && messages.length > FILTERED_LIMIT) {
      messages.sort(
        (a, b) => Date.parse(b.receivedDateTime) - Date.parse(a.receivedDateTime) || (a.id < b.id ? -1 : 1),
      );
      messages = messages.slice(0, FILTERED_LIMIT);
    }
    const entries: Entry[] = messages.map((message) => ({
      kind: 'message',
      key: options.newestFirst
        ? [Date.parse(message.receivedDateTime), message.id]
        : [message.changeSeq, message.id],
      message,
    }));
    entries.sort((a, b) => compareKeys(a.key, b.key, options.newestFirst));
    return { entries, descending: options.newestFirst, watermark };
  }

  const entries: Entry[] = [];
  if (options.changeType !== 'deleted') {
    for (const message of inFolder) {
      if (message.changeSeq <= since || !matchesFilter(message)) continue;
      const created = message.folderSeq > since;
      if (options.changeType === 'created' && !created) continue;
      if (options.changeType === 'updated' && created) continue;
      entries.push({ kind: 'message', key: [message.changeSeq, message.id], message });
    }
  }
  if (options.changeType === null || options.changeType === 'deleted') {
    const present = new Set(inFolder.map((m) => m.id));
    const removed = new Map<string, number>();
    for (const tombstone of mailbox.mailbox.tombstones) {
      if (tombstone.folderId !== folder.id || tombstone.changeSeq <= since || tombstone.changeSeq > upTo)
        continue;
      if (present.has(tombstone.messageId)) continue; // it came back: reported as a message
      removed.set(tombstone.messageId, Math.max(removed.get(tombstone.messageId) ?? 0, tombstone.changeSeq));
    }
    for (const [id, seq] of removed) entries.push({ kind: 'removed', key: [seq, id], id });
  }
  entries.sort((a, b) => compareKeys(a.key, b.key, false));
  return { entries, descending: false, watermark };
}

function entryView(entry: Entry, options: DeltaOptions): Record<string, unknown> {
  if (entry.kind === 'removed')
    return { '@odata.type': '#microsoft.graph.message', id: entry.id, '@removed': { reason: 'deleted' } };
  return {
    '@odata.type': '#microsoft.graph.message',
    ...messageView(entry.message, { select: options.select, extendedProperties: options.expand }),
  };
}

function linkFor(context: GraphContext, name: '$skiptoken' | '$deltatoken', state: DeltaState): string {
  return `${new URL(context.serviceRoot).origin}${context.url.pathname}?${name}=${encodeDeltaToken(state)}`;
}

function delta(context: GraphContext): Response {
  const mailbox = resolveMailbox(context);
  if (!mailbox.ok) return graphError(context, mailbox.error);
  const folder = resolveFolder(context, mailbox.value, context.params.folderId ?? '');
  if (!folder.ok) return graphError(context, folder.error);
  const query = readDeltaQuery(context.url);
  if (!query.ok) return graphError(context, query.error);

  let state: DeltaState;
  if (query.value.token !== null && query.value.tokenName !== null) {
    const read = readToken(context, mailbox.value, folder.value, query.value.tokenName, query.value.token);
    if (!read.ok) return graphError(context, read.error);
    state = read.value;
  } else {
    state = {
      kind: 'delta',
      instance: context.tenant.instanceId,
      mailboxId: mailbox.value.id,
      folderId: folder.value.id,
      generation: context.tenant.deltaGenerationOf(mailbox.value.id),
      since: null,
      options: query.value.options,
    };
  }
  const options = state.options;
  if (options.expand && context.faults?.settings.refuseDeltaExpand) {
    return markFault(
      graphError(context, {
        status: 400,
        code: 'ErrorInvalidUrlQuery',
        message:
          "The following parameters are not supported with change tracking over the 'Messages' resource: '$expand'. ($expand is not supported on delta: fetch singleValueExtendedProperties of the changed messages with GET requests.)",
      }),
      'refuseDeltaExpand',
    );
  }

  const preferred = preferredPageSize(context.request);
  const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, preferred ?? options.pageSize ?? DEFAULT_PAGE_SIZE));
  const upTo = state.kind === 'skip' ? (state.upTo ?? context.tenant.changeSeq) : context.tenant.changeSeq;
  const round = computeRound(mailbox.value, folder.value, state.since, upTo, options);
  const after = state.kind === 'skip' ? state.after : undefined;
  const start = after ? round.entries.findIndex((e) => compareKeys(e.key, after, round.descending) > 0) : 0;
  const remaining = start < 0 ? [] : round.entries.slice(start);
  const page = remaining.slice(0, pageSize);
  const returned = (state.kind === 'skip' ? (state.returned ?? 0) : 0) + page.length;

  const body: Record<string, unknown> = {
    '@odata.context': `${context.serviceRoot}/$metadata#Collection(message)`,
  };
  const last = page[page.length - 1];
  if (remaining.length > page.length && last) {
    body['@odata.nextLink'] = linkFor(context, '$skiptoken', {
      kind: 'skip',
      instance: state.instance,
      mailboxId: state.mailboxId,
      folderId: state.folderId,
      generation: state.generation,
      since: state.since,
      upTo,
      after: last.key,
      returned,
      options,
    });
  } else {
    body['@odata.deltaLink'] = linkFor(context, '$deltatoken', {
      kind: 'delta',
      instance: state.instance,
      mailboxId: state.mailboxId,
      folderId: state.folderId,
      generation: state.generation,
      since: round.watermark,
      options,
    });
  }
  body.value = page.map((entry) => entryView(entry, options));
  const headers: Record<string, string> = {};
  if (preferred !== null) headers['Preference-Applied'] = `odata.maxpagesize=${pageSize}`;
  return json(body, { headers });
}

export const deltaRoutes: RouteDefinition[] = [
  {
    name: 'mailFolder.messages.delta',
    method: 'GET',
    path: '/users/{userId}/mailFolders/{folderId}/messages/delta',
    handle: delta,
  },
];
