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
 * it make one request, not one each. A read that failed is not kept: the next caller reads again.
 */
export function sessionRegister(graph: Client, register: RegisterList): Read {
  const key = `${register.siteId}|${register.listId}`;
  let byList = reads.get(graph);
  if (!byList) reads.set(graph, (byList = new Map()));
  let read = byList.get(key);
  if (!read) {
    const started = readRegister(graph, register);
    read = started;
    byList.set(key, started);
    void started.then((result) => {
      if (!result.ok && byList.get(key) === started) byList.delete(key);
    });
  }
  return read;
}
