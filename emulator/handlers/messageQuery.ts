import { compileFilter, filterProperties, parseFilter } from '../odata/filter.ts';
import type { FilterableCollections, FilterableProperties } from '../odata/filter.ts';
import {
  parseCount,
  parseOrderBy,
  parseSelect,
  parseSkip,
  parseTop,
  preferredPageSize,
  readQueryOptions,
} from '../odata/queryOptions.ts';
import { errors, fail, ok } from '../pipeline/respond.ts';
import type { Outcome } from '../pipeline/respond.ts';
import { extendedPropertyIds, messageProperties } from '../model/messageView.ts';
import type { MessageState } from '../model/types.ts';

/** What a client may filter messages on in the emulator. */
export const filterableMessageProperties: FilterableProperties<MessageState> = {
  receivedDateTime: { type: 'dateTime', get: (m) => m.receivedDateTime },
  isRead: { type: 'boolean', get: (m) => m.isRead },
  'flag/flagStatus': { type: 'string', get: (m) => m.flag.flagStatus },
};

/**
 * `singleValueExtendedProperties/any(ep: ep/id eq 'Integer 0x1081' and ep/value eq '102')`: the
 * extended properties a message has, as `{id, value}` (values are strings, as Graph writes them).
 */
export const filterableMessageCollections: FilterableCollections<MessageState> = {
  singleValueExtendedProperties: {
    properties: ['id', 'value'],
    elements: (m) => {
      const values: Array<Record<string, string>> = [];
      if (m.lastVerbExecuted !== null)
        values.push({ id: extendedPropertyIds.lastVerbExecuted, value: String(m.lastVerbExecuted) });
      if (m.lastVerbExecutionTime !== null)
        values.push({ id: extendedPropertyIds.lastVerbExecutionTime, value: m.lastVerbExecutionTime });
      return values;
    },
  },
};

export interface MessageListQuery {
  select: string[] | null;
  extendedProperties: string[] | null;
  filter: ((message: MessageState) => boolean) | null;
  orderBy: { property: string; direction: 'asc' | 'desc' };
  pageSize: number;
  skip: number;
  count: boolean;
}

/**
 * `$expand=singleValueExtendedProperties($filter=id eq 'Integer 0x1081' or id eq 'SystemTime 0x1082')`:
 * the only expansion the product needs (reply/forward state). Returns the requested property ids.
 */
export function parseExtendedPropertyExpand(value: string | undefined): Outcome<string[] | null> {
  if (value === undefined) return ok(null);
  const match = /^\s*singleValueExtendedProperties\s*\(\s*\$filter\s*=\s*(.+)\)\s*$/i.exec(value);
  const unsupported = errors.badRequest(
    `The emulator supports only $expand=singleValueExtendedProperties($filter=id eq '<id>' [or id eq '<id>']) on messages; got '${value}'.`,
  );
  if (!match?.[1]) return fail(unsupported);
  const parsed = parseFilter(match[1]);
  if (!parsed.ok) return parsed;
  const ids: string[] = [];
  const collect = (node: typeof parsed.value): boolean => {
    if (node.kind === 'or') return collect(node.left) && collect(node.right);
    if (
      node.kind === 'compare' &&
      node.property.toLowerCase() === 'id' &&
      node.operator === 'eq' &&
      node.literal.kind === 'string'
    ) {
      ids.push(node.literal.value);
      return true;
    }
    return false;
  };
  return collect(parsed.value) ? ok(ids) : fail(unsupported);
}

/** Parses the query of a message collection request (a folder's messages or all messages). */
export function parseMessageListQuery(url: URL, request: Request): Outcome<MessageListQuery> {
  const options = readQueryOptions(url, ['select', 'expand', 'filter', 'orderby', 'top', 'skip', 'count']);
  if (!options.ok) return options;
  const o = options.value;
  const select = parseSelect(o.select, messageProperties, 'microsoft.graph.message');
  if (!select.ok) return select;
  const expand = parseExtendedPropertyExpand(o.expand);
  if (!expand.ok) return expand;
  const top = parseTop(o.top, 1000);
  if (!top.ok) return top;
  const skip = parseSkip(o.skip);
  if (!skip.ok) return skip;
  const count = parseCount(o.count);
  if (!count.ok) return count;
  const orderBy = parseOrderBy(o.orderby, ['receivedDateTime'], 'messages');
  if (!orderBy.ok) return orderBy;

  let filter: MessageListQuery['filter'] = null;
  if (o.filter !== undefined) {
    const parsed = parseFilter(o.filter);
    if (!parsed.ok) return parsed;
    // Exchange refuses a sort property that does not lead the filter (documented for messages:
    // "properties that appear in $orderby must also appear in $filter … in the same order").
    if (
      orderBy.value &&
      filterProperties(parsed.value)[0]?.toLowerCase() !== orderBy.value.property.toLowerCase()
    ) {
      return fail({
        status: 400,
        code: 'InefficientFilter',
        message: 'The restriction or sort order is too complex for this operation.',
      });
    }
    const compiled = compileFilter(
      parsed.value,
      filterableMessageProperties,
      'messages',
      filterableMessageCollections,
    );
    if (!compiled.ok) return compiled;
    filter = compiled.value;
  }
  return ok({
    select: select.value,
    extendedProperties: expand.value,
    filter,
    orderBy: orderBy.value ?? { property: 'receivedDateTime', direction: 'desc' },
    pageSize: Math.min(top.value ?? preferredPageSize(request) ?? 10, 1000),
    skip: skip.value,
    count: count.value,
  });
}

/** Sorts by received time, then id, so pages are stable while nothing changes. */
export function sortMessages(messages: MessageState[], direction: 'asc' | 'desc'): MessageState[] {
  const sign = direction === 'asc' ? 1 : -1;
  return messages.sort(
    (a, b) =>
      sign * (Date.parse(a.receivedDateTime) - Date.parse(b.receivedDateTime)) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}
