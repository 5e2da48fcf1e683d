import { base64UrlToUtf8, utf8ToBase64Url } from './base64.ts';

/**
 * The state a message delta link carries. Tokens are opaque to clients (base64url of this JSON);
 * the emulator keeps no per-client state, so any link can be replayed.
 */
export interface DeltaOptions {
  /** `$select`, canonical names; `null`: the default properties. */
  select: string[] | null;
  /** Extended property ids from `$expand=singleValueExtendedProperties($filter=…)`. */
  expand: string[] | null;
  /** `$filter=receivedDateTime ge|gt <instant>`. */
  filter: { operator: 'ge' | 'gt'; instant: string } | null;
  /** `$orderby=receivedDateTime desc`. */
  newestFirst: boolean;
  /** The custom `changeType` option. */
  changeType: 'created' | 'updated' | 'deleted' | null;
  /** Page size from the first request (`$top` or `Prefer: odata.maxpagesize`); `null`: default. */
  pageSize: number | null;
}

export interface DeltaState {
  /** `skip` continues a round (`$skiptoken`); `delta` starts the next round (`$deltatoken`). */
  kind: 'skip' | 'delta';
  /** The tenant instance that issued it: links from an earlier emulator run are unknown (410). */
  instance: string;
  mailboxId: string;
  folderId: string;
  /** The mailbox's delta generation when issued; older generations are expired (410). */
  generation: number;
  /** Changes after this sequence number belong to the round; `null`: the initial (full) round. */
  since: number | null;
  /** The tenant's sequence number when the round started (skip tokens). */
  upTo?: number;
  /** The sort key of the last item returned (skip tokens). */
  after?: [number | string, string];
  /** Items returned so far in the round (skip tokens; for the 5,000-message cap with `$filter`). */
  returned?: number;
  options: DeltaOptions;
}

interface Wire {
  v: 1;
  k: 's' | 'd';
  t: string;
  m: string;
  f: string;
  g: number;
  s: number | null;
  u?: number;
  a?: [number | string, string];
  r?: number;
  o: {
    s: string[] | null;
    x: string[] | null;
    f: [string, string] | null;
    d: 0 | 1;
    c: DeltaOptions['changeType'];
    p: number | null;
  };
}

export function encodeDeltaToken(state: DeltaState): string {
  const o = state.options;
  const wire: Wire = {
    v: 1,
    k: state.kind === 'skip' ? 's' : 'd',
    t: state.instance,
    m: state.mailboxId,
    f: state.folderId,
    g: state.generation,
    s: state.since,
    o: {
      s: o.select,
      x: o.expand,
      f: o.filter ? [o.filter.operator, o.filter.instant] : null,
      d: o.newestFirst ? 1 : 0,
      c: o.changeType,
      p: o.pageSize,
    },
  };
  if (state.upTo !== undefined) wire.u = state.upTo;
  if (state.after !== undefined) wire.a = state.after;
  if (state.returned !== undefined) wire.r = state.returned;
  return utf8ToBase64Url(JSON.stringify(wire));
}

const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((v) => typeof v === 'string');

/** The state of a token, or `null` when it is not one the emulator issued. */
export function decodeDeltaToken(token: string): DeltaState | null {
  const text = base64UrlToUtf8(token);
  if (text === null) return null;
  let wire: Wire;
  try {
    wire = JSON.parse(text) as Wire;
  } catch {
    return null;
  }
  if (
    typeof wire !== 'object' ||
    wire === null ||
    wire.v !== 1 ||
    (wire.k !== 's' && wire.k !== 'd') ||
    typeof wire.t !== 'string' ||
    typeof wire.m !== 'string' ||
    typeof wire.f !== 'string' ||
    typeof wire.g !== 'number' ||
    (wire.s !== null && typeof wire.s !== 'number') ||
    typeof wire.o !== 'object' ||
    wire.o === null
  )
    return null;
  const o = wire.o;
  if (
    (o.s !== null && !isStringArray(o.s)) ||
    (o.x !== null && !isStringArray(o.x)) ||
    (o.f !== null && (!isStringArray(o.f) || o.f.length !== 2 || (o.f[0] !== 'ge' && o.f[0] !== 'gt')))
  )
    return null;
  const state: DeltaState = {
    kind: wire.k === 's' ? 'skip' : 'delta',
    instance: wire.t,
    mailboxId: wire.m,
    folderId: wire.f,
    generation: wire.g,
    since: wire.s,
    options: {
      select: o.s,
      expand: o.x,
      filter: o.f ? { operator: o.f[0] as 'ge' | 'gt', instant: o.f[1] ?? '' } : null,
      newestFirst: o.d === 1,
      changeType: o.c === 'created' || o.c === 'updated' || o.c === 'deleted' ? o.c : null,
      pageSize: typeof o.p === 'number' ? o.p : null,
    },
  };
  if (typeof wire.u === 'number') state.upTo = wire.u;
  if (Array.isArray(wire.a) && wire.a.length === 2 && typeof wire.a[1] === 'string')
    state.after = [wire.a[0], wire.a[1]];
  if (typeof wire.r === 'number') state.returned = wire.r;
  if (state.kind === 'skip' && (state.upTo === undefined || state.after === undefined)) return null;
  return state;
}
