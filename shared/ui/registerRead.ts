import type { Client } from '@microsoft/microsoft-graph-client';
import { readRegister } from '../graph/index.ts';
import type { GraphResult, RegisterSnapshot } from '../graph/index.ts';

type RegisterList = { siteId: string; listId: string };
type Read = Promise<GraphResult<RegisterSnapshot>>;

// Per Graph client, i.e. per session (a new user or token provider makes a new client): the register
// as read for it, by list.
const reads = new WeakMap<Client, Map<string, Read>>();

/**
 * The mailbox register as read in this session: the first caller (the start-up, or the first view that
 * shows it) starts the read and every later caller shares it, so the task pane and the demo host around
 * it make one request, not one each. `fresh` reads again, and later callers share that read.
 */
export function sessionRegister(
  graph: Client,
  register: RegisterList,
  options: { fresh?: boolean } = {},
): Read {
  const key = `${register.siteId}|${register.listId}`;
  let byList = reads.get(graph);
  if (!byList) reads.set(graph, (byList = new Map()));
  let read = byList.get(key);
  if (!read || options.fresh) {
    read = readRegister(graph, register);
    byList.set(key, read);
  }
  return read;
}
